/**
 * The open data files besides catalog.json: case-studies.csv, the Frictionless datapackage.json
 * that describes every file, and the JSON Schemas generated from the Zod schemas. Columns are
 * defined once (name, type, description, value) so a CSV, its Table Schema in datapackage.json and
 * its documentation on /data/ cannot disagree. matrix.csv and matrix.json come from matrix-export.ts.
 */
import { z } from "astro/zod";
import { caseStudySchema, guideSchema, institutionSchema, modeSchema } from "../schemas";
import { httpsUrl } from "../schemas/fields";
import { MODE_IDS, MODE_LABELS, STATUSES } from "../schemas/vocabularies";
import type { Atlas, CaseStudy } from "./atlas";
import { DATA_LICENCE, DATA_PATHS, DATA_VERSION, catalogSchema, entryUrl, uri } from "./catalog";
import { csvField } from "./matrix-export";

/** A column of a CSV file, with its Frictionless Table Schema field description. */
export interface Column<T> {
  name: string;
  /** Table Schema type. */
  type: "string" | "integer" | "date" | "boolean" | "list";
  description: string;
  required?: boolean;
  unique?: boolean;
  /** Allowed values (Table Schema enum constraint). */
  enum?: readonly string[];
  value: (item: T) => string | number | boolean | undefined;
}

/** Separator inside a list cell (modes, audiences, source URLs). */
export const LIST_DELIMITER = ";";

const list = (values: readonly string[]) => values.join(LIST_DELIMITER);
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The columns of case-studies.csv, in order. */
export function caseStudyColumns(atlas: Atlas, siteUrl: string): Column<CaseStudy>[] {
  const institution = (caseStudy: CaseStudy) => atlas.institution(caseStudy.data.institution);
  return [
    {
      name: "id",
      type: "string",
      description: "Stable id of the case study (its file name).",
      required: true,
      unique: true,
      value: (c) => c.id,
    },
    {
      name: "url",
      type: "string",
      description: "Its page on the site.",
      required: true,
      unique: true,
      value: (c) => entryUrl(siteUrl, "caseStudies", c.id),
    },
    { name: "title", type: "string", description: "The programme's name.", required: true, unique: true, value: (c) => c.data.title },
    {
      name: "institution_id",
      type: "string",
      description: "Id of the institution that runs or funds it.",
      required: true,
      value: (c) => c.data.institution,
    },
    { name: "institution", type: "string", description: "The institution's name.", required: true, value: (c) => institution(c).data.name },
    {
      name: "country",
      type: "string",
      description: "The institution's country (ISO 3166-1 alpha-2; EU for EU-wide).",
      required: true,
      value: (c) => institution(c).data.country,
    },
    {
      name: "institution_type",
      type: "string",
      description: "The institution's type.",
      required: true,
      value: (c) => institution(c).data.type,
    },
    {
      name: "modes",
      type: "list",
      description: `Ids of the engagement modes it practises, separated by "${LIST_DELIMITER}", in the toolkit's order.`,
      required: true,
      value: (c) => list(MODE_IDS.filter((mode) => c.data.modes.includes(mode))),
    },
    { name: "status", type: "string", description: "Whether it still runs.", required: true, enum: STATUSES, value: (c) => c.data.status },
    { name: "started", type: "integer", description: "Year it started.", required: true, value: (c) => c.data.started },
    { name: "ended", type: "integer", description: "Year it ended; empty if it has not.", value: (c) => c.data.ended },
    {
      name: "audiences",
      type: "list",
      description: `Who it is for, separated by "${LIST_DELIMITER}".`,
      required: true,
      value: (c) => list(c.data.audiences),
    },
    {
      name: "summary",
      type: "string",
      description: "What it is, in one to three sentences.",
      required: true,
      value: (c) => c.data.summary,
    },
    { name: "funding", type: "string", description: "How it is paid for.", required: true, value: (c) => c.data.funding },
    {
      name: "key_figures",
      type: "integer",
      description: "Number of key figures on its page (each with year and source).",
      required: true,
      value: (c) => c.data.keyFigures.length,
    },
    {
      name: "sources",
      type: "list",
      description: `Source URLs, separated by "${LIST_DELIMITER}".`,
      required: true,
      value: (c) => list(c.data.sources.map((s) => uri(s.url))),
    },
    {
      name: "last_reviewed",
      type: "date",
      description: "The day it was last checked against its sources.",
      required: true,
      value: (c) => day(c.data.lastReviewed),
    },
    {
      name: "toolkit_confirmed",
      type: "boolean",
      description: "True where the EURAXESS toolkit itself presents the case.",
      required: true,
      value: (c) => c.data.toolkitConfirmed,
    },
  ];
}

/** Writes rows as CSV (RFC 4180, CRLF line ends, a header row), like matrix.csv. */
export function toCsv<T>(columns: readonly Column<T>[], items: readonly T[]): string {
  const lines = [
    columns.map((column) => csvField(column.name)),
    ...items.map((item) =>
      columns.map((column) => {
        const value = column.value(item);
        return csvField(value === undefined ? "" : typeof value === "boolean" ? String(value) : value);
      }),
    ),
  ];
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}

/** case-studies.csv: one row per case study, by title. */
export function caseStudiesCsv(atlas: Atlas, siteUrl: string): string {
  return toCsv(caseStudyColumns(atlas, siteUrl), atlas.caseStudies);
}

/** The fields of matrix.csv (see matrixToCsv): an institution per row, a mode per column, each cell its number of case studies. */
export function matrixFields(): Omit<Column<never>, "value">[] {
  return [
    { name: "institution_id", type: "string", description: "Stable id of the institution.", required: true, unique: true },
    { name: "institution", type: "string", description: "Its name.", required: true },
    { name: "country", type: "string", description: "Its country (ISO 3166-1 alpha-2; EU for EU-wide).", required: true },
    { name: "type", type: "string", description: "Its type.", required: true },
    ...MODE_IDS.map((mode) => ({
      name: mode,
      type: "integer" as const,
      description: `${MODE_LABELS[mode]}: the number of case studies linking the institution to this mode; 0 is an empty cell, 1 or more a tick.`,
      required: true,
    })),
    { name: "modes", type: "integer", description: "Number of modes the institution practises (filled cells in its row).", required: true },
  ];
}

function tableSchemaField(column: Omit<Column<never>, "value">) {
  const constraints = {
    ...(column.required && { required: true }),
    ...(column.unique && { unique: true }),
    ...(column.enum && { enum: [...column.enum] }),
  };
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.type === "list" && { delimiter: LIST_DELIMITER, itemType: "string" }),
    ...(column.type === "boolean" && { trueValues: ["true"], falseValues: ["false"] }),
    ...(Object.keys(constraints).length > 0 && { constraints }),
  };
}

/** The Frictionless Data Package (v2) that describes the data files, their schemas and licence. */
export function buildDatapackage(atlas: Atlas, site: { siteUrl: string; title: string; tagline: string; repoUrl: string }) {
  const url = (path: string) => new URL(path, site.siteUrl).href;
  const relative = (path: string) => path.replace(/^\/data\//, "");
  const table = (
    name: string,
    path: string,
    title: string,
    description: string,
    fields: ReturnType<typeof tableSchemaField>[],
    primaryKey: string[],
  ) => ({
    name,
    type: "table",
    path: relative(path),
    title,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { $schema: "https://datapackage.org/profiles/2.0/tabledialect.json", delimiter: ",", lineTerminator: "\r\n", header: true },
    schema: { $schema: "https://datapackage.org/profiles/2.0/tableschema.json", fields, primaryKey, missingValues: [""] },
  });
  const caseStudies = table(
    "case-studies",
    DATA_PATHS.caseStudiesCsv,
    "Case studies",
    `Every case study (${atlas.caseStudies.length}): one programme of one institution, with its modes, status, years, audiences, funding and sources.`,
    caseStudyColumns(atlas, site.siteUrl).map(tableSchemaField),
    ["id"],
  );
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: "engagement-atlas",
    id: url("/data/"),
    title: site.title,
    description: `${site.tagline} The summary matrix of institutions × engagement modes, every case study, and a catalogue of all entries with stable ids.`,
    homepage: url("/data/"),
    version: DATA_VERSION,
    keywords: ["academia-business engagement", "knowledge transfer", "university-industry collaboration", "EURAXESS"],
    licenses: [{ name: DATA_LICENCE.id, path: DATA_LICENCE.url, title: DATA_LICENCE.name }],
    contributors: [{ title: `${site.title} contributors`, path: site.repoUrl, roles: ["author"] }],
    resources: [
      table(
        "matrix",
        DATA_PATHS.matrixCsv,
        "Summary matrix",
        `Institutions (${atlas.institutions.length}) × the ${MODE_IDS.length} engagement modes. A cell holds the number of case studies that link the institution and the mode.`,
        matrixFields().map(tableSchemaField),
        ["institution_id"],
      ),
      {
        ...caseStudies,
        schema: {
          ...caseStudies.schema,
          foreignKeys: [{ fields: ["institution_id"], reference: { resource: "matrix", fields: ["institution_id"] } }],
        },
      },
      {
        name: "catalog",
        type: "json",
        path: relative(DATA_PATHS.catalog),
        title: "Catalogue",
        description: "Every mode, institution, case study and guide with stable ids and resolved links.",
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        jsonSchema: relative(DATA_PATHS.catalogSchema),
      },
      {
        name: "matrix-json",
        type: "json",
        path: relative(DATA_PATHS.matrixJson),
        title: "Summary matrix (JSON)",
        description: "The matrix with the ids of the case studies behind every cell.",
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        jsonSchema: relative(DATA_PATHS.matrixSchema),
      },
    ],
  };
}

/** The shape of matrix.json (see matrixToJson in matrix-export.ts), for its published JSON Schema. */
export const matrixJsonSchema = z
  .strictObject({
    query: z.string().describe('The view\'s query string on /matrix/ ("" for the full matrix).'),
    rowKind: z.enum(["institution", "mode"]),
    institutionsShown: z.int(),
    institutionsTotal: z.int(),
    columns: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    rows: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        country: z.string().optional(),
        type: z.string().optional(),
        cells: z.record(z.string(), z.array(z.string())).describe("Case-study ids per column id; [] is an empty cell."),
        total: z.int(),
      }),
    ),
    columnTotals: z.record(z.string(), z.int()).describe("Filled cells per column id."),
    rowGroups: z.array(z.strictObject({ id: z.string(), label: z.string(), rows: z.array(z.string()) })).optional(),
    columnGroups: z.array(z.strictObject({ id: z.string(), label: z.string(), columns: z.array(z.string()) })).optional(),
  })
  .meta({
    title: "Engagement Atlas summary matrix",
    description: "Institutions × engagement modes, with the case studies behind every cell.",
  });

/** The schemas published under /data/schema/: the data files' and the editors' frontmatter. */
export const PUBLISHED_SCHEMAS = {
  catalog: { schema: catalogSchema, title: "catalog.json", io: "output" },
  matrix: { schema: matrixJsonSchema, title: "matrix.json", io: "output" },
  "case-study": { schema: caseStudySchema, title: "Case-study frontmatter (content/case-studies/*.mdx)", io: "input" },
  institution: { schema: institutionSchema, title: "Institution frontmatter (content/institutions/*.mdx)", io: "input" },
  mode: { schema: modeSchema, title: "Mode frontmatter (content/modes/*.mdx)", io: "input" },
  guide: { schema: guideSchema, title: "Guide frontmatter (content/guides/*.mdx)", io: "input" },
} as const;
export type PublishedSchema = keyof typeof PUBLISHED_SCHEMAS;

/**
 * A JSON Schema (draft 2020-12) from a Zod schema. Dates become "YYYY-MM-DD" strings and https URLs
 * keep their rule as a pattern; checks JSON Schema cannot express (a key figure's source is one of
 * the sources, ended after started, …) stay in `npm run check:content`.
 */
export function jsonSchemaOf(name: PublishedSchema, siteUrl: string): Record<string, unknown> {
  const { schema, title, io } = PUBLISHED_SCHEMAS[name];
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date" });
      if (ctx.zodSchema === httpsUrl) Object.assign(ctx.jsonSchema, { format: "uri", pattern: "^https://" });
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: new URL(`/data/schema/${name}.schema.json`, siteUrl).href, title: rest["title"] ?? title, ...rest };
}
