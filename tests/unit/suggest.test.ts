import { describe, expect, it } from "vitest";
import { closestMatches, didYouMean, listChoices } from "../../src/utils/suggest";

const ids = ["ghent-university", "leiden-university", "innovation-fund-denmark", "bizkaia-talent"];

describe("closestMatches", () => {
  it("offers the id one typo away first", () => {
    expect(closestMatches("gent-university", ids)[0]).toBe("ghent-university");
  });
  it("finds an id the editor shortened", () => {
    expect(closestMatches("bizkaia", ids)).toEqual(["bizkaia-talent"]);
  });
  it("offers nothing for an unrelated value", () => {
    expect(closestMatches("zzzzzz", ids)).toEqual([]);
  });
});

describe("didYouMean", () => {
  it("phrases the suggestion as a question", () => {
    expect(didYouMean("leiden-univ", ids)).toBe(' Did you mean "leiden-university"?');
  });
  it("is empty when nothing is close", () => {
    expect(didYouMean("qqq", ids)).toBe("");
  });
});

describe("listChoices", () => {
  it("quotes every choice of a short list", () => {
    expect(listChoices(["a", "b"])).toBe('"a", "b"');
  });
  it("shortens a long list and says how many there are", () => {
    expect(
      listChoices(
        Array.from({ length: 30 }, (_, i) => `c${i}`),
        3,
      ),
    ).toBe('"c0", "c1", "c2", … (30 in all)');
  });
});
