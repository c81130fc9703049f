import { readContent } from "../../scripts/lib/content-files";
import { checkContentFiles, type SourceFile } from "../../src/utils/content-check";
import type { AtlasInput } from "../../src/utils/atlas";

/** The fixture corpus under tests/fixtures/content, read from disk. */
export function fixtureFiles(): SourceFile[] {
  return readContent("tests/fixtures/content");
}

/** The fixture corpus parsed through the real schemas; throws if a fixture is itself invalid. */
export function fixtureInput(): AtlasInput {
  const { issues, input } = checkContentFiles(fixtureFiles());
  if (issues.length > 0) throw new Error(`fixtures are invalid: ${JSON.stringify(issues, null, 2)}`);
  return input;
}

/** Replaces one frontmatter line of a fixture file's text (for "what if an editor typed X" tests). */
export function withLine(file: SourceFile, from: RegExp, to: string): SourceFile {
  if (!from.test(file.text)) throw new Error(`${file.path} has no line matching ${from}`);
  return { ...file, text: file.text.replace(from, to) };
}
