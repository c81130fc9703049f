/**
 * What a change to the content does to the matrix: cells (institution × mode) that gain or lose
 * their tick, rows that appear or go, and case studies added, changed, renamed or removed. Used by
 * `npm run matrix:diff -- <git-ref>` and printed by CI on every pull request, so a reviewer sees
 * the effect of a content change without building the site.
 */
import { MODE_LABELS, type ModeId } from "../schemas/vocabularies";
import type { AtlasInput, Entry } from "./atlas";
import type { CaseStudyData } from "../schemas";
import { buildMatrix } from "./matrix";

/** One side of the comparison: the validated entries, and each case study's body text if known. */
export interface DiffSide {
  input: AtlasInput;
  /** Case-study id → MDX body, so a change to the text counts as a change. */
  bodies?: Map<string, string>;
}

export interface CellChange {
  institution: string;
  institutionName: string;
  mode: ModeId;
  /** The case studies behind the cell on the side where it is filled. */
  caseStudies: string[];
}

export interface CaseStudyRef {
  id: string;
  title: string;
  institution: string;
  modes: ModeId[];
}

export interface CaseStudyChange extends CaseStudyRef {
  /** Frontmatter fields whose values differ, plus "body" when the text changed. */
  fields: string[];
}

export interface MatrixDiff {
  cellsAdded: CellChange[];
  cellsRemoved: CellChange[];
  rowsAdded: { id: string; name: string }[];
  rowsRemoved: { id: string; name: string }[];
  caseStudiesAdded: CaseStudyRef[];
  caseStudiesChanged: CaseStudyChange[];
  caseStudiesRemoved: CaseStudyRef[];
  /** A case study whose new id lists the old one under aliases: renamed, not removed and added. */
  caseStudiesRenamed: { from: string; to: CaseStudyRef }[];
}

function ref(entry: Entry<CaseStudyData>): CaseStudyRef {
  return { id: entry.id, title: entry.data.title, institution: entry.data.institution, modes: [...entry.data.modes] };
}

/** A value in a form where equal content compares equal (dates as ISO days). */
function comparable(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? inner.toISOString().slice(0, 10) : inner));
}

function changedFields(before: CaseStudyData, after: CaseStudyData): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof CaseStudyData)[];
  return keys.filter((key) => comparable(before[key]) !== comparable(after[key]));
}

function cells(side: AtlasInput): Map<string, CellChange> {
  const matrix = buildMatrix(side);
  const out = new Map<string, CellChange>();
  for (const row of matrix.rows) {
    for (const mode of matrix.modes) {
      const ids = row.cells[mode];
      if (ids.length > 0) out.set(`${row.id}/${mode}`, { institution: row.id, institutionName: row.name, mode, caseStudies: ids });
    }
  }
  return out;
}

const byCell = (a: CellChange, b: CellChange) => a.institution.localeCompare(b.institution) || a.mode.localeCompare(b.mode);
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** Compares two versions of the content. */
export function diffMatrix(before: DiffSide, after: DiffSide): MatrixDiff {
  const beforeCells = cells(before.input);
  const afterCells = cells(after.input);
  const beforeCases = new Map(before.input.caseStudies.map((entry) => [entry.id, entry]));
  const afterCases = new Map(after.input.caseStudies.map((entry) => [entry.id, entry]));
  const beforeRows = new Map(before.input.institutions.map((entry) => [entry.id, entry.data.name]));
  const afterRows = new Map(after.input.institutions.map((entry) => [entry.id, entry.data.name]));

  const added = after.input.caseStudies.filter((entry) => !beforeCases.has(entry.id));
  const removed = before.input.caseStudies.filter((entry) => !afterCases.has(entry.id));
  const renamed: MatrixDiff["caseStudiesRenamed"] = [];
  for (const entry of added) {
    const from = entry.data.aliases.find((alias) => removed.some((old) => old.id === alias));
    if (from !== undefined) renamed.push({ from, to: ref(entry) });
  }
  const renamedFrom = new Set(renamed.map((r) => r.from));
  const renamedTo = new Set(renamed.map((r) => r.to.id));

  const changed: CaseStudyChange[] = [];
  for (const entry of after.input.caseStudies) {
    const earlier = beforeCases.get(entry.id);
    if (earlier === undefined) continue;
    const fields = changedFields(earlier.data, entry.data);
    const beforeBody = before.bodies?.get(entry.id);
    const afterBody = after.bodies?.get(entry.id);
    if (beforeBody !== undefined && afterBody !== undefined && beforeBody.trim() !== afterBody.trim()) fields.push("body");
    if (fields.length > 0) changed.push({ ...ref(entry), fields });
  }

  return {
    cellsAdded: [...afterCells]
      .filter(([key]) => !beforeCells.has(key))
      .map(([, cell]) => cell)
      .sort(byCell),
    cellsRemoved: [...beforeCells]
      .filter(([key]) => !afterCells.has(key))
      .map(([, cell]) => cell)
      .sort(byCell),
    rowsAdded: [...afterRows]
      .filter(([id]) => !beforeRows.has(id))
      .map(([id, name]) => ({ id, name }))
      .sort(byId),
    rowsRemoved: [...beforeRows]
      .filter(([id]) => !afterRows.has(id))
      .map(([id, name]) => ({ id, name }))
      .sort(byId),
    caseStudiesAdded: added
      .filter((entry) => !renamedTo.has(entry.id))
      .map(ref)
      .sort(byId),
    caseStudiesChanged: changed.sort(byId),
    caseStudiesRemoved: removed
      .filter((entry) => !renamedFrom.has(entry.id))
      .map(ref)
      .sort(byId),
    caseStudiesRenamed: renamed.sort((a, b) => a.from.localeCompare(b.from)),
  };
}

/** True when the change touches neither the matrix nor any case study. */
export function isEmptyDiff(diff: MatrixDiff): boolean {
  return Object.values(diff).every((list: unknown[]) => list.length === 0);
}

function section<T>(title: string, items: T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  return [`${title} (${items.length}):`, ...items.map((item) => `  ${line(item)}`), ""];
}

/** The diff as plain text (also valid Markdown), for a terminal or a pull request's summary. */
export function formatMatrixDiff(diff: MatrixDiff, against: string): string {
  if (isEmptyDiff(diff)) return `No change to the matrix or the case studies against ${against}.`;
  const cell = (sign: string) => (c: CellChange) =>
    `${sign} ${c.institutionName} × ${MODE_LABELS[c.mode]} (/matrix/${c.institution}/${c.mode}/) — ${c.caseStudies.join(", ")}`;
  const study = (sign: string) => (c: CaseStudyRef) => `${sign} ${c.id}: "${c.title}" (${c.institution}; ${c.modes.join(", ")})`;
  const lines = [
    `Matrix and case-study changes against ${against}:`,
    "",
    ...section("Cells added", diff.cellsAdded, cell("+")),
    ...section("Cells removed", diff.cellsRemoved, cell("-")),
    ...section("Institutions added", diff.rowsAdded, (r) => `+ ${r.id}: ${r.name}`),
    ...section("Institutions removed", diff.rowsRemoved, (r) => `- ${r.id}: ${r.name}`),
    ...section("Case studies added", diff.caseStudiesAdded, study("+")),
    ...section("Case studies changed", diff.caseStudiesChanged, (c) => `~ ${c.id}: ${c.fields.join(", ")}`),
    ...section("Case studies renamed", diff.caseStudiesRenamed, (r) => `> ${r.from} → ${r.to.id} (the old address redirects)`),
    ...section("Case studies removed", diff.caseStudiesRemoved, study("-")),
  ];
  if (diff.cellsAdded.length === 0 && diff.cellsRemoved.length === 0) lines.push("No matrix cell gains or loses its tick.");
  return lines.join("\n").trimEnd();
}
