/**
 * Draws an Open Graph card (og-card.ts) as a 1200×630 PNG at build time, with no network: a hand-built
 * SVG (text wrapped with og-text.ts) rasterised by resvg with Inter from the @expo-google-fonts/inter
 * package, then encoded with node:zlib (og-raster.mjs). A satori-based version took about twice the
 * CPU per card. At scale (12,000 cards ≈ 15 ms of CPU each) the build draws them on worker threads
 * while it renders the HTML pages (og-pool.ts).
 * The card uses the site's light palette: a shared link shows outside the site, where no theme applies.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { rasterise, writeWhole } from "./og-raster.mjs";
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
  files: string[];
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
    fonts = { files: [regular, bold], regular: fontMetrics(readFileSync(regular)), bold: fontMetrics(readFileSync(bold)) };
  }
  return fonts;
}

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function text(x: number, y: number, size: number, fill: string, content: string, bold = false): string {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${bold ? ' font-weight="700"' : ""}>${escapeXml(content)}</text>`;
}

/** Ticks of the matrix as a grid of squares, right-aligned; returns the SVG and its width. */
function grid(rows: boolean[][], top: number, bottom: number): { svg: string; width: number } {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const gap = 3;
  const cell = Math.max(6, Math.min(22, Math.floor((bottom - top) / Math.max(1, rows.length)) - gap));
  const width = columns * (cell + gap) - gap;
  const x0 = RIGHT - width;
  const squares = rows.flatMap((row, r) =>
    row.map(
      (ticked, c) =>
        `<rect x="${x0 + c * (cell + gap)}" y="${top + r * (cell + gap)}" width="${cell}" height="${cell}" rx="2" fill="${ticked ? COLOURS.tick : COLOURS.empty}"/>`,
    ),
  );
  return { svg: squares.join(""), width };
}

/** The card as SVG (1200×630), for resvg. */
export function ogSvg(card: OgCard): string {
  const { regular, bold } = loadFonts();
  const parts: string[] = [];
  const footerY = 540;
  const matrix = card.grid === undefined ? undefined : grid(card.grid, 60, footerY - 40);
  const maxWidth = RIGHT - LEFT - (matrix === undefined ? 0 : matrix.width + 48);

  // Site name and kind of page.
  const site = SITE.title.toUpperCase();
  const siteWidth = bold.width(site) * 26 + 2 * site.length;
  parts.push(
    `<text x="${LEFT}" y="90" font-size="26" font-weight="700" fill="${COLOURS.accent}" letter-spacing="2">${escapeXml(site)}</text>`,
  );
  parts.push(text(LEFT + siteWidth + 12, 90, 26, COLOURS.muted, `·  ${card.kindLabel}`));

  // Title: as large as fits in three lines.
  const title = fitText(bold, card.title, TITLE_SIZES, maxWidth, 3);
  const lineHeight = Math.round(title.size * 1.14);
  let y = 130 + title.size;
  for (const line of title.lines) {
    parts.push(text(LEFT, y, title.size, COLOURS.ink, line, true));
    y += lineHeight;
  }

  // Subtitle: up to two lines.
  y += 30 - lineHeight + 30;
  for (const line of wrapText(regular, card.subtitle, 30, maxWidth, 2).lines) {
    parts.push(text(LEFT, y, 30, COLOURS.muted, line));
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
    parts.push(
      `<rect x="${chipX}" y="${chipY}" width="${width}" height="46" rx="23" fill="${COLOURS.accentSoft}" stroke="${COLOURS.accent}" stroke-width="2"/>`,
      text(chipX + 20, chipY + 31, 24, COLOURS.accent, mode),
    );
    chipX += width + 12;
  }

  if (matrix !== undefined) parts.push(matrix.svg);

  // Footer: where the card comes from.
  const host = new URL(SITE.siteUrl).host;
  const strapline = "Academia–business engagement, with sources";
  parts.push(`<rect x="${LEFT}" y="${footerY}" width="${RIGHT - LEFT}" height="2" fill="${COLOURS.line}"/>`);
  parts.push(text(LEFT, footerY + 50, 24, COLOURS.muted, host));
  parts.push(text(RIGHT - Math.ceil(regular.width(strapline) * 24), footerY + 50, 24, COLOURS.muted, strapline));

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_SIZE.width}" height="${OG_SIZE.height}" viewBox="0 0 ${OG_SIZE.width} ${OG_SIZE.height}" font-family="Inter">` +
    `<rect width="100%" height="100%" fill="${COLOURS.page}"/><rect width="20" height="${OG_SIZE.height}" fill="${COLOURS.accent}"/>` +
    parts.join("") +
    `</svg>`
  );
}

/** The card as a 1200×630 PNG. */
export function ogPng(card: OgCard): Buffer {
  return rasterise(ogSvg(card), fontFiles());
}

/** The Inter font files the cards are drawn with. */
export function fontFiles(): string[] {
  return loadFonts().files;
}

/**
 * Where drawn cards are kept between builds, by a hash of their SVG and the fonts: a rebuild redraws
 * only the cards whose words changed. (A fresh clone draws them all, about 20 ms of CPU each.)
 */
export const CACHE_DIR = join(process.cwd(), "node_modules", ".cache", "og-images");

let fontStamp: string | undefined;

/** Where the PNG of this SVG is kept in the cache: named by a hash of the SVG and the fonts. */
export function ogCacheFile(svg: string): string {
  fontStamp ??= fontFiles()
    .map((file) => `${file}:${statSync(file).size}`)
    .join();
  const key = createHash("sha256").update(`v1|${fontStamp}|${svg}`).digest("hex").slice(0, 40);
  return join(CACHE_DIR, `${key}.png`);
}

/** Draws the SVG on this thread and keeps the PNG in the cache (a read-only tree just means no cache). */
export function drawAndCache(svg: string, file: string): Buffer {
  const png = rasterise(svg, fontFiles());
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeWhole(file, png);
  } catch {
    /* no cache */
  }
  return png;
}

export { encodePng } from "./og-raster.mjs";
