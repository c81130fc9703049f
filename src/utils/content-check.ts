import { parseDocument, isMap, isSeq, type Node as YamlNode } from "yaml";
import { mdxToMdast } from "satteri";
import type { z } from "astro/zod";
import { caseStudySchema, COLLECTIONS, guideSchema, institutionSchema, modeSchema, type CollectionKey } from "../schemas";
import { checkIntegrity, type AtlasInput, type ContentIssue, type Entry } from "./atlas";
import { entryIdFromPath } from "./ids";
import { placeholderIssues } from "./placeholders";

/** A content file as read from disk. */
export interface SourceFile {
  collection: CollectionKey;
  /** Path as shown to the editor, e.g. "content/case-studies/foo.mdx". */
  path: string;
  text: string;
}

const SCHEMAS: Record<CollectionKey, z.ZodType> = {
  modes: modeSchema,
  institutions: institutionSchema,
  caseStudies: caseStudySchema,
  guides: guideSchema,
};

/** Splits an MDX file into its YAML frontmatter and body, remembering the body's first line. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? "";
  return { yaml, body: text.slice(match[0].length), bodyLine: match[0].split("\n").length };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** The line (in the whole file, 1-based) where a frontmatter path is written, when it can be found. */
function lineOfPath(doc: ReturnType<typeof parseDocument>, yamlText: string, path: PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      found = (pair.key as YamlNode) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) break;
      found = item;
      node = item;
    } else break;
  }
  const range = found?.range;
  return range ? lineOf(yamlText, range[0]) + 1 : undefined;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : name === "" ? String(key) : `${name}.${String(key)}`),
    "",
  );
}

function show(value: unknown): string {
  if (value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The `##` headings every case-study body has, in this order. */
export const CASE_STUDY_SECTIONS = ["How it works", "Who it is for", "Outcomes", "Lessons"] as const;

interface MdastLike {
  type: string;
  name?: string | null;
  depth?: number;
  value?: string;
  children?: MdastLike[];
  position?: { start: { line: number } };
}

function textOf(node: MdastLike): string {
  return node.value ?? (node.children ?? []).map(textOf).join("");
}

/**
 * Checks an MDX body the way the build will compile it: syntax, no components or imports (entry
 * files are plain Markdown so editors need no code), and the case-study section headings.
 */
export function checkBody(file: SourceFile, body: string, bodyLine: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  let tree: MdastLike;
  try {
    tree = mdxToMdast(body) as unknown as MdastLike;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+)/.exec(message);
    const line = position ? bodyLine + Number(position[1]) - 1 : bodyLine;
    const hint = message.includes("after `<`") ? " (write “under 5” instead of “<5”, or escape it as \\<)" : "";
    return [
      { file: `${file.path}:${line}`, field: "body", value: "", message: `is not valid MDX: ${message.replace(/^\d+:\d+: /, "")}${hint}` },
    ];
  }
  const headings: string[] = [];
  const visit = (node: MdastLike) => {
    const line = bodyLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      issues.push({
        file: `${file.path}:${line}`,
        field: "body",
        value: `<${node.name ?? ""}>`,
        message:
          "is an unknown component: entries are plain Markdown and may use no components (valid components: none). Use Markdown instead.",
      });
    }
    if (node.type === "mdxjsEsm") {
      issues.push({
        file: `${file.path}:${line}`,
        field: "body",
        value: (node.value ?? "").split("\n")[0] ?? "",
        message: "is an import or export: entries may not contain code",
      });
    }
    if (node.type === "heading" && node.depth === 2) headings.push(textOf(node).trim());
    node.children?.forEach(visit);
  };
  visit(tree);
  if (file.collection === "caseStudies") {
    const found = headings.filter((heading) => (CASE_STUDY_SECTIONS as readonly string[]).includes(heading));
    const missing = CASE_STUDY_SECTIONS.filter((section) => !found.includes(section));
    if (missing.length > 0) {
      issues.push({
        file: file.path,
        field: "body",
        value: "",
        message: `is missing the section${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"## ${m}"`).join(", ")}; a case study has ${CASE_STUDY_SECTIONS.map((m) => `"## ${m}"`).join(", ")}, in that order`,
      });
    } else if (found.join("|") !== CASE_STUDY_SECTIONS.join("|")) {
      issues.push({
        file: file.path,
        field: "body",
        value: found.join(", "),
        message: `has its sections out of order; the order is ${CASE_STUDY_SECTIONS.join(", ")}`,
      });
    }
  }
  return issues;
}

export interface CheckResult {
  issues: ContentIssue[];
  input: AtlasInput;
}

/**
 * Validates content files the way the build does — the same schemas and the same integrity
 * rules — without a build: frontmatter YAML, schema, file names, cross-entry ids.
 */
export function checkContentFiles(files: SourceFile[]): CheckResult {
  const issues: ContentIssue[] = [];
  const input: AtlasInput = { modes: [], institutions: [], caseStudies: [], guides: [] };

  for (const file of files) {
    const parts = splitFrontmatter(file.text);
    if (!parts) {
      issues.push({
        file: file.path,
        field: "frontmatter",
        value: "",
        message: "is missing: the file must start with a line '---', the YAML fields, and another '---'",
      });
      continue;
    }
    const doc = parseDocument(parts.yaml, { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = (error.linePos?.[0]?.line ?? 0) + 1;
        issues.push({
          file: `${file.path}:${line}`,
          field: "frontmatter",
          value: "",
          message: `is not valid YAML: ${error.message.split("\n")[0]}`,
        });
      }
      continue;
    }
    const bodyIssues = checkBody(file, parts.body, parts.bodyLine);
    issues.push(...bodyIssues);
    // A scaffold from `npm run new` is schema-valid but not finished until every placeholder is replaced.
    issues.push(...placeholderIssues(file.path, parts, doc));
    const raw: unknown = doc.toJS();
    const parsed = SCHEMAS[file.collection].safeParse(raw ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as PropertyKey[];
        const line = lineOfPath(doc, parts.yaml, path);
        const value = valueAt(raw, path);
        const message = value === undefined && issue.code === "invalid_type" ? "is required but missing" : issue.message;
        issues.push({
          file: line ? `${file.path}:${line}` : file.path,
          field: fieldName(path) || "frontmatter",
          value: show(value),
          message,
        });
      }
      continue;
    }
    const entry: Entry<never> = { id: entryIdFromPath(file.path), file: file.path, data: parsed.data as never };
    (input[file.collection] as Entry<unknown>[]).push(entry);
  }
  issues.push(...checkIntegrity(input));
  return { issues, input };
}

/** The collection a path under the content directory belongs to, from its folder. */
export function collectionOfFolder(folder: string): CollectionKey | undefined {
  return (Object.keys(COLLECTIONS) as CollectionKey[]).find((key) => COLLECTIONS[key].folder === folder);
}
