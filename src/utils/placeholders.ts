/**
 * Placeholders that `npm run new` writes into a new entry. The scaffold is schema-valid so the
 * editor can build and preview it at once, but it must never be published as it is: every value
 * the editor still has to supply carries the marker below, and `npm run check:content` reports each
 * one with its line until it is replaced. Nothing in a scaffold looks like a real fact — no example
 * figures, no example.org sources — so an unfinished entry cannot pass for a finished one.
 */
import { isMap, isSeq, type Document, type Node as YamlNode } from "yaml";
import type { ContentIssue } from "./atlas";

/** The marker of a value still to be written. */
export const PLACEHOLDER_MARK = "TODO";

/** The host of a source URL still to be written; `.invalid` is reserved (RFC 2606) and never resolves. */
export const PLACEHOLDER_HOST = `${PLACEHOLDER_MARK}.invalid`;

const MARK = new RegExp(`\\b${PLACEHOLDER_MARK}\\b`);

/** What each top-level field needs, so the message says what to write rather than only "replace it". */
const HINTS: Record<string, string> = {
  title: "write its title (for a case study, the programme's own name)",
  name: "write the organisation's full English name",
  shortName: "write its acronym or short name",
  summary: "write one to three sentences in your own words",
  status: "choose active, pilot, ended or unclear from the sources",
  started: "write the year it started, as a source gives it",
  audiences: "list who it is for",
  funding: "say who pays and in what share",
  sources: "give the real source: its title, its https address and the day you read it",
  country: "write its ISO 3166-1 alpha-2 code",
  type: "choose its institution type",
  website: "write its official https address",
  family: "choose the mode's family",
  goals: "list the goals it serves",
  dimension: "choose the guide's dimension",
  body: "write this section in your own words from the sources",
};

/** Every key and list item of a YAML document with the (0-based) line it starts on and its path. */
function yamlPositions(doc: Document, yamlText: string): { line: number; path: (string | number)[] }[] {
  const positions: { line: number; path: (string | number)[] }[] = [];
  const lineAt = (offset: number) => yamlText.slice(0, offset).split("\n").length - 1;
  const visit = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode & { value?: unknown };
        const name = String(key?.value ?? "");
        if (key?.range) positions.push({ line: lineAt(key.range[0]), path: [...path, name] });
        visit(pair.value, [...path, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as YamlNode | null)?.range;
        if (range) positions.push({ line: lineAt(range[0]), path: [...path, index] });
        visit(item, [...path, index]);
      });
    }
  };
  visit(doc.contents, []);
  return positions;
}

function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name === "" ? key : `${name}.${key}`), "");
}

/**
 * One issue per line of an entry that still holds a placeholder: a frontmatter value or a trailing
 * comment marked TODO, or a body line with the mark. Whole-line YAML comments are documentation
 * and are not checked.
 */
export function placeholderIssues(path: string, parts: { yaml: string; body: string; bodyLine: number }, doc: Document): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const positions = yamlPositions(doc, parts.yaml);
  parts.yaml.split("\n").forEach((text, index) => {
    if (!MARK.test(text) || /^\s*#/.test(text)) return;
    // The innermost key or item that starts on this line or above it names the field.
    const owner = positions
      .filter((p) => p.line <= index)
      .reduce<(typeof positions)[number] | undefined>(
        (best, p) => (best === undefined || p.line > best.line || (p.line === best.line && p.path.length > best.path.length) ? p : best),
        undefined,
      );
    const field = owner ? fieldName(owner.path) : "frontmatter";
    const top = owner ? String(owner.path[0]) : "";
    const hint = HINTS[top] ?? "write the real value (the comment above the field says what it takes)";
    issues.push({
      // Line 1 of the file is the opening "---", so YAML line 0 is file line 2.
      file: `${path}:${index + 2}`,
      field,
      value: text
        .replace(new RegExp(`^\\s*(?:- )?(?:(?!${PLACEHOLDER_MARK}:)[\\w-]+:\\s*)?`), "")
        .replace(/\s+#.*$/, "")
        .replace(/^"(.*)"$/, "$1")
        .trim(),
      message: `is a placeholder left by npm run new: ${hint}, then delete the ${PLACEHOLDER_MARK} mark.`,
    });
  });
  parts.body.split("\n").forEach((text, index) => {
    if (!MARK.test(text)) return;
    issues.push({
      file: `${path}:${parts.bodyLine + index}`,
      field: "body",
      value: text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim(),
      message: `is a placeholder left by npm run new: ${HINTS["body"]}, then delete the ${PLACEHOLDER_MARK} mark.`,
    });
  });
  return issues;
}
