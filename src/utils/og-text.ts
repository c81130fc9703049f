/**
 * Text measurement for the Open Graph cards: advance widths read straight from a TrueType font's
 * cmap and hmtx tables, and greedy line wrapping on top. SVG has no automatic line breaks, and a full
 * layout engine (satori) cost more build time than drawing the cards itself, so the cards are laid out
 * here. Kerning is ignored: Inter's kerning only ever tightens text, so measured lines are never too
 * short for the space they get.
 */

/** Advance widths of one font, in em units (1 = the font size). */
export interface FontMetrics {
  /** Width of a string at font size 1. */
  width: (text: string) => number;
}

function table(font: Buffer, tag: string): number {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The font has no "${tag}" table`);
}

/** Maps code points to glyph ids from the best Unicode cmap subtable (format 12, else format 4). */
function readCmap(font: Buffer): (codePoint: number) => number {
  const cmap = table(font, "cmap");
  const count = font.readUInt16BE(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i += 1) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(offset);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) format12 ??= offset;
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= offset;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = font.readUInt32BE(at + 12);
    return (codePoint) => {
      for (let g = 0; g < groups; g += 1) {
        const group = at + 16 + g * 12;
        const start = font.readUInt32BE(group);
        const end = font.readUInt32BE(group + 4);
        if (codePoint >= start && codePoint <= end) return font.readUInt32BE(group + 8) + codePoint - start;
      }
      return 0;
    };
  }
  if (format4 !== undefined) {
    const at = format4;
    const segments = font.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    return (codePoint) => {
      for (let s = 0; s < segments; s += 1) {
        if (codePoint > font.readUInt16BE(ends + s * 2)) continue;
        const start = font.readUInt16BE(starts + s * 2);
        if (codePoint < start) return 0;
        const delta = font.readInt16BE(deltas + s * 2);
        const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error("The font has no Unicode cmap subtable");
}

/** Reads the advance widths of a TrueType/OpenType font file. */
export function fontMetrics(font: Buffer): FontMetrics {
  const unitsPerEm = font.readUInt16BE(table(font, "head") + 18);
  const metricsCount = font.readUInt16BE(table(font, "hhea") + 34);
  const hmtx = table(font, "hmtx");
  const glyphOf = readCmap(font);
  const cache = new Map<number, number>();
  const advance = (codePoint: number): number => {
    let width = cache.get(codePoint);
    if (width === undefined) {
      const glyph = Math.min(glyphOf(codePoint), metricsCount - 1);
      width = font.readUInt16BE(hmtx + glyph * 4) / unitsPerEm;
      cache.set(codePoint, width);
    }
    return width;
  };
  return {
    width: (text) => {
      let total = 0;
      for (const char of text) total += advance(char.codePointAt(0) ?? 0);
      return total;
    },
  };
}

/**
 * Breaks text into lines no wider than `maxWidth` at `size`, at spaces (and after hyphens and
 * dashes if a word alone is too long). Returns the lines and whether all of the text fitted in
 * `maxLines`; when it did not, the last line ends with "…".
 */
export function wrapText(
  metrics: FontMetrics,
  text: string,
  size: number,
  maxWidth: number,
  maxLines: number,
): { lines: string[]; fits: boolean } {
  const fitsWidth = (line: string) => metrics.width(line) * size <= maxWidth;
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (fitsWidth(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== "") lines.push(current);
    current = word;
  }
  if (current !== "") lines.push(current);
  const tooWide = lines.some((line) => !fitsWidth(line));
  if (lines.length <= maxLines && !tooWide) return { lines, fits: true };
  const kept = lines.slice(0, maxLines);
  let last = kept[kept.length - 1] ?? "";
  while (last.length > 1 && !fitsWidth(`${last}…`)) last = last.slice(0, -1).trimEnd();
  kept[kept.length - 1] = `${last}…`;
  return { lines: kept, fits: false };
}

/** The largest of `sizes` at which the text fits in `maxLines` (else the smallest, ellipsised). */
export function fitText(
  metrics: FontMetrics,
  text: string,
  sizes: readonly number[],
  maxWidth: number,
  maxLines: number,
): { size: number; lines: string[] } {
  for (const size of sizes) {
    const { lines, fits } = wrapText(metrics, text, size, maxWidth, maxLines);
    if (fits) return { size, lines };
  }
  const size = sizes[sizes.length - 1] ?? 40;
  return { size, lines: wrapText(metrics, text, size, maxWidth, maxLines).lines };
}
