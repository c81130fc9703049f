/**
 * The logic behind `npm run new`: which entry types exist, how the answers are checked against the
 * content already there (with the same "did you mean" as check:content), and how a new file is
 * written from the folder's `_template.mdx`. Pure: the CLI in scripts/new.ts does the reading,
 * prompting and writing.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type Scalar } from "yaml";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { MODE_IDS, MODE_LABELS, type ModeId } from "../schemas/vocabularies";
import { splitFrontmatter } from "./content-check";
import { isKebabCase } from "./ids";
import { PLACEHOLDER_HOST, PLACEHOLDER_MARK } from "./placeholders";
import { closestMatches, didYouMean, listChoices } from "./suggest";

/** The entry types `npm run new --type` accepts, and their collections. */
export const ENTRY_TYPES = {
  "case-study": "caseStudies",
  institution: "institutions",
  mode: "modes",
  guide: "guides",
} as const satisfies Record<string, CollectionKey>;
export type EntryType = keyof typeof ENTRY_TYPES;
export const ENTRY_TYPE_NAMES = Object.keys(ENTRY_TYPES) as EntryType[];

/** What the editor asked for. */
export interface NewEntryRequest {
  type: EntryType;
  id: string;
  /** Case studies: the institution id. */
  institution?: string | undefined;
  /** Case studies and guides: mode ids. */
  modes?: string[] | undefined;
  /** Title (name, for an institution); a placeholder is written when it is missing. */
  title?: string | undefined;
}

/** The content already there, as `npm run new` needs it. */
export interface ExistingContent {
  /** Per collection: entry id → file path. */
  files: Record<CollectionKey, Map<string, string>>;
  /** Per collection: old id (alias) → file path of the entry that carries it. */
  aliases: Record<CollectionKey, Map<string, string>>;
  /** Case-study titles (lower case) → file path. */
  caseStudyTitles: Map<string, string>;
}

/** Reads a text that should be an entry type, accepting the collection's folder name too ("case-studies"). */
export function parseEntryType(value: string): EntryType | undefined {
  const lower = value.trim().toLowerCase();
  if (lower in ENTRY_TYPES) return lower as EntryType;
  return ENTRY_TYPE_NAMES.find((type) => COLLECTIONS[ENTRY_TYPES[type]].folder === lower);
}

/** The message for a value that is not an entry type. */
export function entryTypeError(value: string): string {
  return `--type "${value}" is not an entry type. Valid choices: ${listChoices(ENTRY_TYPE_NAMES)}.${didYouMean(value, ENTRY_TYPE_NAMES)}`;
}

/** Turns "Ghent University_PhD" into "ghent-university-phd", to suggest a valid id. */
export function toKebabCase(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function unknownId(flag: string, value: string, what: string, valid: readonly string[], aliases: Map<string, string>): string {
  const owner = aliases.get(value);
  if (owner !== undefined) return `${flag} "${value}" is an old id of ${owner}; use its current id.`;
  const close = closestMatches(value, valid);
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : "";
  const shown = valid.length <= 20 ? valid.join(", ") : `${valid.slice(0, 20).join(", ")}, … (${valid.length} in all)`;
  return `${flag} "${value}" is not a known ${what}.${hint} Valid ids: ${shown}.`;
}

/** Every problem with a request, as messages an editor can act on (empty when it can be written). */
export function validateNewEntry(request: NewEntryRequest, existing: ExistingContent): string[] {
  const errors: string[] = [];
  const collection = ENTRY_TYPES[request.type];
  const { id } = request;

  if (id === "") errors.push(`--id is required: the new file's name in kebab-case, e.g. "${exampleId(request.type)}".`);
  else if (!isKebabCase(id)) {
    const suggestion = toKebabCase(id);
    errors.push(`--id "${id}" must be kebab-case (a-z, 0-9 and hyphens).${suggestion !== "" ? ` Did you mean "${suggestion}"?` : ""}`);
  } else if (existing.files[collection].has(id)) {
    errors.push(`--id "${id}" is already taken: ${existing.files[collection].get(id)} exists. Choose another id, or edit that file.`);
  } else if (existing.aliases[collection].has(id)) {
    errors.push(
      `--id "${id}" is an old id (an alias) of ${existing.aliases[collection].get(id)}; choose another id so its old address keeps working.`,
    );
  } else if (request.type === "mode" && !(MODE_IDS as readonly string[]).includes(id)) {
    errors.push(
      `--id "${id}" is not a mode id: there are exactly ten modes, fixed in src/schemas/vocabularies.ts. Valid choices: ${listChoices(MODE_IDS)}.${didYouMean(id, MODE_IDS)}`,
    );
  }

  if (request.type === "case-study") {
    const institutions = [...existing.files.institutions.keys()].sort();
    if (request.institution === undefined || request.institution === "") {
      errors.push(
        "--institution is required for a case study: the id (file name) of an institution entry; add the institution first if it is new.",
      );
    } else if (!existing.files.institutions.has(request.institution)) {
      errors.push(unknownId("--institution", request.institution, "institution id", institutions, existing.aliases.institutions));
    }
    if (request.title !== undefined && request.title !== "") {
      const earlier = existing.caseStudyTitles.get(request.title.trim().toLowerCase());
      if (earlier !== undefined) errors.push(`--title "${request.title}" is already the title of ${earlier}; titles must be unique.`);
    }
  } else if (request.institution !== undefined) {
    errors.push(`--institution applies only to case studies, not to a ${request.type}.`);
  }

  if (request.type === "case-study" || request.type === "guide") {
    const withPages = MODE_IDS.filter((mode) => existing.files.modes.has(mode));
    if (request.modes === undefined || request.modes.length === 0) {
      errors.push(
        `--modes is required for a ${request.type}: one or more mode ids separated by commas, e.g. --modes industrial-phd,temporary-mobility.`,
      );
    } else {
      for (const mode of request.modes) {
        if (!(MODE_IDS as readonly string[]).includes(mode)) {
          errors.push(`--modes: "${mode}" is not a valid mode id. Valid choices: ${listChoices(MODE_IDS)}.${didYouMean(mode, MODE_IDS)}`);
        } else if (!existing.files.modes.has(mode)) {
          errors.push(unknownId("--modes", mode, "mode with a page", withPages, existing.aliases.modes));
        }
      }
    }
  } else if (request.modes !== undefined && request.modes.length > 0) {
    errors.push(`--modes applies only to case studies and guides, not to a ${request.type}.`);
  }
  if (request.title !== undefined && request.title.length > 120)
    errors.push(`--title is ${request.title.length} characters long; the limit is 120.`);
  return errors;
}

function exampleId(type: EntryType): string {
  return { "case-study": "ugent-industrial-phd", institution: "ghent-university", mode: "industrial-phd", guide: "funding-tools" }[type];
}

/** Where a new entry goes, relative to the content directory. */
export function entryPath(type: EntryType, id: string): string {
  return `${COLLECTIONS[ENTRY_TYPES[type]].folder}/${id}.mdx`;
}

/** The page a new entry will have. */
export function entryRoute(type: EntryType, id: string): string {
  return `/${COLLECTIONS[ENTRY_TYPES[type]].route}/${id}/`;
}

const todo = (text: string) => `${PLACEHOLDER_MARK}: ${text}`;

/** Fields whose values come from a closed vocabulary (or are numbers): marked with a comment, not rewritten. */
const MARK_WITH_COMMENT = new Set([
  "status",
  "started",
  "audiences",
  "country",
  "type",
  "family",
  "goals",
  "dimension",
  "order",
  "founded",
]);

/** What a marked example value stands for. */
const COMMENT_NOTES: Record<string, string> = {
  audiences: "who it is for, from the list above",
  goals: "the goals it serves, from the list above",
  country: "its ISO 3166-1 alpha-2 code",
  type: "its type, from the list above",
  family: "its family, from the list above",
  dimension: "its dimension, from the list above",
};

/** Optional facts a template shows by example; a new entry leaves them out rather than keep the example. */
const OPTIONAL_FACTS = ["ended", "city", "founded"];

function pairOf(doc: Document, key: string): Pair | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  return contents.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function markComment(node: unknown, note: string) {
  if (isScalar(node)) node.comment = ` ${todo(note)}`;
  else if (isSeq(node)) node.items.forEach((item) => markComment(item, note));
}

/** Marks every value left from the template: strings get the TODO prefix, vocabulary values a TODO comment. */
function markRemaining(node: unknown, key: string) {
  if (isScalar(node)) {
    if (MARK_WITH_COMMENT.has(key) || typeof node.value !== "string") markComment(node, COMMENT_NOTES[key] ?? "replace this example value");
    else if (node.value.startsWith("https://")) node.value = `https://${PLACEHOLDER_HOST}/`;
    else if (!node.value.startsWith(PLACEHOLDER_MARK)) node.value = todo(node.value);
  } else if (isSeq(node)) {
    for (const item of node.items) markRemaining(item, key);
  } else if (isMap(node)) {
    for (const pair of node.items) markRemaining(pair.value, isScalar(pair.key) ? String(pair.key.value) : key);
  }
}

/** Drops an optional key, keeping its documentation as a comment on the next key. */
function dropOptional(doc: Document, key: string) {
  const contents = doc.contents;
  if (!isMap(contents)) return;
  const index = contents.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  if (index === -1) return;
  const removed = contents.items[index]?.key as Scalar | undefined;
  const next = contents.items[index + 1]?.key as Scalar | undefined;
  if (removed?.commentBefore && next) {
    next.commentBefore = `${removed.commentBefore}\n ${key}: (optional, left out)${next.commentBefore ? `\n${next.commentBefore}` : ""}`;
  }
  contents.items.splice(index, 1);
}

/**
 * Writes a new entry from its folder's template: the editor's answers filled in, every other value
 * replaced by a visible placeholder, no example figures and no example sources. The result passes
 * the schemas (so it can be previewed) but check:content reports each placeholder until it is replaced.
 */
export function scaffoldEntry(request: NewEntryRequest, template: string, today: string): string {
  const parts = splitFrontmatter(template);
  if (!parts) throw new Error("The template has no frontmatter between '---' lines.");
  const doc = parseDocument(parts.yaml);
  const collection = ENTRY_TYPES[request.type];
  const done = new Set<string>();
  const set = (key: string, value: unknown) => {
    if (pairOf(doc, key) === undefined) return;
    const pair = pairOf(doc, key)!;
    if (isScalar(pair.value) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean"))
      pair.value.value = value;
    else pair.value = doc.createNode(value);
    done.add(key);
  };

  // The template's opening lines tell the reader to copy it; the new file says where it came from instead.
  const first = isMap(doc.contents) ? (doc.contents.items[0]?.key as Scalar | undefined) : undefined;
  if (first?.commentBefore) {
    const lines = first.commentBefore.split("\n");
    const fieldDoc = lines.findIndex((line) => line.trimStart().startsWith(`${String(first.value)}:`));
    first.commentBefore = fieldDoc > 0 ? lines.slice(fieldDoc).join("\n") : first.commentBefore;
  }
  doc.commentBefore =
    ` Created by \`npm run new\` on ${today}: ${entryRoute(request.type, request.id)}\n` +
    ` Replace every value marked ${PLACEHOLDER_MARK} (and delete the mark); \`npm run check:content\` lists those left.`;

  const title = request.title?.trim() || undefined;
  const source = { title: todo("title of the page or document"), url: `https://${PLACEHOLDER_HOST}/source-address`, accessed: today };
  set("sources", [source]);
  set("lastReviewed", today);
  set("aliases", []);

  if (collection === "caseStudies") {
    set("title", title ?? todo("the programme's own name"));
    set("institution", request.institution);
    set("modes", request.modes);
    set("summary", todo("one to three sentences in your own words: what the programme does, who runs it and why it matters."));
    set("status", "unclear");
    markComment(pairOf(doc, "status")?.value, "active, pilot, ended or unclear, from the sources");
    set("started", Number(today.slice(0, 4)));
    markComment(pairOf(doc, "started")?.value, "the year it started");
    set("keyFigures", []);
    set("funding", todo("who pays for it and in what share."));
    set("toolkitConfirmed", false);
  } else if (collection === "institutions") {
    set("name", title ?? todo("full English name"));
    set("shortName", todo("short name"));
    set("website", `https://${PLACEHOLDER_HOST}/`);
    set("summary", todo("one or two sentences in your own words: who they are and how they work with industry."));
  } else if (collection === "modes") {
    const mode = request.id as ModeId;
    set("title", title ?? MODE_LABELS[mode]);
    set("order", MODE_IDS.indexOf(mode) + 1);
    set("summary", todo("one or two sentences in your own words: what this mode of engagement is."));
    set("related", []);
  } else {
    set("title", title ?? todo("title of the guide"));
    set("modes", request.modes);
    set("summary", todo("one or two sentences in your own words: what the reader of this guide will take away."));
  }

  for (const key of OPTIONAL_FACTS) dropOptional(doc, key);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!done.has(key)) markRemaining(pair.value, key);
    }
  }

  const yaml = doc.toString({ lineWidth: 120 });
  return `---\n${yaml}---\n${scaffoldBody(parts.body, collection)}`;
}

/** The template's body with each instruction turned into a placeholder line; headings and comments kept. */
function scaffoldBody(body: string, collection: CollectionKey): string {
  let inComment = false;
  const lines = body.split("\n").map((line) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("{/*")) inComment = true;
    const keep = inComment || trimmed === "" || trimmed.startsWith("#");
    if (trimmed.endsWith("*/}")) inComment = false;
    return keep ? line : todo(line);
  });
  let text = lines.join("\n");
  if (collection === "modes" || collection === "guides") {
    if (!/^## /m.test(text))
      text = `${text.trimEnd()}\n\n## ${todo("first section")}\n\n${todo("write the guidance in sections with ## headings.")}\n`;
  }
  return text;
}

/** What the editor does next, printed after the file is written. */
export function nextSteps(request: NewEntryRequest, file: string): string {
  const what = {
    "case-study": "title, summary, status, started, audiences, funding, sources and the four body sections",
    institution: "name, short name, country, type, website, summary and sources",
    mode: "the guidance fields, sources and the body",
    guide: "title, dimension, summary, audiences, sources and the body",
  }[request.type];
  const steps = [
    `Open ${file} and replace every value marked ${PLACEHOLDER_MARK}: ${what}. Facts in your own words, each with its source.`,
    ...(request.type === "case-study"
      ? ["Add keyFigures only as a source gives them: value, year and a source URL that is also listed under sources."]
      : []),
    `Run \`npm run check:content\`: it lists every ${PLACEHOLDER_MARK} still left with its line, and any other mistake.`,
    `Run \`npm start\` and open http://127.0.0.1:4321${entryRoute(request.type, request.id)}`,
    "Open a pull request (CONTRIBUTING.md has the recipe). The matrix, listings, search, feeds and data files update themselves.",
  ];
  return ["Next steps:", ...steps.map((step, index) => `  ${index + 1}. ${step}`)].join("\n");
}
