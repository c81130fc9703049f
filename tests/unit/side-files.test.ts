import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as devalue from "devalue";
import { describe, expect, it } from "vitest";
import { atlasFromDataStore } from "../../src/integrations/data-store";
import { buildAtlas } from "../../src/utils/atlas";
import { institutionFeed, modeFeed, renderRss } from "../../src/utils/feeds";
import { compareEntry } from "../../src/utils/matrix-view";
import { allCards } from "../../src/utils/og-card";
import { patternRegExp, SIDE_ROUTES, sideFileResponse, sideFiles, sideRoutePaths } from "../../src/utils/side-files";
import { SITE } from "../../src/site";
import { fixtureInput } from "../helpers/fixtures";

const atlas = buildAtlas(fixtureInput());

describe("side files: what a build writes beside the pages", () => {
  it("lists every card, every mode's and institution's feed and every institution's compare data, once", () => {
    const paths = sideFiles(atlas).map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.slice(0, allCards(atlas).length)).toEqual(allCards(atlas).map((card) => card.path));
    for (const { id } of atlas.modes) expect(paths).toContain(`/modes/${id}/rss.xml`);
    for (const { id } of atlas.institutions) {
      expect(paths).toContain(`/institutions/${id}/rss.xml`);
      expect(paths).toContain(`/compare/data/${id}.json`);
    }
    expect(paths).toHaveLength(allCards(atlas).length + atlas.modes.length + 2 * atlas.institutions.length);
  });

  it("has contents made by the same functions the site used to render as routes", async () => {
    const files = new Map(sideFiles(atlas).map((file) => [file.path, file]));
    const mode = atlas.modes[0]!.id;
    const institution = atlas.institutions[0]!.id;
    expect(await files.get(`/modes/${mode}/rss.xml`)!.body()).toBe(renderRss(modeFeed(atlas, mode, SITE)));
    expect(await files.get(`/institutions/${institution}/rss.xml`)!.body()).toBe(renderRss(institutionFeed(atlas, institution, SITE)));
    expect(JSON.parse(String(await files.get(`/compare/data/${institution}.json`)!.body()))).toEqual(compareEntry(atlas, institution));
  });
});

describe("side files in `astro dev`: the injected routes", () => {
  it("turns route patterns into regular expressions with the parameters as named groups", () => {
    expect(patternRegExp("/og/[...card].png").exec("/og/case-studies/anrt-cifre.png")?.groups).toEqual({ card: "case-studies/anrt-cifre" });
    expect(patternRegExp("/og/[...card].png").test("/og/case-studies/anrt-cifre.jpg")).toBe(false);
    expect(patternRegExp("/og/[...card].png").test("/og/case-studies/anrt-cifrexpng")).toBe(false);
    expect(patternRegExp("/modes/[id]/rss.xml").exec("/modes/consultancy/rss.xml")?.groups).toEqual({ id: "consultancy" });
    expect(patternRegExp("/modes/[id]/rss.xml").test("/modes/a/b/rss.xml")).toBe(false);
  });

  it("serves every side file under exactly one route, so dev has what a build writes", () => {
    const files = sideFiles(atlas);
    for (const file of files) {
      const matching = SIDE_ROUTES.filter((pattern) => patternRegExp(pattern).test(file.path));
      expect(matching, file.path).toHaveLength(1);
    }
    const listed = SIDE_ROUTES.reduce((sum, pattern) => sum + sideRoutePaths(files, pattern).length, 0);
    expect(listed).toBe(files.length);
    expect(sideRoutePaths(files, "/compare/data/[id].json")).toEqual(atlas.institutions.map(({ id }) => ({ params: { id } })));
  });

  it("answers a path with its file and its type, and an unknown path with 404", async () => {
    const files = sideFiles(atlas);
    const institution = atlas.institutions[0]!.id;
    const found = await sideFileResponse(files, `/compare/data/${institution}.json`);
    expect(found.status).toBe(200);
    expect(found.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await found.json()).toEqual(compareEntry(atlas, institution));
    expect((await sideFileResponse(files, "/compare/data/no-such-institution.json")).status).toBe(404);
  });
});

describe("the atlas from Astro's data store (what the build integration reads)", () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-store-"));

  it("resolves the stored entries into the same atlas as the collections give", () => {
    const input = fixtureInput();
    const collection = (entries: { id: string; file: string; data: unknown }[]) =>
      new Map(entries.map((entry) => [entry.id, { id: entry.id, filePath: entry.file, data: entry.data }]));
    const store = new Map([
      ["modes", collection(input.modes)],
      ["institutions", collection(input.institutions)],
      ["caseStudies", collection(input.caseStudies)],
      ["guides", collection(input.guides)],
    ]);
    const file = join(dir, "data-store.json");
    writeFileSync(file, devalue.stringify(store));
    const fromStore = atlasFromDataStore(file);
    expect(sideFiles(fromStore).map((side) => side.path)).toEqual(sideFiles(atlas).map((side) => side.path));
    expect(fromStore.caseStudies.map((entry) => entry.file)).toEqual(atlas.caseStudies.map((entry) => entry.file));
  });

  it("names the file when it is missing or unreadable", () => {
    expect(() => atlasFromDataStore(join(dir, "missing.json"))).toThrow(/No Astro data store at .*missing\.json/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{not devalue");
    expect(() => atlasFromDataStore(broken)).toThrow(/Could not read Astro's data store .*broken\.json/);
  });
});
