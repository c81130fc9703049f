import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AtlasInput } from "../../src/utils/atlas";
import { diffMatrix, formatMatrixDiff, isEmptyDiff } from "../../src/utils/matrix-diff";
import { fixtureInput } from "../helpers/fixtures";

/** A copy of the fixture corpus with one case study changed by `edit`. */
function edited(edit: (input: AtlasInput) => void): AtlasInput {
  const input = structuredClone(fixtureInput());
  edit(input);
  return input;
}

function caseStudy(input: AtlasInput, id: string) {
  const found = input.caseStudies.find((entry) => entry.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
}

describe("diffMatrix", () => {
  it("finds nothing between two equal versions and says so", () => {
    const diff = diffMatrix({ input: fixtureInput() }, { input: fixtureInput() });
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatMatrixDiff(diff, "main")).toBe("No change to the matrix or the case studies against main.");
  });

  it("reports a new case study and the cell it fills", () => {
    const after = edited((input) => {
      const copy = structuredClone(caseStudy(input, "beta-joint-research"));
      input.caseStudies.push({
        ...copy,
        id: "beta-mentoring",
        file: "x",
        data: { ...copy.data, title: "Beta mentoring", modes: ["industry-mentoring"] },
      });
    });
    const diff = diffMatrix({ input: fixtureInput() }, { input: after });
    expect(diff.cellsAdded).toEqual([
      { institution: "beta-fund", institutionName: "Beta Research Fund", mode: "industry-mentoring", caseStudies: ["beta-mentoring"] },
    ]);
    expect(diff.caseStudiesAdded.map((c) => c.id)).toEqual(["beta-mentoring"]);
    expect(diff.cellsRemoved).toEqual([]);
    const text = formatMatrixDiff(diff, "origin/main");
    expect(text).toContain(
      "Cells added (1):\n  + Beta Research Fund × Industry mentoring (/matrix/beta-fund/industry-mentoring/) — beta-mentoring",
    );
    expect(text).toContain('Case studies added (1):\n  + beta-mentoring: "Beta mentoring" (beta-fund; industry-mentoring)');
  });

  it("reports a removed case study and the ticks that go with it, but not ticks another case study still backs", () => {
    const after = edited((input) => {
      input.caseStudies = input.caseStudies.filter((entry) => entry.id !== "alpha-mentoring");
    });
    const diff = diffMatrix({ input: fixtureInput() }, { input: after });
    expect(diff.caseStudiesRemoved.map((c) => c.id)).toEqual(["alpha-mentoring"]);
    const before = caseStudy(fixtureInput(), "alpha-mentoring").data.modes;
    const stillBacked = fixtureInput()
      .caseStudies.filter((entry) => entry.id !== "alpha-mentoring" && entry.data.institution === "alpha-university")
      .flatMap((entry) => entry.data.modes);
    expect(diff.cellsRemoved.map((cell) => cell.mode).sort()).toEqual(before.filter((mode) => !stillBacked.includes(mode)).sort());
    expect(diff.cellsRemoved.every((cell) => cell.caseStudies.includes("alpha-mentoring"))).toBe(true);
  });

  it("names the fields of a changed case study, and its body when the text changed", () => {
    const after = edited((input) => {
      caseStudy(input, "alpha-mentoring").data.summary = `${caseStudy(input, "alpha-mentoring").data.summary} More.`;
      caseStudy(input, "alpha-mentoring").data.lastReviewed = new Date("2026-01-01");
    });
    const diff = diffMatrix(
      { input: fixtureInput(), bodies: new Map([["alpha-mentoring", "Old text."]]) },
      { input: after, bodies: new Map([["alpha-mentoring", "New text."]]) },
    );
    expect(diff.caseStudiesChanged).toEqual([
      expect.objectContaining({ id: "alpha-mentoring", fields: ["summary", "lastReviewed", "body"] }),
    ]);
    expect(diff.cellsAdded).toEqual([]);
    expect(formatMatrixDiff(diff, "main")).toContain("No matrix cell gains or loses its tick.");
  });

  it("reports a renamed case study as renamed when the new id keeps the old one as an alias", () => {
    const after = edited((input) => {
      const entry = caseStudy(input, "alpha-mentoring");
      entry.id = "alpha-mentoring-network";
      entry.data.aliases = ["alpha-mentoring"];
    });
    const diff = diffMatrix({ input: fixtureInput() }, { input: after });
    expect(diff.caseStudiesRenamed).toEqual([{ from: "alpha-mentoring", to: expect.objectContaining({ id: "alpha-mentoring-network" }) }]);
    expect(diff.caseStudiesAdded).toEqual([]);
    expect(diff.caseStudiesRemoved).toEqual([]);
    expect(diff.cellsAdded).toEqual([]);
    expect(diff.cellsRemoved).toEqual([]);
  });
});

describe("npm run matrix:diff", { timeout: 30_000 }, () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync(
      "git",
      ["-c", "user.name=Atlas test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false", ...args],
      {
        cwd: repo,
        encoding: "utf8",
      },
    );
    if (result.status !== 0) throw new Error(result.stderr);
  };
  const run = (...args: string[]) =>
    spawnSync(resolve("node_modules/.bin/tsx"), [resolve("scripts/matrix-diff.ts"), ...args], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, ATLAS_CONTENT_DIR: "content", FORCE_COLOR: "0" },
    });

  beforeAll(() => {
    // A throwaway repository with the fixture corpus committed, never the project's own.
    repo = mkdtempSync(join(tmpdir(), "atlas-diff-"));
    cpSync("tests/fixtures/content", join(repo, "content"), { recursive: true });
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "fixtures");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("prints the cells and case studies the working tree changes against a ref", () => {
    const path = join(repo, "content", "case-studies", "beta-joint-research.mdx");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(/^modes:\n/m, "modes:\n  - consultancy\n"));
    const result = run("HEAD");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Matrix and case-study changes against HEAD:");
    expect(result.stdout).toContain(
      "Cells added (1):\n  + Beta Research Fund × Consultancy for business (/matrix/beta-fund/consultancy/) — beta-joint-research",
    );
    expect(result.stdout).toContain("Case studies changed (1):\n  ~ beta-joint-research: modes");
  });

  it("explains a ref git does not know", () => {
    const result = run("no-such-branch");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"no-such-branch" is not a commit, branch or tag this repository knows');
  });
});
