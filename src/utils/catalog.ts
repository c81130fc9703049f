/**
 * catalog.json: every entry of the atlas with its stable id, its page and its links to other
 * entries resolved to ids and URLs — the whole site as one document. Its shape is a Zod schema,
 * so the same definition types the builder, documents the fields and becomes the published JSON
 * Schema (data/schema/catalog.schema.json) that the file is tested against.
 */
import { z } from "astro/zod";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { COUNTRY_CODES, countryName } from "../schemas/countries";
import {
  AUDIENCES,
  GOALS,
  GUIDE_DIMENSIONS,
  INSTITUTION_TYPES,
  MODE_FAMILIES,
  MODE_IDS,
  MODE_LABELS,
  STATUSES,
} from "../schemas/vocabularies";
import type { Source } from "../schemas";
import type { Atlas } from "./atlas";
import { buildMatrix } from "./matrix";

/** The licence of the content and the data. */
export const DATA_LICENCE = {
  id: "CC-BY-4.0",
  name: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** Format version of the data files; bumped on any change that could break a reader. */
export const DATA_VERSION = "1.0.0";

/** The page of an entry, as an absolute URL. */
export function entryUrl(siteUrl: string, collection: CollectionKey, id: string): string {
  return new URL(`/${COLLECTIONS[collection].route}/${id}/`, siteUrl).href;
}

const isoDay = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
const link = z
  .strictObject({
    id: z.string().describe("The stable id of the entry linked to (its file name)."),
    url: z.url().describe("Its page on the site."),
  })
  .describe("A link to another entry.");
const source = z.strictObject({
  title: z.string().describe("Title of the page or document."),
  url: z.url().describe("Its https address."),
  publisher: z.string().optional().describe("Who publishes it."),
  accessed: isoDay.describe("The day it was read, YYYY-MM-DD."),
});
const common = {
  id: z.string().describe("Stable id: the entry's file name and the last segment of its URL. Never reused."),
  url: z.url().describe("The entry's page on the site."),
  aliases: z.array(z.string()).describe("Old ids of a renamed entry; their URLs redirect to url."),
  sources: z.array(source).describe("Where the entry's facts come from."),
  lastReviewed: isoDay.describe("The day the entry was last checked against its sources."),
};

const catalogMode = z.strictObject({
  ...common,
  title: z.string(),
  label: z.string().describe("Short label, as the toolkit names the mode."),
  order: z.int().describe("Position in the EURAXESS toolkit's order, 1–10."),
  family: z.enum(MODE_FAMILIES),
  summary: z.string(),
  goals: z.array(z.enum(GOALS)),
  audiences: z.array(z.enum(AUDIENCES)),
  benefits: z.strictObject({ researchers: z.array(z.string()), business: z.array(z.string()), institutions: z.array(z.string()) }),
  challenges: z.array(z.string()),
  setup: z.array(z.string()),
  indicators: z.array(z.string()),
  related: z.array(link).describe("Closely related modes."),
  institutions: z.array(link).describe("Institutions with at least one case study in this mode."),
  caseStudies: z.array(link).describe("Case studies that practise this mode."),
  guides: z.array(link).describe("Guides that apply to this mode."),
});

const catalogInstitution = z.strictObject({
  ...common,
  name: z.string(),
  shortName: z.string(),
  country: z.enum(COUNTRY_CODES).describe("ISO 3166-1 alpha-2 code; EU for EU-wide programmes."),
  countryName: z.string(),
  city: z.string().optional(),
  type: z.enum(INSTITUTION_TYPES),
  website: z.url(),
  founded: z.int().optional(),
  summary: z.string(),
  modes: z.array(link).describe("Modes it practises, computed from its case studies, in the toolkit's order."),
  caseStudies: z.array(link),
});

const catalogCaseStudy = z.strictObject({
  ...common,
  title: z.string(),
  institution: link.describe("The institution that runs or funds it."),
  modes: z.array(link).describe("The engagement modes it practises."),
  matrixCells: z.array(z.url()).describe("The matrix cells (institution × mode) this case study fills: their evidence pages."),
  summary: z.string(),
  status: z.enum(STATUSES),
  started: z.int(),
  ended: z.int().optional(),
  audiences: z.array(z.enum(AUDIENCES)),
  keyFigures: z.array(
    z.strictObject({
      label: z.string(),
      value: z.string().describe("As the source gives it."),
      year: z.int().describe("The year (or last year of the period) the figure describes."),
      source: z.url(),
      note: z.string().optional(),
    }),
  ),
  funding: z.string(),
  toolkitConfirmed: z.boolean().describe("True where a page of the EURAXESS engagement toolkit itself presents the case."),
});

const catalogGuide = z.strictObject({
  ...common,
  title: z.string(),
  dimension: z.enum(GUIDE_DIMENSIONS),
  summary: z.string(),
  audiences: z.array(z.enum(AUDIENCES)),
  modes: z.array(link),
});

/** The shape of catalog.json. */
export const catalogSchema = z
  .strictObject({
    $schema: z.url().describe("This file's JSON Schema."),
    name: z.literal("engagement-atlas"),
    title: z.string(),
    description: z.string(),
    homepage: z.url(),
    version: z.string().describe("Format version of this file (semantic versioning)."),
    license: z.strictObject({ id: z.string(), name: z.string(), url: z.url() }),
    counts: z.strictObject({
      modes: z.int(),
      institutions: z.int(),
      caseStudies: z.int(),
      guides: z.int(),
      filledCells: z.int().describe("Matrix cells (institution × mode) backed by at least one case study."),
    }),
    modes: z.array(catalogMode),
    institutions: z.array(catalogInstitution),
    caseStudies: z.array(catalogCaseStudy),
    guides: z.array(catalogGuide),
  })
  .meta({
    title: "Engagement Atlas catalogue",
    description: "Every mode, institution, case study and guide of Engagement Atlas, with stable ids and resolved links.",
  });
export type Catalog = z.infer<typeof catalogSchema>;

/** Where the data files live on the site. */
export const DATA_PATHS = {
  catalog: "/data/catalog.json",
  catalogSchema: "/data/schema/catalog.schema.json",
  caseStudiesCsv: "/data/case-studies.csv",
  matrixCsv: "/data/matrix.csv",
  matrixJson: "/data/matrix.json",
  matrixSchema: "/data/schema/matrix.schema.json",
  datapackage: "/data/datapackage.json",
} as const;

/**
 * A URL as a valid URI: content may write an address with non-ASCII characters (an IRI, e.g. an
 * en dash in a path), which the URL parser percent-encodes. Every URL in the data goes through it.
 */
export function uri(url: string): string {
  return new URL(url).href;
}

function sourcesOut(sources: readonly Source[]) {
  return sources.map((s) => ({
    title: s.title,
    url: uri(s.url),
    ...(s.publisher !== undefined && { publisher: s.publisher }),
    accessed: s.accessed.toISOString().slice(0, 10),
  }));
}

/** Builds catalog.json's content from the atlas. */
export function buildCatalog(atlas: Atlas, site: { siteUrl: string; title: string; tagline: string }): Catalog {
  const { siteUrl } = site;
  const to = (collection: CollectionKey) => (id: string) => ({ id, url: entryUrl(siteUrl, collection, id) });
  const common = (
    collection: CollectionKey,
    entry: { id: string; data: { aliases: string[]; sources: Source[]; lastReviewed: Date } },
  ) => ({
    id: entry.id,
    url: entryUrl(siteUrl, collection, entry.id),
    aliases: [...entry.data.aliases],
    sources: sourcesOut(entry.data.sources),
    lastReviewed: entry.data.lastReviewed.toISOString().slice(0, 10),
  });
  const matrix = buildMatrix(atlas);
  return {
    $schema: new URL(DATA_PATHS.catalogSchema, siteUrl).href,
    name: "engagement-atlas",
    title: site.title,
    description: site.tagline,
    homepage: new URL("/", siteUrl).href,
    version: DATA_VERSION,
    license: { ...DATA_LICENCE },
    counts: {
      modes: atlas.modes.length,
      institutions: atlas.institutions.length,
      caseStudies: atlas.caseStudies.length,
      guides: atlas.guides.length,
      filledCells: matrix.rows.reduce((sum, row) => sum + row.modeCount, 0),
    },
    modes: atlas.modes.map((mode) => ({
      ...common("modes", mode),
      title: mode.data.title,
      label: MODE_LABELS[mode.id],
      order: mode.data.order,
      family: mode.data.family,
      summary: mode.data.summary,
      goals: [...mode.data.goals],
      audiences: [...mode.data.audiences],
      benefits: structuredClone(mode.data.benefits),
      challenges: [...mode.data.challenges],
      setup: [...mode.data.setup],
      indicators: [...mode.data.indicators],
      related: mode.data.related.map(to("modes")),
      institutions: mode.institutionIds.map(to("institutions")),
      caseStudies: mode.caseStudyIds.map(to("caseStudies")),
      guides: mode.guideIds.map(to("guides")),
    })),
    institutions: atlas.institutions.map((institution) => ({
      ...common("institutions", institution),
      name: institution.data.name,
      shortName: institution.data.shortName,
      country: institution.data.country,
      countryName: countryName(institution.data.country),
      ...(institution.data.city !== undefined && { city: institution.data.city }),
      type: institution.data.type,
      website: uri(institution.data.website),
      ...(institution.data.founded !== undefined && { founded: institution.data.founded }),
      summary: institution.data.summary,
      modes: institution.modeIds.map(to("modes")),
      caseStudies: institution.caseStudyIds.map(to("caseStudies")),
    })),
    caseStudies: atlas.caseStudies.map((caseStudy) => {
      const { data } = caseStudy;
      return {
        ...common("caseStudies", caseStudy),
        title: data.title,
        institution: to("institutions")(data.institution),
        modes: MODE_IDS.filter((mode) => data.modes.includes(mode)).map(to("modes")),
        matrixCells: MODE_IDS.filter((mode) => data.modes.includes(mode)).map(
          (mode) => new URL(`/matrix/${data.institution}/${mode}/`, siteUrl).href,
        ),
        summary: data.summary,
        status: data.status,
        started: data.started,
        ...(data.ended !== undefined && { ended: data.ended }),
        audiences: [...data.audiences],
        keyFigures: data.keyFigures.map((figure) => ({ ...figure, source: uri(figure.source) })),
        funding: data.funding,
        toolkitConfirmed: data.toolkitConfirmed,
      };
    }),
    guides: atlas.guides.map((guide) => ({
      ...common("guides", guide),
      title: guide.data.title,
      dimension: guide.data.dimension,
      summary: guide.data.summary,
      audiences: [...guide.data.audiences],
      modes: guide.data.modes.map(to("modes")),
    })),
  };
}
