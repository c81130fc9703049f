/**
 * Data and layout for the coverage charts, computed from the content at build time: institutions
 * per mode, modes per institution type, case studies by start decade. The charts are static SVG
 * (src/components/charts/*.astro); this module decides what they show and where each bar goes, so
 * the numbers in the picture, its text description and its table all come from one place.
 */
import { INSTITUTION_TYPES, INSTITUTION_TYPE_LABELS, MODE_IDS, MODE_LABELS, type ModeId } from "../schemas/vocabularies";
import type { AtlasInput } from "./atlas";
import { emptyFilters, serializeFilters } from "./filters";

/** One bar: a category, its value and (for the table) what lies behind the number. */
export interface ChartDatum {
  /** Stable key (mode id, institution type, decade). */
  key: string;
  /** The category as a reader sees it: "Industrial PhD", "University", "2010s". */
  label: string;
  value: number;
  /** Where the category has a page of its own. */
  href?: string;
  /** Extra facts for the table, e.g. the modes a type practises. */
  detail?: string;
}

/** A chart's data with its words: title, one-sentence description, table headers. */
export interface ChartData {
  id: string;
  title: string;
  /** A text alternative: what the chart shows, and every value, in a sentence or two. */
  description: string;
  /** Header of the category column in the table ("Mode"). */
  categoryHeader: string;
  /** Header of the value column in the table ("Institutions"). */
  valueHeader: string;
  /** Header of the detail column, when the data has details. */
  detailHeader?: string;
  data: ChartDatum[];
}

type Input = Pick<AtlasInput, "institutions" | "caseStudies">;

function listValues(data: readonly ChartDatum[]): string {
  return data.map((datum) => `${datum.label} ${datum.value}`).join("; ");
}

function largest(data: readonly ChartDatum[]): ChartDatum[] {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  return max === 0 ? [] : data.filter((datum) => datum.value === max);
}

function joinLabels(data: readonly ChartDatum[]): string {
  const labels = data.map((datum) => datum.label);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/** Institutions with at least one case study in each mode, in the toolkit's order (the matrix's column totals). */
export function institutionsPerMode(input: Input): ChartData {
  const perMode = new Map<ModeId, Set<string>>(MODE_IDS.map((mode) => [mode, new Set<string>()]));
  for (const caseStudy of input.caseStudies) {
    for (const mode of caseStudy.data.modes) perMode.get(mode)?.add(caseStudy.data.institution);
  }
  const data: ChartDatum[] = MODE_IDS.map((mode) => ({
    key: mode,
    label: MODE_LABELS[mode],
    value: perMode.get(mode)?.size ?? 0,
    href: `/modes/${mode}/`,
  }));
  const top = largest(data);
  return {
    id: "institutions-per-mode",
    title: "Institutions per engagement mode",
    description:
      `Bar chart of how many institutions have at least one case study in each of the ${data.length} modes` +
      (top.length > 0 ? `; the most practised: ${joinLabels(top)} (${top[0]?.value})` : "") +
      `. ${listValues(data)}.`,
    categoryHeader: "Engagement mode",
    valueHeader: "Institutions",
    data,
  };
}

/**
 * For each institution type on the site, how many of the ten modes its institutions practise between
 * them (distinct modes with a case study). Types without institutions are left out.
 */
export function modesPerInstitutionType(input: Input): ChartData {
  const data: ChartDatum[] = [];
  for (const type of INSTITUTION_TYPES) {
    const institutions = input.institutions.filter((institution) => institution.data.type === type);
    if (institutions.length === 0) continue;
    const ids = new Set(institutions.map((institution) => institution.id));
    const practised = new Set(input.caseStudies.filter((c) => ids.has(c.data.institution)).flatMap((c) => c.data.modes));
    const modes = MODE_IDS.filter((mode) => practised.has(mode));
    data.push({
      key: type,
      label: INSTITUTION_TYPE_LABELS[type],
      value: modes.length,
      href: `/institutions/?${serializeFilters({ ...emptyFilters(), type: [type] })}`,
      detail: `${institutions.length} ${institutions.length === 1 ? "institution" : "institutions"}: ${modes.map((mode) => MODE_LABELS[mode]).join(", ") || "no case study yet"}`,
    });
  }
  const top = largest(data);
  return {
    id: "modes-per-institution-type",
    title: "Modes practised per institution type",
    description:
      `Bar chart of how many of the ${MODE_IDS.length} engagement modes the institutions of each type practise between them` +
      (top.length > 0 ? `; the widest range: ${joinLabels(top)} (${top[0]?.value} modes)` : "") +
      `. ${listValues(data)}.`,
    categoryHeader: "Institution type",
    valueHeader: `Modes (of ${MODE_IDS.length})`,
    detailHeader: "Institutions and their modes",
    data,
  };
}

/** "1980s" for any year of the 1980s. */
export function decadeOf(year: number): number {
  return Math.floor(year / 10) * 10;
}

/** Case studies by the decade their programme started, every decade from the first to the last (empty ones too). */
export function caseStudiesByDecade(input: Input): ChartData {
  const decades = input.caseStudies.map((caseStudy) => decadeOf(caseStudy.data.started));
  const data: ChartDatum[] = [];
  if (decades.length > 0) {
    const first = Math.min(...decades);
    const last = Math.max(...decades);
    for (let decade = first; decade <= last; decade += 10) {
      data.push({ key: String(decade), label: `${decade}s`, value: decades.filter((d) => d === decade).length });
    }
  }
  const top = largest(data);
  return {
    id: "case-studies-by-decade",
    title: "Case studies by the decade they started",
    description:
      `Column chart of the ${input.caseStudies.length} case studies by the decade their programme started` +
      (top.length > 0 ? `; most started in the ${joinLabels(top)} (${top[0]?.value})` : "") +
      `. ${listValues(data)}.`,
    categoryHeader: "Decade started",
    valueHeader: "Case studies",
    data,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout. Bars are sized in percent of the chart's width and text in pixels, so the SVG fills any
// column from 360 px up without scaling its text down to an unreadable size.

/** Longest bar, as a share of the width; the rest leaves room for the value label after it. */
export const BAR_MAX_PERCENT = 86;

/** One horizontal bar: label above, bar below, value at its end. */
export interface HorizontalBar extends ChartDatum {
  /** Top of the row, px. */
  y: number;
  /** Bar length, percent of the chart width. */
  widthPercent: number;
}

/** Rows of a horizontal bar chart and its height in px. */
export function horizontalBars(chart: ChartData, rowHeight = 42): { bars: HorizontalBar[]; height: number; rowHeight: number } {
  const max = Math.max(1, ...chart.data.map((datum) => datum.value));
  const bars = chart.data.map((datum, index) => ({
    ...datum,
    y: index * rowHeight,
    widthPercent: Math.round((datum.value / max) * BAR_MAX_PERCENT * 10) / 10,
  }));
  return { bars, height: chart.data.length * rowHeight + 4, rowHeight };
}

/** One vertical column: centre and width in percent, height in px. */
export interface Column extends ChartDatum {
  xPercent: number;
  widthPercent: number;
  centerPercent: number;
  height: number;
}

/** Columns of a column chart whose plot area is `plotHeight` px tall. */
export function columns(chart: ChartData, plotHeight = 160): { columns: Column[]; plotHeight: number } {
  const max = Math.max(1, ...chart.data.map((datum) => datum.value));
  const slot = 100 / Math.max(1, chart.data.length);
  return {
    plotHeight,
    columns: chart.data.map((datum, index) => ({
      ...datum,
      xPercent: Math.round((index + 0.18) * slot * 10) / 10,
      widthPercent: Math.round(slot * 0.64 * 10) / 10,
      centerPercent: Math.round((index + 0.5) * slot * 10) / 10,
      height: Math.round((datum.value / max) * plotHeight * 10) / 10,
    })),
  };
}
