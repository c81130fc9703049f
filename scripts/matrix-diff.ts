/**
 * `npm run matrix:diff -- <git-ref> [--json]` — what the working tree changes in the matrix and the
 * case studies against a git ref (a branch, a tag, a commit): cells added and removed, case
 * studies added, changed, renamed and removed. The ref's content is read from git into memory
 * (nothing is checked out) and parsed with the same schemas as the build. CI prints it for pull requests.
 */
import { parseArgs } from "node:util";
import { checkContentFiles, splitFrontmatter, type SourceFile } from "../src/utils/content-check";
import { entryIdFromPath } from "../src/utils/ids";
import { diffMatrix, formatMatrixDiff, type DiffSide } from "../src/utils/matrix-diff";
import { readContent } from "./lib/content-files";
import { readContentAtRef } from "./lib/git-content";

function side(files: SourceFile[], label: string): DiffSide {
  const { issues, input } = checkContentFiles(files);
  if (issues.length > 0) {
    console.error(
      `! ${issues.length} content ${issues.length === 1 ? "error" : "errors"} in ${label}; entries with errors are left out of the comparison.`,
    );
  }
  const bodies = new Map<string, string>();
  for (const file of files) {
    if (file.collection === "caseStudies") bodies.set(entryIdFromPath(file.path), splitFrontmatter(file.text)?.body ?? "");
  }
  return { input, bodies };
}

const { values, positionals } = parseArgs({ options: { json: { type: "boolean" } }, allowPositionals: true });
const ref = positionals[0];
if (ref === undefined) {
  console.error("Usage: npm run matrix:diff -- <git-ref> [--json]   e.g. npm run matrix:diff -- origin/main");
  process.exit(1);
}
const root = process.env["ATLAS_CONTENT_DIR"] ?? "content";
try {
  const diff = diffMatrix(side(readContentAtRef(ref, root), ref), side(readContent(root), "the working tree"));
  console.log(values.json ? JSON.stringify(diff, null, 2) : formatMatrixDiff(diff, ref));
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
