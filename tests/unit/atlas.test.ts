import { describe, expect, it } from "vitest";
import { buildAtlas, checkIntegrity, ContentIntegrityError, formatIssue } from "../../src/utils/atlas";
import { fixtureInput } from "../helpers/fixtures";

describe("buildAtlas", () => {
  it("lists for each mode the institutions and case studies that practise it, computed from case studies", () => {
    const atlas = buildAtlas(fixtureInput());
    expect(atlas.mode("industry-mentoring").institutionIds).toEqual(["alpha-university"]);
    expect(atlas.mode("industry-mentoring").caseStudyIds).toEqual(["alpha-mentoring"]);
    expect(atlas.mode("joint-research").institutionIds).toEqual(["beta-fund"]);
    expect(atlas.mode("consultancy").caseStudyIds).toEqual([]);
  });

  it("lists an institution's modes in the toolkit's order", () => {
    const atlas = buildAtlas(fixtureInput());
    expect(atlas.institution("alpha-university").modeIds).toEqual(["industrial-phd", "career-days", "industry-mentoring"]);
  });

  it("sorts modes by the toolkit's order and institutions by name", () => {
    const atlas = buildAtlas(fixtureInput());
    expect(atlas.modes.map((m) => m.data.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(atlas.institutions.map((i) => i.data.name)).toEqual(["Alpha University", "Beta Research Fund"]);
  });

  it("refuses a case study whose institution does not exist, naming file, field, value and the closest id", () => {
    const input = fixtureInput();
    input.caseStudies[0]!.data.institution = "alpha-univrsity";
    expect(() => buildAtlas(input)).toThrow(ContentIntegrityError);
    const [issue] = checkIntegrity(input);
    expect(formatIssue(issue!)).toMatch(
      /alpha-industrial-doctorates\.mdx: institution "alpha-univrsity" is not a known institution id\. Did you mean "alpha-university"\?/,
    );
  });

  it("refuses two case studies with the same title", () => {
    const input = fixtureInput();
    input.caseStudies[1]!.data.title = input.caseStudies[0]!.data.title.toUpperCase();
    expect(checkIntegrity(input).map((issue) => issue.field)).toContain("title");
  });

  it("refuses a mode file whose order disagrees with the toolkit's order", () => {
    const input = fixtureInput();
    input.modes[0]!.data.order = 7;
    const issues = checkIntegrity(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/must be \d+/);
  });

  it("refuses an alias that is another entry's id", () => {
    const input = fixtureInput();
    input.caseStudies[0]!.data.aliases = ["alpha-mentoring"];
    expect(checkIntegrity(input)[0]!.message).toMatch(/is the id of/);
  });

  it("refuses a guide that applies to a mode with no page", () => {
    const input = fixtureInput();
    input.modes = input.modes.filter((mode) => mode.id !== "joint-research");
    input.modes.forEach((mode) => (mode.data.related = []));
    expect(checkIntegrity(input).some((issue) => issue.file.includes("guides") && issue.value === "joint-research")).toBe(true);
  });
});
