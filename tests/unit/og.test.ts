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
import { existsSync } from "node:fs";
import { encodePng, escapeXml, ogCacheFile, ogPng, ogSvg } from "../../src/utils/og-image";
import { ogCardPng, prefetchOgCards, workerCount } from "../../src/utils/og-pool";
import { fitText, wrapText, type FontMetrics } from "../../src/utils/og-text";
import { fixtureInput } from "../helpers/fixtures";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
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

  it("encodes pixels losslessly", () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255]);
    const png = encodePng(2, 2, rgba);
    expect(pngSize(png)).toEqual({ width: 2, height: 2 });
    const idat = png.subarray(33 + 8, png.length - 12 - 4);
    expect([...inflateSync(idat)]).toEqual([0, ...rgba.subarray(0, 8), 0, ...rgba.subarray(8)]);
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
    const titleLines = [...ogSvg(card).matchAll(/<text [^>]*font-size="(\d+)"[^>]*font-weight="700">([^<]*)</g)].filter(
      ([, size]) => Number(size) >= 40,
    );
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines.map(([, , text]) => text).join(" ")).toBe(card.title);
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
    // Queued once per process: a second call (the /og/ route after the integration) adds nothing.
    expect(prefetchOgCards(cards, 1)).toBe(0);
    // The worker takes cards from the end of the queue: the last one appears in the cache without
    // the main thread asking for it.
    const last = ogCacheFile(ogSvg(cards[1]!));
    const deadline = Date.now() + 20_000;
    while (!existsSync(last) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(last)).toBe(true);
    for (const card of cards) expect((await ogCardPng(card)).equals(ogPng(card))).toBe(true);
  });
});
