/**
 * Facet values as visitors read them, and which values each page offers. Used at build time by the
 * search page and the listing filters (so labels come from the vocabularies, never raw ids, and the
 * choices are exactly the values found in content/). Pure: no astro:* imports.
 */
import { AUDIENCE_LABELS, INSTITUTION_TYPE_LABELS, MODE_LABELS, STATUS_LABELS } from "../schemas/vocabularies";
import { countryName, type CountryCode } from "../schemas/countries";
import { FACET_VALUES, type FacetKey, type Facets } from "../utils/filters";
import type { Atlas, CaseStudy, Guide, Institution, Mode } from "../utils/atlas";
import { KIND_LABELS, KINDS, type Kind, type SearchFacetKey } from "./search-state";

/** The heading of each facet group. */
export const FACET_LEGENDS: Record<SearchFacetKey, string> = {
  kind: "Kind of page",
  mode: "Engagement mode",
  country: "Country",
  type: "Institution type",
  audience: "Audience",
  status: "Status",
};

/** The label of one facet value ("AT" → "Austria", "industrial-phd" → "Industrial PhD"). */
export function facetValueLabel(key: SearchFacetKey, value: string): string {
  const labels: Partial<Record<SearchFacetKey, Record<string, string>>> = {
    kind: KIND_LABELS,
    mode: MODE_LABELS,
    type: INSTITUTION_TYPE_LABELS,
    audience: AUDIENCE_LABELS,
    status: STATUS_LABELS,
  };
  if (key === "country") return countryName(value as CountryCode);
  return labels[key]?.[value] ?? value;
}

/** What a page offers for faceting: the shared facets plus its kind. */
export type SearchFacets = Facets & { kind?: readonly Kind[] };

export interface FacetOption {
  value: string;
  label: string;
}

/**
 * The values of one facet that some item carries, labelled: in vocabulary order (the toolkit's order for
 * modes), except countries, which read best by name.
 */
export function facetOptions(items: readonly SearchFacets[], key: SearchFacetKey): FacetOption[] {
  const present = new Set(items.flatMap((item) => item[key] ?? []));
  const order: readonly string[] = key === "kind" ? KINDS : FACET_VALUES[key as FacetKey];
  const options = order.filter((value) => present.has(value)).map((value) => ({ value, label: facetValueLabel(key, value) }));
  return key === "country" ? options.sort((a, b) => a.label.localeCompare(b.label, "en")) : options;
}

/** A case study's facets: its modes, audiences and status, and its institution's country and type. */
export function caseStudyFacets(caseStudy: CaseStudy, institution: Institution): SearchFacets {
  return {
    kind: ["case-study"],
    mode: caseStudy.data.modes,
    country: [institution.data.country],
    type: [institution.data.type],
    audience: caseStudy.data.audiences,
    status: [caseStudy.data.status],
  };
}

/** An institution's facets: the modes its case studies practise, its country and type. */
export function institutionFacets(institution: Institution): SearchFacets {
  return { kind: ["institution"], mode: institution.modeIds, country: [institution.data.country], type: [institution.data.type] };
}

/** A mode's facets: itself and who takes part. */
export function modeFacets(mode: Mode): SearchFacets {
  return { kind: ["mode"], mode: [mode.id], audience: mode.data.audiences };
}

/** A guide's facets: the modes it applies to and whom it is written for. */
export function guideFacets(guide: Guide): SearchFacets {
  return { kind: ["guide"], mode: guide.data.modes, audience: guide.data.audiences };
}

/** Every entry page's facets, as PagefindFacets tags them: the values the search page offers. */
export function atlasFacets(atlas: Atlas): SearchFacets[] {
  return [
    ...atlas.caseStudies.map((caseStudy) => caseStudyFacets(caseStudy, atlas.institution(caseStudy.data.institution))),
    ...atlas.institutions.map(institutionFacets),
    ...atlas.modes.map(modeFacets),
    ...atlas.guides.map(guideFacets),
  ];
}
