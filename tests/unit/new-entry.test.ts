/**
 * `npm run new`, run the way an editor runs it, into a throwaway copy of the fixture corpus
 * (ATLAS_CONTENT_DIR), followed by the same check as `npm run check:content`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContent } from "../../scripts/lib/content-files";
import { formatIssue } from "../../src/utils/atlas";
import { checkContentFiles } from "../../src/utils/content-check";
import { parseEntryType, scaffoldEntry, toKebabCase, validateNewEntry, type ExistingContent } from "../../src/utils/new-entry";
import { fillScaffold } from "../helpers/fill-entry";

let root: string;
let content: string;

function runNew(...args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/new.ts", ...args], {
    env: { ...process.env, ATLAS_CONTENT_DIR: content, FORCE_COLOR: "0" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function check() {
  return checkContentFiles(readContent(content)).issues.map(formatIssue);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "atlas-new-"));
  content = join(root, "content");
  cpSync("tests/fixtures/content", content, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each test runs the CLI in a child process; a loaded machine can take seconds per run.
describe("npm run new", { timeout: 30_000 }, () => {
  it("scaffolds a case study that check:content refuses only for its placeholders, each with its line", () => {
    const result = runNew(
      "--type",
      "case-study",
      "--id",
      "beta-mentoring",
      "--institution",
      "beta-fund",
      "--modes",
      "industry-mentoring,career-days",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created .*case-studies\/beta-mentoring\.mdx/);
    expect(result.stdout).toMatch(/Next steps:\n {2}1\. Open .* and replace every value marked TODO/);
    expect(result.stdout).toContain("npm run check:content");

    const text = readFileSync(join(content, "case-studies", "beta-mentoring.mdx"), "utf8");
    expect(text).toMatch(/^institution: beta-fund$/m);
    expect(text).toMatch(/^modes:\n {2}- industry-mentoring\n {2}- career-days$/m);
    // Honest by construction: no example figures, no example sources.
    expect(text).toMatch(/^keyFigures: \[\]$/m);
    expect(text).not.toMatch(/example\.org|Example Agency|"100"/);

    const messages = check();
    const own = messages.filter((message) => message.includes("beta-mentoring.mdx"));
    expect(own.length, messages.join("\n")).toBeGreaterThan(5);
    for (const message of own)
      expect(message).toMatch(/beta-mentoring\.mdx:\d+: .* is a placeholder left by npm run new: .*delete the TODO mark\.$/);
    expect(messages).toEqual(own);
    expect(own.join("\n")).toMatch(
      /:\d+: sources\[0\]\.url "https:\/\/TODO\.invalid\/source-address" is a placeholder left by npm run new: give the real source/,
    );
    expect(own.join("\n")).toMatch(/:\d+: body "TODO: Who applies.*" is a placeholder/);
  });

  it("gives a case study whose placeholders are filled in a clean check", () => {
    const path = join(content, "case-studies", "beta-mentoring.mdx");
    writeFileSync(
      path,
      fillScaffold(
        readFileSync(path, "utf8"),
        {
          title: "Beta mentoring circle",
          summary:
            "A mentoring circle in which staff of companies funded by the Beta Research Fund mentor early-career researchers for a year.",
          status: "active",
          started: 2019,
          audiences: ["early-career-researchers", "companies"],
          funding: "The fund pays for the meetings; mentors give their time for free.",
          sources: [{ title: "Mentoring circle", url: "https://www.example.org/mentoring", accessed: "2026-11-01" }],
        },
        "Mentors and mentees meet every month for a year and agree their own goals at the first meeting.",
      ),
    );
    expect(check()).toEqual([]);
  });

  it("refuses an institution id with a typo and offers the closest one, writing nothing", () => {
    const result = runNew("--type", "case-study", "--id", "beta-placements", "--institution", "beta-fnd", "--modes", "temporary-mobility");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '✗ --institution "beta-fnd" is not a known institution id. Did you mean "beta-fund"? Valid ids: alpha-university, beta-fund.',
    );
    expect(result.stderr).toContain("Nothing was written.");
    expect(existsSync(join(content, "case-studies", "beta-placements.mdx"))).toBe(false);
  });

  it("refuses an id that is already taken, and a mistyped mode, in one run", () => {
    const result = runNew("--type", "case-study", "--id", "alpha-mentoring", "--institution", "alpha-university", "--modes", "career-dayz");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--id "alpha-mentoring" is already taken: .*case-studies\/alpha-mentoring\.mdx exists/);
    expect(result.stderr).toMatch(/--modes: "career-dayz" is not a valid mode id\. Valid choices: .* Did you mean "career-days"\?/);
    expect(readFileSync(join(content, "case-studies", "alpha-mentoring.mdx"), "utf8")).toContain("title: Alpha mentoring for researchers");
  });

  it("asks for what is missing when run in a terminal, asking again after a typo", () => {
    const answers = ["case-study", "beta-circle", "beta-fnd", "beta-fund", "industry-mentorin", "industry-mentoring", "Beta circle"];
    const result = spawnSync("node_modules/.bin/tsx", ["scripts/new.ts"], {
      env: { ...process.env, ATLAS_CONTENT_DIR: content, ATLAS_NEW_INTERACTIVE: "1", FORCE_COLOR: "0" },
      encoding: "utf8",
      input: `${answers.join("\n")}\n`,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Institution id (");
    expect(result.stdout).toContain("Mode ids, comma-separated (");
    expect(result.stderr).toContain('✗ --institution "beta-fnd" is not a known institution id. Did you mean "beta-fund"?');
    expect(result.stderr).toContain('Did you mean "industry-mentoring"?');
    const text = readFileSync(join(content, "case-studies", "beta-circle.mdx"), "utf8");
    expect(text).toMatch(/^title: Beta circle$/m);
    expect(text).toMatch(/^institution: beta-fund$/m);
    expect(text).toMatch(/^modes:\n {2}- industry-mentoring$/m);
    rmSync(join(content, "case-studies", "beta-circle.mdx"));
  });

  it("says which entry types exist when the type is mistyped", () => {
    const result = runNew("--type", "case-studie", "--id", "x");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '--type "case-studie" is not an entry type. Valid choices: "case-study", "institution", "mode", "guide". Did you mean "case-study"?',
    );
  });

  it("scaffolds an institution and a guide that check:content refuses only for their placeholders", () => {
    expect(runNew("--type", "institution", "--id", "gamma-institute", "--title", "Gamma Institute").status).toBe(0);
    expect(runNew("--type", "guide", "--id", "funding-tools", "--modes", "joint-research,industrial-phd").status).toBe(0);
    const messages = check();
    const institution = messages.filter((message) => message.includes("gamma-institute.mdx"));
    const guide = messages.filter((message) => message.includes("funding-tools.mdx"));
    expect(institution.join("\n")).toMatch(/gamma-institute\.mdx:\d+: website "https:\/\/TODO\.invalid\/" is a placeholder/);
    expect(institution.join("\n")).toMatch(
      /gamma-institute\.mdx:\d+: country "BE" is a placeholder left by npm run new: write its ISO 3166-1 alpha-2 code/,
    );
    expect(guide.join("\n")).toMatch(/funding-tools\.mdx:\d+: dimension "alignment" is a placeholder/);
    expect([...institution, ...guide]).toEqual(messages);
    for (const message of messages) expect(message).toContain("is a placeholder left by npm run new");
    expect(readFileSync(join(content, "institutions", "gamma-institute.mdx"), "utf8")).toMatch(/^name: Gamma Institute$/m);
  });
});

describe("scaffoldEntry and validateNewEntry", () => {
  const existing = (): ExistingContent => {
    const empty = () => ({ modes: new Map(), institutions: new Map(), caseStudies: new Map(), guides: new Map() });
    const value: ExistingContent = { files: empty(), aliases: empty(), caseStudyTitles: new Map() };
    value.files.institutions.set("ghent-university", "content/institutions/ghent-university.mdx");
    value.aliases.institutions.set("ugent", "content/institutions/ghent-university.mdx");
    value.files.modes.set("industrial-phd", "content/modes/industrial-phd.mdx");
    return value;
  };

  it("points an institution's old id to its current file", () => {
    const errors = validateNewEntry({ type: "case-study", id: "x-phd", institution: "ugent", modes: ["industrial-phd"] }, existing());
    expect(errors).toEqual(['--institution "ugent" is an old id of content/institutions/ghent-university.mdx; use its current id.']);
  });

  it("refuses a new entry whose id is an old id of another, so that redirect keeps working", () => {
    const errors = validateNewEntry({ type: "institution", id: "ugent" }, existing());
    expect(errors[0]).toMatch(/--id "ugent" is an old id \(an alias\) of content\/institutions\/ghent-university\.mdx/);
  });

  it("refuses a mode that exists in the vocabulary but has no page yet", () => {
    const errors = validateNewEntry({ type: "guide", id: "g", modes: ["consultancy"] }, existing());
    expect(errors).toEqual(['--modes "consultancy" is not a known mode with a page. Valid ids: industrial-phd.']);
  });

  it("suggests a kebab-case id for one that is not", () => {
    expect(validateNewEntry({ type: "institution", id: "Université_Gent" }, existing())).toEqual([
      '--id "Université_Gent" must be kebab-case (a-z, 0-9 and hyphens). Did you mean "universite-gent"?',
    ]);
    expect(toKebabCase("  Ghent University (UGent) ")).toBe("ghent-university-ugent");
  });

  it("accepts a collection folder name as the type", () => {
    expect(parseEntryType("case-studies")).toBe("case-study");
    expect(parseEntryType("Institution")).toBe("institution");
    expect(parseEntryType("programme")).toBeUndefined();
  });

  it("keeps the template's field documentation but not its instruction to copy the file", () => {
    const template = readFileSync("content/case-studies/_template.mdx", "utf8");
    const text = scaffoldEntry(
      { type: "case-study", id: "x-phd", institution: "ghent-university", modes: ["industrial-phd"] },
      template,
      "2026-01-02",
    );
    expect(text).toContain("# title: the programme's own name, unique across the site");
    expect(text).not.toContain("Copy this file");
    expect(text).toMatch(/^# Created by `npm run new` on 2026-01-02: \/case-studies\/x-phd\/$/m);
    expect(text).toMatch(/^lastReviewed: 2026-01-02$/m);
    expect(text).toMatch(/^## How it works$/m);
  });
});
