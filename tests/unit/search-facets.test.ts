import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { atlasFacets, facetOptions, facetValueLabel } from "../../src/scripts/search-facets";
import { pagefindFile } from "../../src/integrations/pagefind-dev";
import { buildAtlas } from "../../src/utils/atlas";
import { fixtureInput } from "../helpers/fixtures";

describe("facet choices", () => {
  const items = atlasFacets(buildAtlas(fixtureInput()));

  it("offers exactly the values some page carries, labelled from the vocabularies", () => {
    expect(facetOptions(items, "country")).toEqual([
      { value: "AT", label: "Austria" },
      { value: "BE", label: "Belgium" },
    ]);
    expect(facetOptions(items, "type").map((option) => option.label)).toEqual(["University", "Research funder"]);
    expect(facetOptions(items, "kind").map((option) => option.value)).toEqual(["case-study", "mode", "institution", "guide"]);
  });

  it("keeps the toolkit's order for modes", () => {
    const modes = facetOptions(items, "mode").map((option) => option.value);
    expect(modes.indexOf("joint-research")).toBeLessThan(modes.indexOf("industry-mentoring"));
  });

  it("tags a case study with its institution's country and type", () => {
    const mentoring = items.find((item) => item.kind?.includes("case-study") && item.mode?.includes("industry-mentoring"));
    expect(mentoring).toMatchObject({ country: ["BE"], type: ["university"] });
  });

  it("names values as visitors read them", () => {
    expect(facetValueLabel("country", "GB")).toBe("United Kingdom");
    expect(facetValueLabel("audience", "smes")).toBe("SMEs and start-ups");
    expect(facetValueLabel("kind", "case-study")).toBe("Case study");
  });
});

describe("the dev server's search index", () => {
  const root = mkdtempSync(join(tmpdir(), "pagefind-dev-"));
  mkdirSync(join(root, "pagefind", "index"), { recursive: true });
  writeFileSync(join(root, "pagefind", "pagefind.js"), "export {}");
  writeFileSync(join(root, "pagefind", "index", "en_1.pf_index"), "x");
  writeFileSync(join(root, "secret.txt"), "no");
  const index = join(root, "pagefind");

  it("serves files of the last built index", () => {
    expect(pagefindFile(index, "/pagefind.js?ts=1")).toBe(join(index, "pagefind.js"));
    expect(pagefindFile(index, "/index/en_1.pf_index")).toBe(join(index, "index", "en_1.pf_index"));
  });

  it("serves nothing outside it, nor what is missing", () => {
    expect(pagefindFile(index, "/../secret.txt")).toBeUndefined();
    expect(pagefindFile(index, "/%2e%2e/secret.txt")).toBeUndefined();
    expect(pagefindFile(index, "/index/")).toBeUndefined();
    expect(pagefindFile(index, "/missing.js")).toBeUndefined();
  });
});
