import type { CaseStudyData, GuideData, InstitutionData, ModeData } from "../schemas";
import { MODE_IDS, type ModeId } from "../schemas/vocabularies";
import { closestMatches } from "./suggest";
import { isKebabCase } from "./ids";

/** A validated content entry: its id (the file name), where it came from, and its frontmatter. */
export interface Entry<T> {
  id: string;
  /** Path of the source file, relative to the project (used in error messages and edit links). */
  file: string;
  data: T;
}

export interface AtlasInput {
  modes: Entry<ModeData>[];
  institutions: Entry<InstitutionData>[];
  caseStudies: Entry<CaseStudyData>[];
  guides: Entry<GuideData>[];
}

export interface Mode extends Entry<ModeData> {
  id: ModeId;
  /** Institutions with at least one case study in this mode, by name. */
  institutionIds: string[];
  /** Case studies that practise this mode, by title. */
  caseStudyIds: string[];
  /** Guides that apply to this mode. */
  guideIds: string[];
}

export interface Institution extends Entry<InstitutionData> {
  caseStudyIds: string[];
  /** Modes it practises, in the toolkit's order (derived from its case studies). */
  modeIds: ModeId[];
}

export type CaseStudy = Entry<CaseStudyData>;
export type Guide = Entry<GuideData>;

/** Everything the site shows, resolved and cross-linked. Built once per build. */
export interface Atlas {
  modes: Mode[];
  institutions: Institution[];
  caseStudies: CaseStudy[];
  guides: Guide[];
  mode: (id: string) => Mode;
  institution: (id: string) => Institution;
  caseStudy: (id: string) => CaseStudy;
  guide: (id: string) => Guide;
}

/** A content mistake, with enough detail to fix it without reading code. */
export interface ContentIssue {
  file: string;
  field: string;
  value: string;
  message: string;
}

/** One line per issue: `file: field "value": message`. */
export function formatIssue(issue: ContentIssue): string {
  const quoted = JSON.stringify(issue.value);
  // Messages from the schemas often quote the value already; say it once.
  const value = issue.value === "" || issue.message.includes(quoted) ? "" : ` ${quoted}`;
  return `${issue.file}: ${issue.field}${value} ${issue.message}`;
}

export class ContentIntegrityError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(
      `${issues.length} content ${issues.length === 1 ? "error" : "errors"}:\n` +
        issues.map((issue) => `  - ${formatIssue(issue)}`).join("\n"),
    );
    this.name = "ContentIntegrityError";
    this.issues = issues;
  }
}

function unknownId(file: string, field: string, value: string, what: string, valid: readonly string[]): ContentIssue {
  const close = closestMatches(value, valid);
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : "";
  const shown = valid.length <= 20 ? valid.join(", ") : `${valid.slice(0, 20).join(", ")}, … (${valid.length} in all)`;
  return { file, field, value, message: `is not a known ${what}.${hint} Valid ids: ${shown}.` };
}

/** Every cross-entry rule the schemas cannot see, as a list of issues (empty when all is well). */
export function checkIntegrity(input: AtlasInput): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const modeIds = input.modes.map((m) => m.id);
  const institutionIds = input.institutions.map((i) => i.id);

  for (const collection of [input.modes, input.institutions, input.caseStudies, input.guides] as Entry<{ aliases: string[] }>[][]) {
    const ids = new Map<string, string>();
    for (const entry of collection) {
      if (!isKebabCase(entry.id)) {
        issues.push({
          file: entry.file,
          field: "file name",
          value: entry.id,
          message: "must be kebab-case (a-z, 0-9 and hyphens), e.g. ghent-university.mdx",
        });
      }
      const earlier = ids.get(entry.id);
      if (earlier !== undefined)
        issues.push({ file: entry.file, field: "id", value: entry.id, message: `is also the id of ${earlier}; ids must be unique` });
      ids.set(entry.id, entry.file);
    }
    for (const entry of collection) {
      for (const alias of entry.data.aliases) {
        const owner = ids.get(alias);
        if (owner !== undefined)
          issues.push({
            file: entry.file,
            field: "aliases",
            value: alias,
            message: `is the id of ${owner}; an alias must be an old id that no entry uses`,
          });
        ids.set(alias, entry.file);
      }
    }
  }

  for (const mode of input.modes) {
    const index = (MODE_IDS as readonly string[]).indexOf(mode.id);
    if (index === -1) {
      issues.push(unknownId(mode.file, "file name", mode.id, "mode id", MODE_IDS));
      continue;
    }
    if (mode.data.order !== index + 1) {
      issues.push({
        file: mode.file,
        field: "order",
        value: String(mode.data.order),
        message: `must be ${index + 1}: "${mode.id}" is mode ${index + 1} in the toolkit's order`,
      });
    }
    for (const related of mode.data.related) {
      if (related === mode.id) issues.push({ file: mode.file, field: "related", value: related, message: "names the mode itself" });
      else if (!modeIds.includes(related)) issues.push(unknownId(mode.file, "related", related, "mode with a page", modeIds));
    }
  }

  const titles = new Map<string, string>();
  for (const caseStudy of input.caseStudies) {
    const { data, file } = caseStudy;
    if (!institutionIds.includes(data.institution))
      issues.push(unknownId(file, "institution", data.institution, "institution id", institutionIds));
    for (const mode of data.modes) {
      if (!modeIds.includes(mode)) issues.push(unknownId(file, "modes", mode, "mode with a page", modeIds));
    }
    const key = data.title.trim().toLowerCase();
    const earlier = titles.get(key);
    if (earlier !== undefined)
      issues.push({ file, field: "title", value: data.title, message: `is also the title of ${earlier}; titles must be unique` });
    titles.set(key, file);
  }

  for (const guide of input.guides) {
    for (const mode of guide.data.modes) {
      if (!modeIds.includes(mode)) issues.push(unknownId(guide.file, "modes", mode, "mode with a page", modeIds));
    }
  }
  return issues;
}

function byTitle<T extends { data: { title: string } }>(a: T, b: T): number {
  return a.data.title.localeCompare(b.data.title, "en");
}

function lookup<T extends { id: string }>(items: T[], what: string): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`No ${what} with id "${id}"`);
    return found;
  };
}

/**
 * Cross-links the validated entries: which institutions and case studies practise each mode,
 * which modes each institution practises. Throws a ContentIntegrityError listing every issue.
 */
export function buildAtlas(input: AtlasInput): Atlas {
  const issues = checkIntegrity(input);
  if (issues.length > 0) throw new ContentIntegrityError(issues);

  const caseStudies = [...input.caseStudies].sort(byTitle);
  const guides = [...input.guides].sort(byTitle);
  const institutions: Institution[] = [...input.institutions]
    .sort((a, b) => a.data.name.localeCompare(b.data.name, "en"))
    .map((institution) => {
      const own = caseStudies.filter((c) => c.data.institution === institution.id);
      const practised = new Set(own.flatMap((c) => c.data.modes));
      return { ...institution, caseStudyIds: own.map((c) => c.id), modeIds: MODE_IDS.filter((m) => practised.has(m)) };
    });
  const modes: Mode[] = [...input.modes]
    .sort((a, b) => a.data.order - b.data.order)
    .map((mode) => {
      const own = caseStudies.filter((c) => c.data.modes.includes(mode.id as ModeId));
      const institutionSet = new Set(own.map((c) => c.data.institution));
      return {
        ...mode,
        id: mode.id as ModeId,
        caseStudyIds: own.map((c) => c.id),
        institutionIds: institutions.filter((i) => institutionSet.has(i.id)).map((i) => i.id),
        guideIds: guides.filter((g) => g.data.modes.includes(mode.id as ModeId)).map((g) => g.id),
      };
    });

  return {
    modes,
    institutions,
    caseStudies,
    guides,
    mode: lookup(modes, "mode"),
    institution: lookup(institutions, "institution"),
    caseStudy: lookup(caseStudies, "case study"),
    guide: lookup(guides, "guide"),
  };
}
