/**
 * Checks over the real content in content/: the rules of CONTRIBUTING.md that are about quality
 * rather than shape (the schemas check shape). Bounds are the ones CONTRIBUTING.md states.
 */
import { describe, expect, it } from "vitest";
import { readContent } from "../../scripts/lib/content-files";
import { buildAtlas } from "../../src/utils/atlas";
import { checkContentFiles, splitFrontmatter } from "../../src/utils/content-check";
import { MODE_IDS } from "../../src/schemas/vocabularies";

const files = readContent("content");
const { issues, input } = checkContentFiles(files);
const atlas = buildAtlas(input);

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[A-Za-zÀ-ž0-9]/.test(word)).length;
}

function allUrls(): { file: string; url: string }[] {
  return files.flatMap((file) => [...file.text.matchAll(/https?:\/\/[^\s)"'>\]]+/g)].map((match) => ({ file: file.path, url: match[0] })));
}

describe("the content in content/", () => {
  it("passes check:content", () => {
    expect(issues).toEqual([]);
  });

  it("covers all ten modes", () => {
    expect(atlas.modes.map((mode) => mode.id)).toEqual([...MODE_IDS]);
  });

  it("has at least 40 case studies and 20 institutions", () => {
    expect(atlas.caseStudies.length).toBeGreaterThanOrEqual(40);
    expect(atlas.institutions.length).toBeGreaterThanOrEqual(20);
  });

  it("has every mode practised by at least three institutions", () => {
    const thin = atlas.modes.filter((mode) => mode.institutionIds.length < 3).map((mode) => `${mode.id}: ${mode.institutionIds.length}`);
    expect(thin).toEqual([]);
  });

  it("has at least one case study for every institution", () => {
    expect(atlas.institutions.filter((institution) => institution.caseStudyIds.length === 0).map((i) => i.id)).toEqual([]);
  });

  it("includes the fourteen institutions of the EURAXESS toolkit", () => {
    const toolkit = [
      "association-bernard-gregory",
      "bizkaia-talent",
      "christian-doppler-research-association",
      "ghent-university",
      "innovation-fund-denmark",
      "ludwig-boltzmann-gesellschaft",
      "leiden-university",
      "university-of-oxford",
      "royal-society",
      "science-foundation-ireland",
      "university-of-copenhagen",
      "university-of-nottingham",
      "ecusa",
      "fecyt",
    ];
    expect(toolkit.filter((id) => !atlas.institutions.some((institution) => institution.id === id))).toEqual([]);
  });

  it("gives every key figure a year and a source listed by its case study", () => {
    for (const caseStudy of atlas.caseStudies) {
      const urls = caseStudy.data.sources.map((source) => source.url);
      for (const figure of caseStudy.data.keyFigures) {
        expect(figure.year, `${caseStudy.file}: ${figure.label}`).toBeGreaterThan(1900);
        expect(urls, `${caseStudy.file}: ${figure.label}`).toContain(figure.source);
      }
    }
  });

  it("writes every URL as a well-formed https address without tracking parameters", () => {
    const bad = allUrls().filter(({ url }) => {
      try {
        const parsed = new URL(url.replace(/[.,;:]$/, ""));
        return (
          parsed.protocol !== "https:" ||
          parsed.hostname.endsWith(".") ||
          parsed.port !== "" ||
          parsed.pathname.includes("//") ||
          [...parsed.searchParams.keys()].some((key) => key.startsWith("utm_") || key === "ref" || key === "fbclid")
        );
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  it("gives no two case studies the same title", () => {
    const titles = atlas.caseStudies.map((caseStudy) => caseStudy.data.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("keeps case-study bodies between 120 and 1,200 words", () => {
    const outside = files
      .filter((file) => file.collection === "caseStudies")
      .map((file) => ({ file: file.path, words: words(splitFrontmatter(file.text)?.body ?? "") }))
      .filter(({ words: count }) => count < 120 || count > 1200);
    expect(outside).toEqual([]);
  });

  it("gives every mode a guidance body of at least 400 words with the seven guidance sections", () => {
    const sections = ["What it is", "Why each side takes part", "Setting one up", "Costs and funding tools", "Legal and IP points", "Measuring success", "Common pitfalls"];
    for (const file of files.filter((f) => f.collection === "modes")) {
      const body = splitFrontmatter(file.text)?.body ?? "";
      expect(words(body), file.path).toBeGreaterThanOrEqual(400);
      const headings = [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
      expect(headings, file.path).toEqual(sections);
    }
  });

  it("flags as confirmed by the toolkit only case studies that cite a EURAXESS page", () => {
    for (const caseStudy of atlas.caseStudies.filter((c) => c.data.toolkitConfirmed)) {
      expect(caseStudy.data.sources.some((source) => new URL(source.url).hostname.includes("euraxess")), caseStudy.file).toBe(true);
    }
  });

  it("has five guides, one per dimension of strategic collaboration", () => {
    expect(new Set(atlas.guides.map((guide) => guide.data.dimension)).size).toBe(5);
  });
});
