// @ts-check
/**
 * Draws an Open Graph card from its display list (og-image.ts lays it out) as a PNG. Plain JavaScript
 * so that it can also run as a worker thread straight from the source tree during a build
 * (og-pool.ts): Astro's bundled page code cannot be a worker's entry point. In a worker it answers
 * { id, scene, fonts, file } messages by writing the PNG to `file` (through a temporary name, so a
 * reader never sees half a file).
 *
 * resvg drew a card from its SVG in 15–20 ms of CPU; this draws the same picture in about 2 ms
 * (bench/og-cards.ts), because it only has to draw what a card has:
 * - text from glyph masks drawn once per thread (og-glyphs.mjs), placed with the advances the layout
 *   measured (og-font.mjs), without kerning, like the layout;
 * - axis-aligned rectangles, with rounded corners and a stroke centred on the edge, anti-aliased by
 *   their distance to the edge;
 * - in a palette of at most 256 colours: a card has a handful of colours, and every anti-aliased
 *   pixel is one colour blended over another at one of 32 coverage levels (a step of 1/32 of the
 *   way between two colours does not show). One byte a pixel deflates in about 1 ms against 4 ms
 *   for RGBA, to files of about 34 KB against 58 KB.
 * Everything is integer or deterministic floating point and the palette is filled in drawing order,
 * so the bytes depend only on the display list and the fonts: the same on a worker and the main thread.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { constants, crc32, deflateSync } from "node:zlib";
import { fontMetrics } from "./og-font.mjs";
import { glyphMasks, PHASES } from "./og-glyphs.mjs";

/**
 * A rectangle, optionally with rounded corners and a stroke centred on its edge (as in SVG).
 * @typedef {object} OgRect
 * @property {"rect"} type
 * @property {number} x
 * @property {number} y
 * @property {number} width
 * @property {number} height
 * @property {string} fill Colour as "#rrggbb".
 * @property {number} [radius] Corner radius.
 * @property {string} [stroke] Colour as "#rrggbb".
 * @property {number} [strokeWidth]
 */

/**
 * One line of text in Inter, starting at (x, y) on the baseline.
 * @typedef {object} OgText
 * @property {"text"} type
 * @property {number} x
 * @property {number} y Baseline, drawn at the nearest whole pixel (the layout only uses whole ones).
 * @property {number} size
 * @property {400 | 700} weight
 * @property {string} fill Colour as "#rrggbb".
 * @property {number} [letterSpacing] Added after every character, in pixels.
 * @property {string} text
 */

/**
 * A card as a display list: a background colour and shapes drawn in order.
 * @typedef {object} OgScene
 * @property {number} width
 * @property {number} height
 * @property {string} background Colour as "#rrggbb".
 * @property {(OgRect | OgText)[]} items
 */

/**
 * The Inter font files a card is drawn with.
 * @typedef {object} OgFonts
 * @property {string} regular
 * @property {string} bold
 */

/** Part of the cache key of a drawn card (og-image.ts): change it whenever the pixels change. */
export const RENDERER_VERSION = 1;

/** Coverage levels between two colours: fine enough that no step shows, few enough for the palette. */
const LEVELS = 32;
const LEVEL = Uint8Array.from({ length: 256 }, (_, coverage) => Math.round((coverage * LEVELS) / 255));

/**
 * @param {string} hex "#rrggbb"
 * @returns {number}
 */
function rgb(hex) {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`A card colour must be written #rrggbb, got "${hex}"`);
  return Number.parseInt(hex.slice(1), 16);
}

/**
 * @param {number} under
 * @param {number} over
 * @param {number} level 0–LEVELS
 * @returns {number}
 */
function mix(under, over, level) {
  let result = 0;
  for (let shift = 16; shift >= 0; shift -= 8) {
    const a = (under >> shift) & 0xff;
    const b = (over >> shift) & 0xff;
    result |= Math.round(a + ((b - a) * level) / LEVELS) << shift;
  }
  return result;
}

/** The last card's pixels, reused: a card is drawn and encoded in one synchronous call. */
let scanlines = Buffer.alloc(0);

/**
 * An image of palette indices, stored as PNG scanlines: a filter byte (0, none) before every row.
 *
 * Every colour after the plain ones is one ink blended over another palette colour at a coverage
 * level, and remembers that: painting the same ink over it again adds the levels, the way coverage
 * adds up inside one path, so glyphs that share a pixel (or a rounded corner drawn twice) leave no
 * lighter seam.
 */
class Canvas {
  /**
   * @param {number} width
   * @param {number} height
   * @param {number} background
   */
  constructor(width, height, background) {
    this.width = width;
    this.height = height;
    this.stride = width + 1;
    // Palette index 0 is the background, so a zeroed buffer is a blank card.
    if (scanlines.length === this.stride * height) scanlines.fill(0);
    else scanlines = Buffer.alloc(this.stride * height);
    this.pixels = scanlines;
    /** @type {number[]} the palette */
    this.colours = [background];
    /** @type {number[]} per palette colour: the colour it was blended from, or -1 for a plain colour */
    this.under = [-1];
    /** @type {number[]} per palette colour: the ink blended over `under`, or -1 */
    this.ink = [-1];
    /** @type {number[]} per palette colour: the ink's coverage level */
    this.level = [LEVELS];
    /** @type {Map<number, number>} plain colours and blends ((under × 2^24 + ink) × (LEVELS + 1) + level) to palette indices */
    this.indexOf = new Map([[background, 0]]);
    /** @type {Map<number, Int16Array>} per ink: the index of (pixel's index, level), or -1 until first needed */
    this.blends = new Map();
  }

  /**
   * The palette index of a plain colour or of a blend, added if new. A full palette answers with the
   * nearest colour; a card uses about a hundred.
   * @param {number} colour
   * @param {number} key
   * @param {number} under
   * @param {number} ink
   * @param {number} level
   * @returns {number}
   */
  entry(colour, key, under, ink, level) {
    const known = this.indexOf.get(key);
    if (known !== undefined) return known;
    if (this.colours.length < 256) {
      this.colours.push(colour);
      this.under.push(under);
      this.ink.push(ink);
      this.level.push(level);
      this.indexOf.set(key, this.colours.length - 1);
      return this.colours.length - 1;
    }
    let best = 0;
    let bestDistance = Infinity;
    this.colours.forEach((candidate, i) => {
      let distance = 0;
      for (let shift = 16; shift >= 0; shift -= 8) distance += (((candidate >> shift) & 0xff) - ((colour >> shift) & 0xff)) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    return best;
  }

  /**
   * The index of `ink` blended at `level` over the colour at palette index `under`.
   * @param {number} under
   * @param {number} ink
   * @param {number} level 1–LEVELS
   * @returns {number}
   */
  blend(under, ink, level) {
    if (this.ink[under] === -1 && this.colours[under] === ink) return under;
    let base = under;
    let total = level;
    if (this.ink[under] === ink) {
      base = this.under[under] ?? 0;
      total = Math.min(LEVELS, level + (this.level[under] ?? 0));
    }
    if (total === LEVELS) return this.entry(ink, ink, -1, -1, LEVELS);
    return this.entry(mix(this.colours[base] ?? 0, ink, total), (base * 2 ** 24 + ink) * (LEVELS + 1) + total + 2 ** 24, base, ink, total);
  }

  /**
   * What painting `ink` does to each palette index at each level: table[index × (LEVELS + 1) + level]
   * is the new index, or -1 until `blend` is first asked.
   * @param {number} ink
   * @returns {Int16Array}
   */
  blendTable(ink) {
    let table = this.blends.get(ink);
    if (table === undefined) {
      table = new Int16Array(256 * (LEVELS + 1)).fill(-1);
      this.blends.set(ink, table);
    }
    return table;
  }

  /**
   * Paints `ink` over one pixel at a coverage level.
   * @param {Int16Array} table from blendTable(ink)
   * @param {number} ink
   * @param {number} offset
   * @param {number} level 0–LEVELS
   */
  paint(table, ink, offset, level) {
    if (level === 0) return;
    const under = this.pixels[offset] ?? 0;
    const slot = under * (LEVELS + 1) + level;
    let result = table[slot] ?? -1;
    if (result < 0) {
      result = this.blend(under, ink, level);
      table[slot] = result;
    }
    this.pixels[offset] = result;
  }
}

/**
 * Signed distance from a pixel centre to a rounded rectangle's edge (negative inside).
 * @param {number} px
 * @param {number} py
 * @param {number} cx centre
 * @param {number} cy
 * @param {number} hx half size of the rectangle without its corners
 * @param {number} hy
 * @param {number} radius
 */
function distance(px, py, cx, cy, hx, hy, radius) {
  const qx = Math.abs(px - cx) - hx;
  const qy = Math.abs(py - cy) - hy;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * Fills and strokes a rectangle. A pixel is covered by how far its centre lies inside the edge
 * (clamped to 0–1), which is exact on whole-pixel straight edges and smooth on the corners.
 * @param {Canvas} canvas
 * @param {OgRect} rect
 */
function drawRect(canvas, rect) {
  const { x, y, width, height } = rect;
  const radius = Math.min(rect.radius ?? 0, width / 2, height / 2);
  const half = rect.stroke === undefined ? 0 : (rect.strokeWidth ?? 1) / 2;
  const fill = rgb(rect.fill);
  const fills = canvas.blendTable(fill);
  const stroke = rect.stroke === undefined ? undefined : rgb(rect.stroke);
  const strokes = stroke === undefined ? undefined : canvas.blendTable(stroke);
  const fillLevel = (/** @type {number} */ d) => Math.round(Math.min(1, Math.max(0, 0.5 - d)) * LEVELS);
  const strokeLevel = (/** @type {number} */ d) =>
    half === 0 ? 0 : Math.round(Math.min(1, Math.max(0, half + 0.5 - Math.abs(d))) * LEVELS);
  const cx = x + width / 2;
  const cy = y + height / 2;
  const hx = width / 2 - radius;
  const hy = height / 2 - radius;
  // Between the rounded ends (far enough from them that the stroke cannot reach), the distance to the
  // edge depends on the row alone.
  const reach = hx - Math.max(0, half + 0.5 - radius);
  const x0 = Math.max(0, Math.floor(x - half));
  const x1 = Math.min(canvas.width, Math.ceil(x + width + half));
  const y0 = Math.max(0, Math.floor(y - half));
  const y1 = Math.min(canvas.height, Math.ceil(y + height + half));
  const middleFrom = Math.max(x0, Math.ceil(cx - reach - 0.5));
  const middleTo = Math.min(x1, Math.floor(cx + reach - 0.5) + 1);
  /**
   * @param {number} offset
   * @param {number} d
   */
  const paint = (offset, d) => {
    canvas.paint(fills, fill, offset, fillLevel(d));
    if (strokes !== undefined && stroke !== undefined) canvas.paint(strokes, stroke, offset, strokeLevel(d));
  };
  for (let row = y0; row < y1; row += 1) {
    const py = row + 0.5;
    const offset = row * canvas.stride + 1;
    for (let column = x0; column < Math.min(x1, middleFrom); column += 1)
      paint(offset + column, distance(column + 0.5, py, cx, cy, hx, hy, radius));
    for (let column = Math.max(x0, middleTo); column < x1; column += 1)
      paint(offset + column, distance(column + 0.5, py, cx, cy, hx, hy, radius));
    if (middleFrom >= middleTo) continue;
    const d = Math.abs(py - cy) - hy - radius;
    if (fillLevel(d) === LEVELS && strokeLevel(d) === 0) {
      // Covered outright: one colour whatever was under it.
      canvas.pixels.fill(canvas.blend(0, fill, LEVELS), offset + middleFrom, offset + middleTo);
    } else {
      for (let column = middleFrom; column < middleTo; column += 1) paint(offset + column, d);
    }
  }
}

/**
 * Draws a line of text, glyph by glyph.
 * @param {Canvas} canvas
 * @param {OgText} run
 * @param {import("./og-font.mjs").FontMetrics} metrics
 * @param {ReturnType<typeof glyphMasks>} glyphs
 */
function drawText(canvas, run, metrics, glyphs) {
  const { width, height, stride, pixels } = canvas;
  const ink = rgb(run.fill);
  const table = canvas.blendTable(ink);
  const baseline = Math.round(run.y);
  const spacing = run.letterSpacing ?? 0;
  let pen = run.x;
  for (const char of run.text) {
    const position = Math.round(pen * PHASES);
    const whole = Math.floor(position / PHASES);
    const mask = glyphs(char, run.size, run.weight)[position - whole * PHASES];
    pen += metrics.advance(char.codePointAt(0) ?? 0) * run.size + spacing;
    if (mask === undefined) continue;
    const left = whole + mask.left;
    const top = baseline + mask.top;
    const from = Math.max(0, -left);
    const to = Math.min(mask.width, width - left);
    for (let y = Math.max(0, -top); y < mask.height && top + y < height; y += 1) {
      const source = y * mask.width;
      const target = (top + y) * stride + 1 + left;
      for (let x = from; x < to; x += 1) {
        const level = LEVEL[mask.alpha[source + x] ?? 0] ?? 0;
        if (level === 0) continue;
        const under = pixels[target + x] ?? 0;
        const slot = under * (LEVELS + 1) + level;
        let result = table[slot] ?? -1;
        if (result < 0) {
          result = canvas.blend(under, ink, level);
          table[slot] = result;
        }
        pixels[target + x] = result;
      }
    }
  }
}

/**
 * One PNG chunk: length, type, data and CRC.
 * @param {string} type
 * @param {Buffer} data
 * @returns {Buffer}
 */
export function pngChunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

/**
 * Encodes palette indices (rows already prefixed with filter byte 0) as an 8-bit indexed PNG.
 * zlib's run-length strategy: on these flat rows it is both the fastest and, at about 35 KB a card,
 * smaller than level 1 (measured: 0.95 ms against 1.14 ms, and level 6 takes several times longer
 * for a tenth fewer bytes).
 * @param {number} width
 * @param {number} height
 * @param {Buffer} scanlines
 * @param {readonly number[]} colours
 * @returns {Buffer}
 */
export function encodeIndexedPng(width, height, scanlines, colours) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // indexed colour
  const palette = Buffer.alloc(colours.length * 3);
  colours.forEach((colour, i) => palette.writeUIntBE(colour, i * 3, 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", palette),
    pngChunk("IDAT", deflateSync(scanlines, { level: 1, strategy: constants.Z_RLE })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** @type {Map<string, import("./og-font.mjs").FontMetrics>} */
const metricsByFile = new Map();

/**
 * @param {string} file
 * @returns {import("./og-font.mjs").FontMetrics}
 */
function metricsOf(file) {
  let metrics = metricsByFile.get(file);
  if (metrics === undefined) {
    metrics = fontMetrics(readFileSync(file));
    metricsByFile.set(file, metrics);
  }
  return metrics;
}

/**
 * Draws a card's display list as a PNG.
 * @param {OgScene} scene
 * @param {OgFonts} fonts
 * @returns {Buffer}
 */
export function drawCard(scene, fonts) {
  const canvas = new Canvas(scene.width, scene.height, rgb(scene.background));
  const glyphs = glyphMasks([fonts.regular, fonts.bold]);
  for (const item of scene.items) {
    if (item.type === "rect") drawRect(canvas, item);
    else drawText(canvas, item, metricsOf(item.weight === 700 ? fonts.bold : fonts.regular), glyphs);
  }
  return encodeIndexedPng(canvas.width, canvas.height, canvas.pixels, canvas.colours);
}

/**
 * Writes a file whole: to a temporary name first, then renamed into place.
 * @param {string} file
 * @param {Buffer} data
 */
export function writeWhole(file, data) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

if (parentPort !== null && workerData?.role === "og-raster") {
  const port = parentPort;
  port.on("message", (/** @type {{ id: number, scene: OgScene, fonts: OgFonts, file: string }} */ job) => {
    try {
      writeWhole(job.file, drawCard(job.scene, job.fonts));
      port.postMessage({ id: job.id });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
