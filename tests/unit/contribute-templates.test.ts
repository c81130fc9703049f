/**
 * The repository's contribution plumbing stays in step with the site: the issue forms the site
 * links to exist, the proposal form offers exactly the ten modes, and CI runs the project's own
 * entry point and prints the matrix diff for pull requests.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MODE_IDS, MODE_LABELS } from "../../src/schemas/vocabularies";
import { issueUrl } from "../../src/site";

interface IssueForm {
  name: string;
  body: { type: string; id?: string; attributes: { label?: string; options?: string[] }; validations?: { required?: boolean } }[];
}
const form = (name: string) => parse(readFileSync(`.github/ISSUE_TEMPLATE/${name}`, "utf8")) as IssueForm;

describe("issue forms", () => {
  it("exist for the templates the site's links name", () => {
    const template = new URL(issueUrl("t", "b")).searchParams.get("template");
    expect(template).toBe("suggest-a-correction.yml");
    expect(existsSync(`.github/ISSUE_TEMPLATE/${template}`)).toBe(true);
    const contribute = readFileSync("src/pages/contribute.astro", "utf8");
    for (const [, name] of contribute.matchAll(/template=([a-z-]+\.yml)/g))
      expect(existsSync(`.github/ISSUE_TEMPLATE/${name}`), name).toBe(true);
  });

  it("ask for the programme, institution, modes, description and sources when proposing a case study", () => {
    const proposal = form("propose-a-case-study.yml");
    expect(proposal.name).toBe("Propose a case study");
    const required = proposal.body.filter((field) => field.validations?.required).map((field) => field.id);
    expect(required).toEqual(["programme", "institution", "modes", "description", "sources"]);
  });

  it("offer exactly the ten modes, by label and id, in the toolkit's order", () => {
    const modes = form("propose-a-case-study.yml").body.find((field) => field.id === "modes");
    expect(modes?.attributes.options).toEqual(MODE_IDS.map((id) => `${MODE_LABELS[id]} (${id})`));
  });

  it("ask which page, what is wrong and the source when suggesting a correction", () => {
    expect(
      form("suggest-a-correction.yml")
        .body.filter((f) => f.validations?.required)
        .map((f) => f.id),
    ).toEqual(["page", "details", "sources"]);
  });
});

describe("workflows", () => {
  it("CI runs .ci/run and, for pull requests, prints npm run matrix:diff against the base branch", () => {
    const ci = parse(readFileSync(".github/workflows/ci.yml", "utf8")) as {
      jobs: Record<string, { if?: string; steps: { run?: string }[] }>;
    };
    expect(ci.jobs["test"]!.steps.map((s) => s.run)).toContain("bash .ci/run");
    expect(ci.jobs["matrix-diff"]!.if).toBe("github.event_name == 'pull_request'");
    expect(ci.jobs["matrix-diff"]!.steps.map((s) => s.run ?? "").join("\n")).toContain('matrix:diff -- "origin/${{ github.base_ref }}"');
  });

  it("deploys the built dist/ to GitHub Pages", () => {
    const deploy = readFileSync(".github/workflows/deploy.yml", "utf8");
    expect(deploy).toContain("npm run build");
    expect(deploy).toMatch(/uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist/);
    expect(deploy).toContain("uses: actions/deploy-pages@");
  });
});
