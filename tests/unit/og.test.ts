import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { buildAtlas } from "../../src/utils/atlas";
import {
  allCards,
  entryCard,
  entryOgImage,
  matrixCard,
  MAX_CHIPS,
  modeChips,
  OG_SIZE,
  ogImageAlt,
  ogImagePath,
} from "../../src/utils/og-card";
import { existsSync, readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { escapeXml, fontFiles, ogCacheFile, ogPng, ogScene, ogSvg } from "../../src/utils/og-image";
import { ogCardPng, prefetchOgCards, workerCount } from "../../src/utils/og-pool";
import { encodeIndexedPng, type OgRect, type OgText } from "../../src/utils/og-raster.mjs";
import { fitText, fontMetrics, wrapText, type FontMetrics } from "../../src/utils/og-text";
import { fixtureInput } from "../helpers/fixtures";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** An 8-bit indexed PNG's pixels as RGB: its chunks read, IDAT inflated, row filters undone, palette applied. */
function decodePng(png: Buffer): { width: number; height: number; rgb: (x: number, y: number) => string } {
  const { width, height } = pngSize(png);
  expect(png[24]).toBe(8); // bits per index
  expect(png[25]).toBe(3); // indexed colour
  let palette: Buffer = Buffer.alloc(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "PLTE") palette = png.subarray(at + 8, at + 8 + length);
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width + 1) * height);
  const indices = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (width + 1)]!;
    for (let x = 0; x < width; x += 1) {
      const left = x > 0 ? indices[y * width + x - 1]! : 0;
      const up = y > 0 ? indices[(y - 1) * width + x]! : 0;
      const upLeft = x > 0 && y > 0 ? indices[(y - 1) * width + x - 1]! : 0;
      const guess = left + up - upLeft;
      const paeth =
        Math.abs(guess - left) <= Math.abs(guess - up) && Math.abs(guess - left) <= Math.abs(guess - upLeft)
          ? left
          : Math.abs(guess - up) <= Math.abs(guess - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter}`);
      indices[y * width + x] = (raw[y * (width + 1) + 1 + x]! + predicted) & 0xff;
    }
  }
  expect(Math.max(...new Set(indices))).toBeLessThan(palette.length / 3);
  return { width, height, rgb: (x, y) => `#${palette.toString("hex", indices[y * width + x]! * 3, indices[y * width + x]! * 3 + 3)}` };
}

/** How dark a colour is: 0 (white) to 255 (black). */
function darkness(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return 255 - (((value >> 16) & 0xff) + ((value >> 8) & 0xff) + (value & 0xff)) / 3;
}

/** How many pixels of a box are at least as dark as `threshold`. */
function inkIn(card: ReturnType<typeof decodePng>, box: { x0: number; x1: number; y0: number; y1: number }, threshold = 128): number {
  let count = 0;
  for (let y = Math.max(0, box.y0); y < Math.min(card.height, box.y1); y += 1) {
    for (let x = Math.max(0, box.x0); x < Math.min(card.width, box.x1); x += 1) if (darkness(card.rgb(x, y)) >= threshold) count += 1;
  }
  return count;
}

/** How many pixels of a box are not the card's background. */
function paintedIn(card: ReturnType<typeof decodePng>, box: { x0: number; x1: number; y0: number; y1: number }): number {
  let count = 0;
  for (let y = box.y0; y < box.y1; y += 1) for (let x = box.x0; x < box.x1; x += 1) if (card.rgb(x, y) !== "#fbfaf7") count += 1;
  return count;
}

/** Every character as wide as its font size: easy to reason about. */
const monospace: FontMetrics = { width: (text) => [...text].length };

describe("Open Graph cards: what they say", () => {
  it("has a path per entry page and one for the matrix", () => {
    expect(ogImagePath("caseStudies", "alpha-mentoring")).toBe("/og/case-studies/alpha-mentoring.png");
    expect(ogImagePath("institutions", "beta-fund")).toBe("/og/institutions/beta-fund.png");
    expect(ogImagePath("matrix")).toBe("/og/matrix.png");
    const atlas = buildAtlas(fixtureInput());
    const paths = allCards(atlas).map((card) => card.path);
    expect(paths).toHaveLength(atlas.caseStudies.length + atlas.institutions.length + atlas.modes.length + atlas.guides.length + 1);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("shows a case study's kind, title, institution with its country, and modes in the toolkit's order", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-mentoring");
    expect(card).toMatchObject({
      kindLabel: "Case study",
      title: "Alpha mentoring for researchers",
      subtitle: "Alpha University · Belgium",
      modes: ["Researcher career days", "Industry mentoring"],
    });
    expect(ogImageAlt(card)).toBe(
      "Case study: Alpha mentoring for researchers. Alpha University · Belgium. Modes: Researcher career days, Industry mentoring.",
    );
  });

  it("describes institutions, modes and guides from the content", () => {
    const atlas = buildAtlas(fixtureInput());
    expect(entryCard(atlas, "institutions", "alpha-university")).toMatchObject({
      kindLabel: "University",
      subtitle: "Belgium · 2 case studies",
    });
    expect(entryCard(atlas, "modes", "industrial-phd")).toMatchObject({ kindLabel: "Engagement mode 4 of 10", modes: [] });
    expect(entryCard(atlas, "modes", "industrial-phd").subtitle).toMatch(/practised by 1 institution$/);
    expect(entryCard(atlas, "guides", "aligning-expectations").modes).toEqual(["Joint research"]);
    expect(entryOgImage(atlas, "guides", "aligning-expectations").path).toBe("/og/guides/aligning-expectations.png");
  });

  it("sums up modes beyond the chips that fit as “+N more”", () => {
    expect(modeChips(["joint-research", "commercial-rd"])).toHaveLength(2);
    const chips = modeChips(["joint-research", "commercial-rd", "temporary-mobility", "industrial-phd", "job-offers", "consultancy"]);
    expect(chips).toHaveLength(MAX_CHIPS);
    expect(chips.at(-1)).toBe("+3 more");
  });

  it("draws the matrix card's thumbnail from the ticks", () => {
    const card = matrixCard(buildAtlas(fixtureInput()));
    expect(card.subtitle).toBe("2 institutions × 10 modes, from 3 case studies");
    expect(card.grid).toHaveLength(2);
    expect(card.grid?.[0]?.filter(Boolean)).toHaveLength(3);
  });

  it("keeps a large matrix's thumbnail above the footer, showing the rows that fit", () => {
    const card = {
      ...matrixCard(buildAtlas(fixtureInput())),
      grid: Array.from({ length: 2000 }, (_, row) => [row % 2 === 0, true, false]),
    };
    const squares = ogScene(card).items.filter((item): item is OgRect => item.type === "rect" && item.width === item.height);
    expect(squares.length).toBeGreaterThan(3 * 10);
    expect(squares.length).toBeLessThan(3 * 100);
    expect(Math.max(...squares.map((square) => square.y + square.height))).toBeLessThanOrEqual(500);
    expect(Math.min(...squares.map((square) => square.y))).toBeGreaterThanOrEqual(60);
  });
});

describe("Open Graph cards: the picture", () => {
  it("is a 1200×630 PNG", () => {
    const png = ogPng(entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-industrial-doctorates"));
    expect(pngSize(png)).toEqual({ width: OG_SIZE.width, height: OG_SIZE.height });
    expect(png.toString("latin1", png.length - 8, png.length - 4)).toBe("IEND");
  });

  it("gives the same picture from the build cache as when drawn afresh", async () => {
    const card = entryCard(buildAtlas(fixtureInput()), "institutions", "beta-fund");
    const fresh = ogPng(card);
    expect((await ogCardPng(card)).equals(fresh)).toBe(true);
    expect((await ogCardPng(card)).equals(fresh)).toBe(true);
  });

  it("encodes palette pixels losslessly", () => {
    const scanlines = Buffer.from([0, 0, 1, 0, 2, 0]);
    const card = decodePng(encodeIndexedPng(2, 2, scanlines, [0xff0000, 0x00ff00, 0x0a141e]));
    expect([card.rgb(0, 0), card.rgb(1, 0), card.rgb(0, 1), card.rgb(1, 1)]).toEqual(["#ff0000", "#00ff00", "#0a141e", "#ff0000"]);
  });

  it("draws the background, the accent bar, the title's ink and a chip's outline where the layout puts them", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-mentoring");
    const scene = ogScene(card);
    const picture = decodePng(ogPng(card));
    expect(picture.rgb(OG_SIZE.width - 1, 0)).toBe("#fbfaf7");
    expect(picture.rgb(OG_SIZE.width - 1, OG_SIZE.height - 1)).toBe("#fbfaf7");
    for (const y of [0, 315, OG_SIZE.height - 1]) {
      expect(picture.rgb(0, y)).toBe("#1f5f8b");
      expect(picture.rgb(19, y)).toBe("#1f5f8b");
      expect(picture.rgb(20, y)).toBe("#fbfaf7");
    }
    const title = scene.items.find((item): item is OgText => item.type === "text" && item.weight === 700 && item.size >= 42)!;
    const titleBox = { x0: title.x, x1: title.x + 400, y0: title.y - title.size, y1: title.y };
    expect(inkIn(picture, titleBox, 200)).toBeGreaterThan(2000);
    expect(picture.rgb(title.x + 100, title.y - 100)).toBe("#fbfaf7");
    // Below the chips (one row of them), down to the footer's rule, the card is blank.
    const chip = scene.items.find((item): item is OgRect => item.type === "rect" && item.stroke !== undefined)!;
    expect(paintedIn(picture, { x0: 20, x1: OG_SIZE.width, y0: chip.y + chip.height + 2, y1: 538 })).toBe(0);
    const middle = Math.round(chip.x + chip.width / 2);
    expect(picture.rgb(middle, chip.y)).toBe("#1f5f8b");
    expect(picture.rgb(middle, chip.y + 5)).toBe("#e3eef6");
    expect(picture.rgb(middle, chip.y - 2)).toBe("#fbfaf7");
  });

  it("draws the same bytes every time", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "institutions", "beta-fund");
    expect(ogPng(card).equals(ogPng({ ...card }))).toBe(true);
  });

  it("draws ink for every character of a title with letters, dashes and quotes beyond ASCII", () => {
    const card = { ...entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-mentoring"), title: "Skłodowska-Curie – Łódź ‘quote’" };
    const lines = ogScene(card).items.filter((item): item is OgText => item.type === "text" && item.weight === 700 && item.size >= 42);
    expect(lines.map((line) => line.text).join(" ")).toBe(card.title);
    const bold = fontMetrics(readFileSync(fontFiles().bold));
    const picture = decodePng(ogPng(card));
    for (const line of lines) {
      let pen = line.x;
      for (const char of line.text) {
        const advance = bold.width(char) * line.size;
        if (char !== " ") {
          // The middle of the character's advance, from its ascent to its descent.
          const box = {
            x0: Math.round(pen + advance * 0.2),
            x1: Math.round(pen + advance * 0.8),
            y0: line.y - line.size,
            y1: line.y + line.size / 4,
          };
          expect(inkIn(picture, box), `ink of “${char}”`).toBeGreaterThan(10);
        }
        pen += advance;
      }
    }
  });

  it("looks like resvg's drawing of the same card as SVG", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-industrial-doctorates");
    const { regular, bold } = fontFiles();
    const reference = new Resvg(ogSvg(card), {
      font: { fontFiles: [regular, bold], loadSystemFonts: false, defaultFontFamily: "Inter" },
    }).render();
    const pixels = reference.pixels;
    const picture = decodePng(ogPng(card));
    // Kerning (which resvg applies and the layout leaves out) moves letters by a pixel or two along a
    // line; anything larger, a wrong baseline, size, colour or shape, differs in many more pixels.
    let far = 0;
    for (let y = 0; y < OG_SIZE.height; y += 1) {
      for (let x = 0; x < OG_SIZE.width; x += 1) {
        const at = (y * OG_SIZE.width + x) * 4;
        const ours = Number.parseInt(picture.rgb(x, y).slice(1), 16);
        const difference = [16, 8, 0].reduce((sum, shift, channel) => sum + Math.abs(((ours >> shift) & 0xff) - pixels[at + channel]!), 0);
        if (difference > 3 * 64) far += 1;
      }
    }
    expect(far / (OG_SIZE.width * OG_SIZE.height)).toBeLessThan(0.03);
  });

  it("puts the title, institution and modes on the card as text, escaped", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-mentoring");
    card.title = "R&D <partnerships> for “everyone”";
    const svg = ogSvg(card);
    expect(svg).toContain(`width="${OG_SIZE.width}" height="${OG_SIZE.height}"`);
    expect(svg).toContain("R&#38;D &#60;partnerships&#62;");
    expect(svg).toContain(">Alpha University · Belgium<");
    expect(svg).toContain(">Industry mentoring<");
    expect(escapeXml(`"'`)).toBe("&#34;&#39;");
  });

  it("wraps a long title onto at most three lines in a smaller size", () => {
    const card = entryCard(buildAtlas(fixtureInput()), "caseStudies", "alpha-mentoring");
    card.title = "Industrial Research Fund business development centres and industry framework agreements (Alpha University)";
    const titleLines = ogScene(card).items.filter((item): item is OgText => item.type === "text" && item.weight === 700 && item.size >= 40);
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines[0]!.size).toBeLessThan(68);
    expect(titleLines.map((line) => line.text).join(" ")).toBe(card.title);
  });
});

describe("wrapText and fitText", () => {
  it("breaks at spaces so that every line fits", () => {
    const { lines, fits } = wrapText(monospace, "one two three four", 1, 9, 3);
    expect(lines).toEqual(["one two", "three", "four"]);
    expect(fits).toBe(true);
  });

  it("ends with an ellipsis when the text does not fit in the lines allowed", () => {
    const { lines, fits } = wrapText(monospace, "one two three four", 1, 9, 2);
    expect(fits).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(lines[1]!.length).toBeLessThanOrEqual(9);
  });

  it("picks the largest size at which the text fits", () => {
    expect(fitText(monospace, "one two three", [4, 2, 1], 14, 1).size).toBe(1);
    expect(fitText(monospace, "one two three", [4, 2, 1], 14, 2).size).toBe(2);
  });
});

describe("Open Graph cards: drawn on worker threads during a build", () => {
  it("uses one worker fewer than the cores, or ATLAS_OG_WORKERS, and refuses a bad setting", () => {
    expect(workerCount({}, 2)).toBe(1);
    expect(workerCount({}, 1)).toBe(0);
    expect(workerCount({}, 8)).toBe(7);
    expect(workerCount({ ATLAS_OG_WORKERS: "3" }, 2)).toBe(3);
    expect(workerCount({ ATLAS_OG_WORKERS: "0" }, 8)).toBe(0);
    expect(() => workerCount({ ATLAS_OG_WORKERS: "many" }, 2)).toThrow(/ATLAS_OG_WORKERS must be a whole number ≥ 0, got "many"/);
  });

  it("draws queued cards on a worker into the cache, the same bytes as on the main thread", { timeout: 30_000 }, async () => {
    const atlas = buildAtlas(fixtureInput());
    // Titles no earlier run has drawn, so the cache cannot already hold them.
    const stamp = `${process.pid}-${Date.now()}`;
    const cards = ["alpha-mentoring", "alpha-industrial-doctorates"].map((id) => ({
      ...entryCard(atlas, "caseStudies", id),
      title: `Worker card ${id} ${stamp}`,
    }));
    expect(prefetchOgCards(cards, 1)).toBe(2);
    // Queued once per process: a second call adds nothing.
    expect(prefetchOgCards(cards, 1)).toBe(0);
    // The worker takes cards from the end of the queue: the last one appears in the cache without
    // the main thread asking for it.
    const last = ogCacheFile(ogScene(cards[1]!));
    const deadline = Date.now() + 20_000;
    while (!existsSync(last) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(last)).toBe(true);
    for (const card of cards) expect((await ogCardPng(card)).equals(ogPng(card))).toBe(true);
  });
});
