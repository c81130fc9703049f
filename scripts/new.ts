/**
 * `npm run new` — scaffolds a content entry from its folder's _template.mdx.
 *
 *   npm run new -- --type case-study --id ugent-industrial-phd --institution ghent-university --modes industrial-phd [--title "…"]
 *   npm run new -- --type institution --id ghent-university [--title "Ghent University"]
 *   npm run new -- --type guide --id funding-tools --modes joint-research,industrial-phd
 *   npm run new                       (in a terminal: asks for whatever is missing)
 *
 * Ids are checked against the entries already there, with a "did you mean"; an existing id is
 * refused. The content directory is ATLAS_CONTENT_DIR (default content/). Exits 1 on any problem.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseDocument } from "yaml";
import { COLLECTIONS, type CollectionKey } from "../src/schemas";
import { MODE_IDS } from "../src/schemas/vocabularies";
import { splitFrontmatter } from "../src/utils/content-check";
import { entryIdFromPath } from "../src/utils/ids";
import {
  ENTRY_TYPE_NAMES,
  ENTRY_TYPES,
  entryPath,
  entryTypeError,
  nextSteps,
  parseEntryType,
  scaffoldEntry,
  validateNewEntry,
  type ExistingContent,
  type NewEntryRequest,
} from "../src/utils/new-entry";
import { readContent } from "./lib/content-files";

const USAGE = `Usage: npm run new -- --type <${ENTRY_TYPE_NAMES.join("|")}> --id <kebab-case-id> [--institution <id>] [--modes <id,id>] [--title "…"]`;

/** The entries already in the content directory: ids, old ids and case-study titles. */
function existingContent(root: string): ExistingContent {
  const empty = () =>
    ({ modes: new Map(), institutions: new Map(), caseStudies: new Map(), guides: new Map() }) as Record<
      CollectionKey,
      Map<string, string>
    >;
  const existing: ExistingContent = { files: empty(), aliases: empty(), caseStudyTitles: new Map() };
  for (const file of readContent(root)) {
    existing.files[file.collection].set(entryIdFromPath(file.path), file.path);
    // Read leniently: a broken neighbour is check:content's business, not a reason to refuse a new file.
    const parts = splitFrontmatter(file.text);
    const data = parts ? (parseDocument(parts.yaml).toJS() as Record<string, unknown> | null) : null;
    for (const alias of Array.isArray(data?.["aliases"]) ? data["aliases"] : [])
      existing.aliases[file.collection].set(String(alias), file.path);
    if (file.collection === "caseStudies" && typeof data?.["title"] === "string")
      existing.caseStudyTitles.set(data["title"].trim().toLowerCase(), file.path);
  }
  return existing;
}

/** The folder's template: the content directory's own, else the project's. */
function templateFor(root: string, collection: CollectionKey): string {
  const folder = COLLECTIONS[collection].folder;
  const candidates = [join(root, folder, "_template.mdx"), fileURLToPath(new URL(`../content/${folder}/_template.mdx`, import.meta.url))];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`No template: looked for ${candidates.join(" and ")}`);
  return readFileSync(found, "utf8");
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return [...new Set(value.split(/[\s,]+/).filter((part) => part !== ""))];
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * Questions and answers on the terminal. Answers are read as a stream of lines rather than with
 * readline's question(), so answers piped in ahead of their questions are not lost.
 */
function prompter() {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async question(text: string): Promise<string> {
      rl.setPrompt(text);
      rl.prompt();
      const next = await lines.next();
      if (next.done === true) throw new Error("No answer: the input ended.");
      return next.value;
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      type: { type: "string" },
      id: { type: "string" },
      institution: { type: "string" },
      modes: { type: "string" },
      title: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // `npm run new --type x` (without "--") hands the flags to npm, which passes them on as npm_config_*.
  const flag = (name: string, given: string | undefined) => given ?? process.env[`npm_config_${name}`];
  const root = process.env["ATLAS_CONTENT_DIR"] ?? "content";
  const existing = existingContent(root);
  // ATLAS_NEW_INTERACTIVE=1 asks even when stdin is a pipe (how the tests drive the prompts).
  const interactive = process.env["ATLAS_NEW_INTERACTIVE"] === "1" || (process.stdin.isTTY === true && process.stdout.isTTY === true);
  const rl = interactive ? prompter() : undefined;

  try {
    let typeText = flag("type", values.type);
    while (typeText === undefined || parseEntryType(typeText) === undefined) {
      if (typeText !== undefined) console.error(`✗ ${entryTypeError(typeText)}`);
      if (!rl) {
        if (typeText === undefined) console.error(`✗ --type is required.\n${USAGE}`);
        return 1;
      }
      typeText = (await rl.question(`Entry type (${ENTRY_TYPE_NAMES.join(", ")}): `)).trim();
    }
    const type = parseEntryType(typeText)!;
    const request: NewEntryRequest = {
      type,
      id: flag("id", values.id) ?? "",
      institution: flag("institution", values.institution),
      modes: list(flag("modes", values.modes)),
      title: flag("title", values.title),
    };

    // In a terminal, ask for each missing or wrong answer until it is right.
    if (rl) {
      const ask = async (name: "id" | "institution" | "modes" | "title", question: string, apply: (answer: string) => void) => {
        for (;;) {
          const problems = validateNewEntry(request, existing).filter((error) => error.startsWith(`--${name}`));
          const missing = problems.length > 0 || (name === "title" && request.title === undefined);
          if (!missing) return;
          for (const problem of problems) if (!problem.includes("is required")) console.error(`  ✗ ${problem}`);
          apply((await rl.question(question)).trim());
        }
      };
      await ask("id", "Id (the file name, kebab-case): ", (answer) => (request.id = answer));
      if (type === "case-study") {
        await ask(
          "institution",
          `Institution id (${[...existing.files.institutions.keys()].length} known, e.g. ${[...existing.files.institutions.keys()].slice(0, 2).join(", ")}): `,
          (answer) => (request.institution = answer),
        );
      }
      if (type === "case-study" || type === "guide") {
        await ask("modes", `Mode ids, comma-separated (${MODE_IDS.join(", ")}): `, (answer) => (request.modes = list(answer)));
      }
      await ask(
        "title",
        `${type === "institution" ? "Name" : "Title"} (leave empty to fill in later): `,
        (answer) => (request.title = answer),
      );
    }

    const errors = validateNewEntry(request, existing);
    if (errors.length > 0) {
      for (const error of errors) console.error(`✗ ${error}`);
      console.error(`\nNothing was written. ${USAGE}`);
      return 1;
    }
    const file = join(root, entryPath(type, request.id));
    const text = scaffoldEntry(request, templateFor(root, ENTRY_TYPES[type]), today());
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: "wx" });
    const shown = relative(process.cwd(), file);
    console.log(`✓ Created ${shown}\n`);
    console.log(nextSteps(request, shown));
    return 0;
  } finally {
    rl?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
