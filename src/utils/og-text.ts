/**
 * Text measurement for the Open Graph cards: advance widths read straight from a TrueType font's
 * cmap and hmtx tables (og-font.mjs), and greedy line wrapping on top. A full layout engine (satori)
 * cost more build time than drawing the cards itself, so the cards are laid out here. Kerning is
 * ignored, here and where the glyphs are drawn (og-raster.mjs): a card draws exactly the widths it
 * measured.
 */

/** Advance widths of one font, in em units (1 = the font size): og-font.mjs reads them from a font file. */
export interface FontMetrics {
  /** Width of a string at font size 1. */
  width: (text: string) => number;
}

export { fontMetrics } from "./og-font.mjs";

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
