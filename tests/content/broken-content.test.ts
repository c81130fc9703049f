/**
 * A corpus of deliberately broken entries: each case takes a valid fixture, makes one mistake an
 * editor could make, and asserts the message check:content (and the build) gives for it —
 * naming the file, the field, the bad value and, where there is one, the fix.
 */
import { describe, expect, it } from "vitest";
import { checkContentFiles, type SourceFile } from "../../src/utils/content-check";
import { formatIssue } from "../../src/utils/atlas";
import { fixtureFiles } from "../helpers/fixtures";

interface BrokenCase {
  name: string;
  /** File name of the fixture to break. */
  file: string;
  /** The edit: [pattern, replacement] applied to the file text, or a function. */
  edit: [RegExp, string] | ((text: string) => string);
  /** What the one message must say. */
  expected: RegExp;
  /** Extra files to add (for duplicates across files). */
  extra?: (files: SourceFile[]) => SourceFile[];
}

const CASE = "alpha-industrial-doctorates.mdx";
const INST = "alpha-university.mdx";
const MODE = "industrial-phd.mdx";
const GUIDE = "aligning-expectations.mdx";

const cases: BrokenCase[] = [
  { name: "a missing required field (title)", file: CASE, edit: [/^title: .*\n/m, ""], expected: /alpha-industrial-doctorates\.mdx: title is required but missing/ },
  { name: "a missing summary", file: CASE, edit: [/^summary: >-\n( {2}.*\n)+/m, ""], expected: /summary is required but missing/ },
  { name: "an unknown institution", file: CASE, edit: [/^institution: .*/m, "institution: alpha-universty"], expected: /institution "alpha-universty" is not a known institution id\. Did you mean "alpha-university"\? Valid ids: alpha-university, beta-fund/ },
  { name: "an unknown mode", file: CASE, edit: [/^ {2}- industrial-phd$/m, "  - industrial-phds"], expected: /:\d+: modes\[0\] is not a valid mode id: "industrial-phds"\. Valid choices: .*"joint-research".* Did you mean "industrial-phd"\?/ },
  { name: "empty modes", file: CASE, edit: [/^modes:\n {2}- industrial-phd$/m, "modes: []"], expected: /modes "\[\]" must list at least one mode id/ },
  { name: "the same mode twice", file: CASE, edit: [/^ {2}- industrial-phd$/m, "  - industrial-phd\n  - industrial-phd"], expected: /modes .* lists "industrial-phd" twice/ },
  { name: "a bad status", file: CASE, edit: [/^status: active/m, "status: running"], expected: /status is not a valid status: "running"\. Valid choices: "active", "pilot", "ended", "unclear"/ },
  { name: "ended before started", file: CASE, edit: [/^status: active/m, "status: ended\nended: 2001"], expected: /ended "?2001"? \(2001\) is before started \(2012\)/ },
  { name: "status ended without an end year", file: CASE, edit: [/^status: active/m, "status: ended"], expected: /ended is required when status is "ended"/ },
  { name: "an active programme with an end year", file: CASE, edit: [/^status: active/m, "status: active\nended: 2020"], expected: /status is "active" but ended is 2020/ },
  { name: "a year that is not a year", file: CASE, edit: [/^started: 2012/m, "started: twenty-twelve"], expected: /started "twenty-twelve" must be a four-digit year/ },
  { name: "an unknown audience", file: CASE, edit: [/^ {2}- doctoral-candidates$/m, "  - phd-students"], expected: /audiences\[0\] is not a valid audience: "phd-students"/ },
  { name: "a malformed source URL", file: CASE, edit: [/^ {4}url: https:\/\/www\.example\.org\/annual-report-2024$/m, "    url: www.example.org/report"], expected: /sources\[0\]\.url must be an absolute https:\/\/ URL, got "www\.example\.org\/report"/ },
  { name: "a plain http source URL", file: CASE, edit: [/^ {4}url: https:/m, "    url: http:"], expected: /sources\[0\]\.url must be an absolute https:\/\/ URL, got "http:\/\/www\.example\.org\/annual-report-2024"/ },
  { name: "no sources", file: CASE, edit: [/^sources:\n( {2}.*\n)+/m, "sources: []\n"], expected: /sources "\[\]" must list at least one source/ },
  { name: "a reviewed date in the future", file: CASE, edit: [/^lastReviewed: .*/m, "lastReviewed: 2999-01-01"], expected: /lastReviewed "?2999-01-01"? is in the future \(2999-01-01\)/ },
  { name: "a date that is not a date", file: CASE, edit: [/^lastReviewed: .*/m, "lastReviewed: last week"], expected: /lastReviewed "last week" must be a date written YYYY-MM-DD/ },
  { name: "a key figure without a year", file: CASE, edit: [/^ {4}year: 2024\n/m, ""], expected: /keyFigures\[0\]\.year is required but missing/ },
  { name: "a key figure whose source is not listed", file: CASE, edit: [/^ {4}source: https:\/\/www\.example\.org\/annual-report-2024$/m, "    source: https://www.example.org/other"], expected: /keyFigures\[0\]\.source "https:\/\/www\.example\.org\/other" is not one of this case study's sources/ },
  { name: "an unknown frontmatter field", file: CASE, edit: [/^status: active/m, "status: active\ncountry: BE"], expected: /Unrecognized key.*"country"/ },
  { name: "a toolkit flag without a toolkit source", file: CASE, edit: [/^toolkitConfirmed: false/m, "toolkitConfirmed: true"], expected: /toolkitConfirmed "true" is true but no source is a EURAXESS toolkit page/ },
  { name: "broken YAML", file: CASE, edit: [/^title: (.*)$/m, "title: [unclosed"], expected: /alpha-industrial-doctorates\.mdx:\d+: frontmatter is not valid YAML/ },
  { name: "no frontmatter at all", file: CASE, edit: (text) => text.replace(/^---\n/, ""), expected: /frontmatter is missing/ },
  { name: "an MDX syntax error", file: CASE, edit: [/^Who applies, what is funded/m, "Funding lasts <3 years. Who applies, what is funded"], expected: /alpha-industrial-doctorates\.mdx:\d+: body is not valid MDX: .*write “under 5”/ },
  { name: "an unknown component", file: CASE, edit: [/^## Outcomes$/m, "## Outcomes\n\n<FancyChart data=\"x\" />"], expected: /alpha-industrial-doctorates\.mdx:\d+: body "<FancyChart>" is an unknown component/ },
  { name: "an import in the body", file: CASE, edit: [/^## How it works$/m, "import X from './x.js'\n\n## How it works"], expected: /body "import X from '\.\/x\.js'" is an import or export/ },
  { name: "a missing case-study section", file: CASE, edit: [/^## Lessons\n\n.*\n/m, ""], expected: /body is missing the section "## Lessons"/ },
  { name: "a placeholder left by npm run new", file: CASE, edit: [/^funding: .*/m, 'funding: "TODO: who pays for it and in what share."'], expected: /alpha-industrial-doctorates\.mdx:\d+: funding "TODO: who pays for it and in what share\." is a placeholder left by npm run new: say who pays and in what share, then delete the TODO mark\./ },
  { name: "a placeholder source address", file: CASE, edit: [/^ {4}url: https:\/\/www\.example\.org\/annual-report-2024$/m, "    url: https://TODO.invalid/source-address"], expected: /:\d+: sources\[0\]\.url "https:\/\/TODO\.invalid\/source-address" is a placeholder left by npm run new: give the real source/ },
  { name: "a bad country code", file: INST, edit: [/^country: BE/m, "country: UK"], expected: /alpha-university\.mdx:\d+: country is not a valid country code \(ISO 3166-1 alpha-2\): "UK"\. Valid choices: "AD"/ },
  { name: "an unknown institution type", file: INST, edit: [/^type: university/m, "type: universty"], expected: /type is not a valid institution type: "universty"\..* Did you mean "university"\?/ },
  { name: "a mode whose order disagrees with its id", file: MODE, edit: [/^order: 4/m, "order: 5"], expected: /industrial-phd\.mdx: order "5" must be 4/ },
  { name: "an unknown guide dimension", file: GUIDE, edit: [/^dimension: alignment/m, "dimension: alignement"], expected: /dimension is not a valid guide dimension: "alignement".* Did you mean "alignment"\?/ },
  {
    name: "two case studies with the same title",
    file: "alpha-mentoring.mdx",
    edit: [/^title: .*/m, "title: Alpha Industrial Doctorates"],
    expected: /alpha-mentoring\.mdx: title "Alpha Industrial Doctorates" is also the title of .*alpha-industrial-doctorates\.mdx/,
  },
  {
    name: "a duplicate id in another folder",
    file: CASE,
    edit: (text) => text,
    extra: (files) => {
      const original = files.find((f) => f.path.endsWith(CASE))!;
      return [{ ...original, path: original.path.replace("case-studies/", "case-studies/archive/"), text: original.text.replace(/^title: .*/m, "title: Another title") }];
    },
    expected: /archive\/alpha-industrial-doctorates\.mdx: id "alpha-industrial-doctorates" is also the id of/,
  },
  { name: "a file name that is not kebab-case", file: CASE, edit: (text) => text, extra: (files) => [{ ...files.find((f) => f.path.endsWith(CASE))!, path: "tests/fixtures/content/case-studies/Alpha_New.mdx", text: files.find((f) => f.path.endsWith(CASE))!.text.replace(/^title: .*/m, "title: New one") }], expected: /Alpha_New\.mdx: file name "Alpha_New" must be kebab-case/ },
];

describe("check:content on broken entries", () => {
  it("accepts the unbroken fixture corpus", () => {
    expect(checkContentFiles(fixtureFiles()).issues).toEqual([]);
  });

  it("covers at least 25 distinct mistakes", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(25);
  });

  for (const broken of cases) {
    it(`reports ${broken.name}`, () => {
      let files = fixtureFiles().map((file) => {
        if (!file.path.endsWith(`/${broken.file}`)) return file;
        const text = typeof broken.edit === "function" ? broken.edit(file.text) : file.text.replace(broken.edit[0], broken.edit[1]);
        if (typeof broken.edit !== "function" && text === file.text) throw new Error(`edit for "${broken.name}" did not apply`);
        return { ...file, text };
      });
      if (broken.extra) files = [...files, ...broken.extra(files)];
      const messages = checkContentFiles(files).issues.map(formatIssue);
      expect(messages.length, messages.join("\n")).toBeGreaterThan(0);
      expect(messages.join("\n")).toMatch(broken.expected);
    });
  }
});
