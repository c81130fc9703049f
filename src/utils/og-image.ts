/**
 * Lays out an Open Graph card (og-card.ts) as a 1200×630 display list and draws it as a PNG at build
 * time, with no network: text wrapped with og-text.ts, drawn in Inter from the @expo-google-fonts/inter
 * package by og-raster.mjs (about 2 ms of CPU a card). The same display list also reads as SVG
 * (`ogSvg`), which resvg draws to the same picture (kerned) in 15–20 ms: the SVG is for tests and for
 * looking at a card's layout. At scale (12,000 cards) the build draws them on worker threads while it
 * renders the HTML pages (og-pool.ts).
 * The card uses the site's light palette: a shared link shows outside the site, where no theme applies.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { escapeXml } from "./og-glyphs.mjs";
import { drawCard, RENDERER_VERSION, writeWhole, type OgFonts, type OgRect, type OgScene, type OgText } from "./og-raster.mjs";
import { OG_SIZE, type OgCard } from "./og-card";
import { fitText, fontMetrics, wrapText, type FontMetrics } from "./og-text";
import { SITE } from "../site";

/** The site's light palette (src/styles/global.css). */
const COLOURS = {
  page: "#fbfaf7",
  ink: "#1c1f24",
  muted: "#4c5562",
  line: "#d9d5cc",
  accent: "#1f5f8b",
  accentSoft: "#e3eef6",
  tick: "#1f6b45",
  empty: "#e6e2d9",
};

const LEFT = 84;
const RIGHT = OG_SIZE.width - 64;
const TITLE_SIZES = [68, 60, 54, 48, 42] as const;

interface Fonts {
  files: OgFonts;
  regular: FontMetrics;
  bold: FontMetrics;
}
let fonts: Fonts | undefined;

/** Inter regular and bold (TrueType, with Latin Extended for "Skłodowska"); read once per build. */
function loadFonts(): Fonts {
  if (fonts === undefined) {
    const require = createRequire(import.meta.url);
    const regular = require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf");
    const bold = require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf");
    fonts = { files: { regular, bold }, regular: fontMetrics(readFileSync(regular)), bold: fontMetrics(readFileSync(bold)) };
  }
  return fonts;
}

export { escapeXml };

function text(x: number, y: number, size: number, fill: string, content: string, bold = false): OgText {
  return { type: "text", x, y, size, weight: bold ? 700 : 400, fill, text: content };
}

/** Ticks of the matrix as a grid of squares, right-aligned; returns the squares and their width. */
function grid(rows: boolean[][], top: number, bottom: number): { squares: OgRect[]; width: number } {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const gap = 3;
  const cell = Math.max(6, Math.min(22, Math.floor((bottom - top) / Math.max(1, rows.length)) - gap));
  const width = columns * (cell + gap) - gap;
  const x0 = RIGHT - width;
  // At the smallest cell, a large atlas has more rows than the space: the thumbnail shows those that fit.
  const fitting = Math.max(1, Math.floor((bottom - top + gap) / (cell + gap)));
  const squares = rows.slice(0, fitting).flatMap((row, r) =>
    row.map((ticked, c): OgRect => ({
      type: "rect",
      x: x0 + c * (cell + gap),
      y: top + r * (cell + gap),
      width: cell,
      height: cell,
      radius: 2,
      fill: ticked ? COLOURS.tick : COLOURS.empty,
    })),
  );
  return { squares, width };
}

/** The card as a display list (1200×630), for og-raster.mjs. */
export function ogScene(card: OgCard): OgScene {
  const { regular, bold } = loadFonts();
  const items: (OgRect | OgText)[] = [{ type: "rect", x: 0, y: 0, width: 20, height: OG_SIZE.height, fill: COLOURS.accent }];
  const footerY = 540;
  const matrix = card.grid === undefined ? undefined : grid(card.grid, 60, footerY - 40);
  const maxWidth = RIGHT - LEFT - (matrix === undefined ? 0 : matrix.width + 48);

  // Site name and kind of page.
  const site = SITE.title.toUpperCase();
  const siteWidth = bold.width(site) * 26 + 2 * site.length;
  items.push({ ...text(LEFT, 90, 26, COLOURS.accent, site, true), letterSpacing: 2 });
  items.push(text(LEFT + siteWidth + 12, 90, 26, COLOURS.muted, `· ${card.kindLabel}`));

  // Title: as large as fits in three lines.
  const title = fitText(bold, card.title, TITLE_SIZES, maxWidth, 3);
  const lineHeight = Math.round(title.size * 1.14);
  let y = 130 + title.size;
  for (const line of title.lines) {
    items.push(text(LEFT, y, title.size, COLOURS.ink, line, true));
    y += lineHeight;
  }

  // Subtitle: up to two lines.
  y += 30 - lineHeight + 30;
  for (const line of wrapText(regular, card.subtitle, 30, maxWidth, 2).lines) {
    items.push(text(LEFT, y, 30, COLOURS.muted, line));
    y += 40;
  }

  // Mode chips, wrapping onto a second row if needed.
  let chipX = LEFT;
  let chipY = y + 4;
  for (const mode of card.modes) {
    const width = Math.ceil(regular.width(mode) * 24) + 40;
    if (chipX + width > LEFT + maxWidth && chipX > LEFT) {
      chipX = LEFT;
      chipY += 58;
    }
    if (chipY + 46 > footerY - 16) break;
    items.push(
      { type: "rect", x: chipX, y: chipY, width, height: 46, radius: 23, fill: COLOURS.accentSoft, stroke: COLOURS.accent, strokeWidth: 2 },
      text(chipX + 20, chipY + 31, 24, COLOURS.accent, mode),
    );
    chipX += width + 12;
  }

  if (matrix !== undefined) items.push(...matrix.squares);

  // Footer: where the card comes from.
  const host = new URL(SITE.siteUrl).host;
  const strapline = "Academia–business engagement, with sources";
  items.push({ type: "rect", x: LEFT, y: footerY, width: RIGHT - LEFT, height: 2, fill: COLOURS.line });
  items.push(text(LEFT, footerY + 50, 24, COLOURS.muted, host));
  items.push(text(RIGHT - Math.ceil(regular.width(strapline) * 24), footerY + 50, 24, COLOURS.muted, strapline));

  return { width: OG_SIZE.width, height: OG_SIZE.height, background: COLOURS.page, items };
}

/** A display list as SVG: what og-raster.mjs draws, in a form resvg or a browser can draw too. */
export function sceneSvg(scene: OgScene): string {
  const items = scene.items.map((item) => {
    if (item.type === "text") {
      const weight = item.weight === 700 ? ' font-weight="700"' : "";
      const spacing = item.letterSpacing === undefined ? "" : ` letter-spacing="${item.letterSpacing}"`;
      return `<text x="${item.x}" y="${item.y}" font-size="${item.size}" fill="${item.fill}"${weight}${spacing}>${escapeXml(item.text)}</text>`;
    }
    const radius = item.radius === undefined ? "" : ` rx="${item.radius}"`;
    const stroke = item.stroke === undefined ? "" : ` stroke="${item.stroke}" stroke-width="${item.strokeWidth ?? 1}"`;
    return `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}"${radius} fill="${item.fill}"${stroke}/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="Inter">` +
    `<rect width="100%" height="100%" fill="${scene.background}"/>${items.join("")}</svg>`
  );
}

/** The card as SVG (1200×630). */
export function ogSvg(card: OgCard): string {
  return sceneSvg(ogScene(card));
}

/** The card as a 1200×630 PNG. */
export function ogPng(card: OgCard): Buffer {
  return drawCard(ogScene(card), fontFiles());
}

/** The Inter font files the cards are drawn with. */
export function fontFiles(): OgFonts {
  return loadFonts().files;
}

/**
 * Where drawn cards are kept between builds, by a hash of their display list, the renderer's version
 * and the fonts: a rebuild redraws only the cards whose words changed. (A fresh clone draws them all,
 * about 2 ms of CPU each.)
 */
export const CACHE_DIR = join(process.cwd(), "node_modules", ".cache", "og-images");

let fontStamp: string | undefined;

/** Where the PNG of this display list is kept in the cache: named by a hash of it, the renderer and the fonts. */
export function ogCacheFile(scene: OgScene): string {
  fontStamp ??= Object.values(fontFiles())
    .map((file) => `${file}:${statSync(file).size}`)
    .join();
  const key = createHash("sha256")
    .update(`renderer ${RENDERER_VERSION}|${fontStamp}|${JSON.stringify(scene)}`)
    .digest("hex")
    .slice(0, 40);
  return join(CACHE_DIR, `${key}.png`);
}

/** Draws the display list on this thread and keeps the PNG in the cache (a read-only tree just means no cache). */
export function drawAndCache(scene: OgScene, file: string): Buffer {
  const png = drawCard(scene, fontFiles());
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeWhole(file, png);
  } catch {
    /* no cache */
  }
  return png;
}
