// @ts-check
/**
 * Glyph coverage masks for the card renderer (og-raster.mjs), drawn by resvg with the Inter font files
 * so that the letters look exactly as they did when resvg drew whole cards. Each character is drawn
 * once per thread and font size and weight, at `PHASES` sub-pixel offsets (0, ¼, ½, ¾ px): text is
 * placed at fractional x (advances are fractions of a pixel), and the nearest offset keeps every glyph
 * within ⅛ px of where it belongs without drawing it afresh.
 *
 * A character is drawn alone, in an SVG of its own whose layout depends only on the character, size
 * and weight: its masks do not depend on which cards a thread drew before, so a worker thread and
 * the main thread draw the same bytes. That costs about 0.5 ms a character (all offsets at once); a
 * thread draws a few hundred characters and then only looks them up.
 */
import { Resvg } from "@resvg/resvg-js";

/** Sub-pixel offsets each glyph is drawn at. */
export const PHASES = 4;

/**
 * One glyph's coverage at one sub-pixel offset: `alpha` is `width`×`height` bytes (0–255), whose top
 * left corner is `left` pixels right of the pen's whole-pixel x and `top` pixels below the baseline.
 * @typedef {object} GlyphMask
 * @property {number} left
 * @property {number} top
 * @property {number} width
 * @property {number} height
 * @property {Uint8Array} alpha
 */

/** @type {GlyphMask} */
const BLANK = { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };

/** @type {Map<string, Map<string, GlyphMask[]>>} masks by font files, then by "weight size char" */
const caches = new Map();

/**
 * Escapes text for SVG content and attribute values (og-image.ts's SVG uses it too).
 * @param {string} text
 * @returns {string}
 */
export function escapeXml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Draws one character at every sub-pixel offset, side by side in cells with a margin of one em
 * around the advance (no Inter glyph reaches that far), and crops each cell to its ink.
 * @param {string} char
 * @param {number} size
 * @param {number} weight
 * @param {string[]} fontFiles
 * @returns {GlyphMask[]}
 */
function drawGlyph(char, size, weight, fontFiles) {
  const margin = size;
  const cell = 4 * size;
  const baseline = Math.ceil(1.5 * size);
  const height = baseline + size;
  const texts = Array.from(
    { length: PHASES },
    (_, phase) => `<text x="${phase * cell + margin + phase / PHASES}" y="${baseline}">${escapeXml(char)}</text>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PHASES * cell}" height="${height}" font-family="Inter" font-size="${size}" font-weight="${weight}">` +
    `${texts.join("")}</svg>`;
  const image = new Resvg(svg, {
    fitTo: { mode: "original" },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Inter" },
  }).render();
  const { pixels, width } = image;
  return Array.from({ length: PHASES }, (_, phase) => {
    const x0 = phase * cell;
    let left = cell;
    let right = -1;
    let top = height;
    let bottom = -1;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < cell; x += 1) {
        if (pixels[(y * width + x0 + x) * 4 + 3] === 0) continue;
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
    if (right < 0) return BLANK;
    const mask = { left: left - margin, top: top - baseline, width: right - left + 1, height: bottom - top + 1, alpha: new Uint8Array(0) };
    mask.alpha = new Uint8Array(mask.width * mask.height);
    for (let y = 0; y < mask.height; y += 1) {
      for (let x = 0; x < mask.width; x += 1) mask.alpha[y * mask.width + x] = pixels[((top + y) * width + x0 + left + x) * 4 + 3] ?? 0;
    }
    return mask;
  });
}

/**
 * The glyph masks of one set of font files: a lookup by character, size and weight that draws a
 * character on first use. White space and control characters have no ink (and resvg would drop them).
 * @param {string[]} fontFiles
 * @returns {(char: string, size: number, weight: number) => GlyphMask[]}
 */
export function glyphMasks(fontFiles) {
  const key = fontFiles.join("\n");
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new Map();
    caches.set(key, cache);
  }
  const masks = cache;
  return (char, size, weight) => {
    const id = `${weight} ${size} ${char}`;
    let glyph = masks.get(id);
    if (glyph === undefined) {
      glyph = /^[\s\p{Cc}]$/u.test(char) ? Array.from({ length: PHASES }, () => BLANK) : drawGlyph(char, size, weight, fontFiles);
      masks.set(id, glyph);
    }
    return glyph;
  };
}
