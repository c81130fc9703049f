/**
 * `npm run check:content [dir]` — validates every content file with the build's own schemas and
 * integrity rules in a second or two, without building. Exits 1 on any error.
 */
import { formatIssue } from "../src/utils/atlas";
import { checkContentFiles } from "../src/utils/content-check";
import { readContent } from "./lib/content-files";

const root = process.argv[2] ?? process.env["ATLAS_CONTENT_DIR"] ?? "content";
const files = readContent(root);
const { issues, input } = checkContentFiles(files);
if (issues.length > 0) {
  for (const issue of issues) console.error(`✗ ${formatIssue(issue)}`);
  console.error(`\n${issues.length} ${issues.length === 1 ? "error" : "errors"} in ${root}/ — fix them and run again.`);
  process.exit(1);
}
console.log(
  `✓ ${files.length} files valid: ${input.modes.length} modes, ${input.institutions.length} institutions, ` +
    `${input.caseStudies.length} case studies, ${input.guides.length} guides.`,
);
