import { describe, expect, it } from "vitest";
import {
  explainMatch,
  finderCounts,
  findModes,
  matchMode,
  modesByGoal,
  parseModeFinder,
  serializeModeFinder,
  type FinderMode,
} from "../../src/utils/mode-finder";
import { fixtureInput } from "../helpers/fixtures";

/** The fixture modes (parsed through the real schema), with goals and audiences set per test case. */
function modes(): FinderMode[] {
  const input = fixtureInput();
  const byId = new Map(input.modes.map((mode) => [mode.id, mode.data]));
  byId.get("industrial-phd")!.goals = ["recruit-talent", "co-develop-technology"];
  byId.get("industrial-phd")!.audiences = ["doctoral-candidates", "companies"];
  byId.get("industry-mentoring")!.goals = ["develop-careers", "build-networks"];
  byId.get("industry-mentoring")!.audiences = ["early-career-researchers", "companies"];
  byId.get("shared-infrastructure")!.goals = ["access-facilities"];
  byId.get("shared-infrastructure")!.audiences = ["smes"];
  return input.modes.map((mode) => ({ id: mode.id, goals: mode.data.goals, audiences: mode.data.audiences }));
}

const ids = (choice: string) =>
  findModes(modes(), parseModeFinder(choice))
    .filter((match) => match.matches)
    .map((match) => match.id);

describe("the mode finder", () => {
  it("shows every mode when nothing is chosen", () => {
    expect(ids("")).toHaveLength(modes().length);
  });

  it("keeps a mode that serves any chosen goal (OR within goals)", () => {
    const found = ids("goal=co-develop-technology,access-facilities");
    expect(found).toContain("industrial-phd");
    expect(found).toContain("shared-infrastructure");
    expect(found).not.toContain("industry-mentoring");
  });

  it("requires a chosen goal and a chosen audience together (AND across the two)", () => {
    expect(ids("goal=recruit-talent,develop-careers&audience=companies").sort()).toEqual(["industrial-phd", "industry-mentoring"]);
    expect(ids("goal=access-facilities&audience=companies")).toEqual([]);
  });

  it("says why a mode fits, naming only what was chosen", () => {
    const mentoring = modes().find((mode) => mode.id === "industry-mentoring")!;
    const match = matchMode(mentoring, parseModeFinder("goal=develop-careers,build-networks,recruit-talent&audience=companies,smes"));
    expect(match.goals).toEqual(["develop-careers", "build-networks"]);
    expect(explainMatch(match)).toBe("Serves Develop researchers' careers and Build long-term networks · involves Companies");
    expect(explainMatch(matchMode(mentoring, parseModeFinder("audience=early-career-researchers")))).toBe(
      "Involves Early-career researchers",
    );
    expect(explainMatch(matchMode(mentoring, parseModeFinder("goal=access-facilities")))).toBe("");
  });

  it("counts what each choice would show, against the other group only", () => {
    const counts = finderCounts(modes(), parseModeFinder("goal=co-develop-technology&audience=smes"));
    // Goal counts respect the audience choice (only shared-infrastructure involves SMEs)…
    expect(counts.goals).toEqual({ "access-facilities": 1 });
    // …and audience counts respect the goal choice (only the industrial PhD co-develops technology).
    expect(counts.audiences).toEqual({ "doctoral-candidates": 1, companies: 1 });
  });

  it("round-trips its URL form and drops unknown values", () => {
    const choice = parseModeFinder("goal=build-networks,teleport&goal=recruit-talent&audience=smes");
    expect(choice).toEqual({ goals: ["recruit-talent", "build-networks"], audiences: ["smes"] });
    expect(serializeModeFinder(choice)).toBe("goal=recruit-talent,build-networks&audience=smes");
    expect(parseModeFinder(serializeModeFinder(choice))).toEqual(choice);
    expect(serializeModeFinder({ goals: [], audiences: [] })).toBe("");
  });

  it("lists, for the no-JavaScript page, the modes that serve each goal", () => {
    const byGoal = modesByGoal(modes());
    expect(byGoal["access-facilities"]).toEqual(["shared-infrastructure"]);
    expect(byGoal["build-networks"]).toEqual(["industry-mentoring"]);
    expect(byGoal["commercialise-results"]).toEqual([]);
  });
});
