// @ts-check
/**
 * Advance widths read straight from a TrueType font's cmap and hmtx tables. Plain JavaScript because
 * both sides use it: og-text.ts lays a card out with these widths, and og-raster.mjs (which may run as
 * a worker thread straight from the source tree) places the glyphs with the same widths, so that the
 * drawn text is exactly as wide as the text that was measured.
 */

/**
 * Advance widths of one font, in em units (1 = the font size).
 * @typedef {object} FontMetrics
 * @property {(text: string) => number} width Width of a string at font size 1.
 * @property {(codePoint: number) => number} advance Advance of one character at font size 1.
 */

/**
 * @param {Buffer} font
 * @param {string} tag
 * @returns {number}
 */
function table(font, tag) {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The font has no "${tag}" table`);
}

/**
 * Maps code points to glyph ids from the best Unicode cmap subtable (format 12, else format 4).
 * @param {Buffer} font
 * @returns {(codePoint: number) => number}
 */
function readCmap(font) {
  const cmap = table(font, "cmap");
  const count = font.readUInt16BE(cmap + 2);
  /** @type {number | undefined} */
  let format4;
  /** @type {number | undefined} */
  let format12;
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

/**
 * Reads the advance widths of a TrueType/OpenType font file.
 * @param {Buffer} font
 * @returns {FontMetrics}
 */
export function fontMetrics(font) {
  const unitsPerEm = font.readUInt16BE(table(font, "head") + 18);
  const metricsCount = font.readUInt16BE(table(font, "hhea") + 34);
  const hmtx = table(font, "hmtx");
  const glyphOf = readCmap(font);
  /** @type {Map<number, number>} */
  const cache = new Map();
  /** @param {number} codePoint */
  const advance = (codePoint) => {
    let width = cache.get(codePoint);
    if (width === undefined) {
      const glyph = Math.min(glyphOf(codePoint), metricsCount - 1);
      width = font.readUInt16BE(hmtx + glyph * 4) / unitsPerEm;
      cache.set(codePoint, width);
    }
    return width;
  };
  return {
    advance,
    width: (text) => {
      let total = 0;
      for (const char of text) total += advance(char.codePointAt(0) ?? 0);
      return total;
    },
  };
}
