/**
 * `npm run bench:og` — how long drawing one Open Graph card takes, on this machine, the way a build
 * draws them (og-image.ts: layout, then og-raster.mjs) against the way it did before: resvg drawing
 * the card's SVG, encoded as RGBA with node:zlib at level 3 (kept here, and only here, to compare with).
 * It draws the same varied cards both ways, shaped like og-card.ts's (case studies with long titles,
 * non-ASCII names and up to four chips, institutions, modes, guides, the matrix with its grid), after
 * drawing them once each to warm up (glyph masks, JIT), and prints CPU and wall time per card and PNG
 * bytes per card. Not part of `npm test`.
 *
 * Options: --cards 400 (how many cards)  --compare <dir> (also write a few cards drawn both ways as
 * <name>-old.png and <name>-new.png, to look at side by side)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { MODE_LABELS } from "../src/schemas/vocabularies";
import { MAX_CHIPS, type OgCard } from "../src/utils/og-card";
import { fontFiles, ogPng, ogSvg } from "../src/utils/og-image";
import { pngChunk } from "../src/utils/og-raster.mjs";

const { values } = parseArgs({ options: { cards: { type: "string", default: "400" }, compare: { type: "string" } } });
const count = Number(values.cards);
if (!Number.isInteger(count) || count < 1) throw new Error(`--cards must be a whole number ≥ 1, got "${values.cards}"`);

/** A small deterministic generator (mulberry32), so that every run draws the same cards. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "industrial doctorates joint research programme business development centre framework agreements with regional partners innovation vouchers for small firms applied science mentoring scheme career days technology transfer".split(
    " ",
  );
const NAMES = [
  "Skłodowska-Curie",
  "Łódź",
  "Universität Zürich",
  "Université Paris-Saclay",
  "Aalto",
  "Politecnico di Milano",
  "Ørsted",
  "Jagiellonian",
];
const COUNTRIES = ["Poland", "Switzerland", "France", "Finland", "Italy", "Denmark", "Belgium"];
const MODES = Object.values(MODE_LABELS);

/** Cards of every kind and length, in the proportions a large atlas has (mostly case studies). */
function cards(total: number): OgCard[] {
  const next = random(20261206);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const title = () => `${pick(NAMES)} ${words(2 + Math.floor(next() * 14))}`.replace(/^./, (first) => first.toUpperCase());
  const modes = () => {
    const chosen = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(MODES));
    return chosen.length <= MAX_CHIPS ? chosen : [...chosen.slice(0, MAX_CHIPS - 1), `+${chosen.length - MAX_CHIPS + 1} more`];
  };
  const grid = Array.from({ length: 40 }, () => Array.from({ length: 10 }, () => next() < 0.3));
  return Array.from({ length: total }, (_, i): OgCard => {
    if (i === 0) {
      const subtitle = `40 institutions × 10 modes, from 120 case studies`;
      return { kind: "matrix", kindLabel: "Summary matrix", title: "Who practises which engagement mode", subtitle, modes: [], grid };
    }
    const kind = next();
    if (kind < 0.8) {
      const subtitle = `${pick(NAMES)} University · ${pick(COUNTRIES)}`;
      return { kind: "caseStudies", kindLabel: "Case study", title: title(), subtitle, modes: modes() };
    }
    if (kind < 0.95) {
      const subtitle = `${pick(COUNTRIES)} · ${1 + Math.floor(next() * 30)} case studies`;
      return { kind: "institutions", kindLabel: "University", title: `${pick(NAMES)} ${words(1)} institute`, subtitle, modes: modes() };
    }
    const subtitle = `Research partnerships · practised by ${Math.floor(next() * 2000)} institutions`;
    return { kind: "modes", kindLabel: `Engagement mode ${1 + (i % 10)} of 10`, title: pick(MODES), subtitle, modes: [] };
  });
}

/** The renderer before the display list: resvg drew the SVG, and the RGBA pixels were deflated at level 3. */
function resvgPng(card: OgCard): Buffer {
  const { regular, bold } = fontFiles();
  const image = new Resvg(ogSvg(card), {
    fitTo: { mode: "original" },
    font: { fontFiles: [regular, bold], loadSystemFonts: false, defaultFontFamily: "Inter" },
  }).render();
  const pixels = image.pixels; // a copy on every read
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let row = 0; row < image.height; row += 1) pixels.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 3 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

interface Timing {
  /** CPU of the warm-up pass, in all: for the new renderer it includes drawing each glyph mask once. */
  warmUpMs: number;
  cpuMs: number;
  wallMs: number;
  bytes: number;
}

function measure(all: OgCard[], draw: (card: OgCard) => Buffer): Timing {
  const warmUp = process.cpuUsage();
  for (const card of all) draw(card);
  const warmUpUsed = process.cpuUsage(warmUp);
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  for (const card of all) bytes += draw(card).length;
  const used = process.cpuUsage(cpu);
  return {
    warmUpMs: (warmUpUsed.user + warmUpUsed.system) / 1000,
    cpuMs: (used.user + used.system) / 1000 / all.length,
    wallMs: (performance.now() - start) / all.length,
    bytes: bytes / all.length,
  };
}

const all = cards(count);
const old = measure(all, resvgPng);
const fresh = measure(all, ogPng);
const row = (name: string, t: Timing) =>
  `| ${name} | ${t.cpuMs.toFixed(2)} | ${t.wallMs.toFixed(2)} | ${Math.round(t.bytes).toLocaleString("en")} | ${Math.round(t.warmUpMs)} |`;
console.log(`${count} cards, Node ${process.version}, after one warm-up pass each\n`);
console.log(
  "| renderer | CPU ms/card | wall ms/card | PNG bytes/card | warm-up pass, CPU ms in all |\n| --- | ---: | ---: | ---: | ---: |",
);
console.log(row("resvg (before)", old));
console.log(row("display list (og-raster.mjs)", fresh));
console.log(`\n${(old.cpuMs / fresh.cpuMs).toFixed(1)}× less CPU, ${(old.bytes / fresh.bytes).toFixed(1)}× fewer bytes`);

if (values.compare !== undefined) {
  mkdirSync(values.compare, { recursive: true });
  const caseStudy = all.find((card) => card.kind === "caseStudies" && card.modes.length === 3)!;
  const samples: Record<string, OgCard> = {
    "case-study": { ...caseStudy, title: "Skłodowska-Curie – Łódź ‘quote’ doctorates with industry" },
    institution: all.find((card) => card.kind === "institutions")!,
    mode: all.find((card) => card.kind === "modes")!,
    matrix: all[0]!,
    "long-title": { ...caseStudy, title: `${WORDS.join(" ")} ${WORDS.join(" ")}` },
  };
  for (const [name, card] of Object.entries(samples)) {
    writeFileSync(join(values.compare, `${name}-old.png`), resvgPng(card));
    writeFileSync(join(values.compare, `${name}-new.png`), ogPng(card));
  }
  console.log(`\nWrote ${Object.keys(samples).length} cards drawn both ways to ${values.compare}`);
}
