import { isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { splitFrontmatter } from "../../src/utils/content-check";
import { PLACEHOLDER_MARK } from "../../src/utils/placeholders";

/**
 * Does what an editor does after `npm run new`: writes real values over the placeholders. Sets the
 * given frontmatter fields, drops the TODO comments, and writes `paragraph` in place of every TODO
 * line of the body. Throws if a placeholder is left that the given values did not cover.
 */
export function fillScaffold(text: string, values: Record<string, unknown>, paragraph: string): string {
  const parts = splitFrontmatter(text);
  if (!parts) throw new Error("no frontmatter");
  const doc = parseDocument(parts.yaml);
  for (const [key, value] of Object.entries(values)) doc.set(key, doc.createNode(value));
  const clean = (node: unknown) => {
    if (isScalar(node)) {
      if (node.comment?.includes(PLACEHOLDER_MARK)) node.comment = null;
    } else if (isPair(node)) {
      clean(node.key);
      clean(node.value);
    } else if (isSeq(node) || isMap(node)) {
      for (const item of node.items as unknown[]) clean(item);
    }
  };
  clean(doc.contents);
  doc.commentBefore = null;
  const yaml = doc.toString({ lineWidth: 120 });
  const left = yaml.split("\n").filter((line) => line.includes(PLACEHOLDER_MARK) && !/^\s*#/.test(line));
  if (left.length > 0) throw new Error(`placeholders left in the frontmatter:\n${left.join("\n")}`);
  const body = parts.body
    .split("\n")
    .map((line) => (line.includes(PLACEHOLDER_MARK) ? (line.startsWith("#") ? "## More" : paragraph) : line))
    .join("\n");
  return `---\n${yaml}---\n${body}`;
}
