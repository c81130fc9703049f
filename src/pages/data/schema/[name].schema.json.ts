import type { APIRoute, GetStaticPaths } from "astro";
import { SITE } from "../../../site";
import { jsonSchemaOf, PUBLISHED_SCHEMAS, type PublishedSchema } from "../../../utils/exports";

export const getStaticPaths = (() => Object.keys(PUBLISHED_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** /data/schema/<name>.schema.json: JSON Schemas generated from the Zod schemas. */
export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(jsonSchemaOf(params.name as PublishedSchema, SITE.siteUrl), null, 2)}\n`, {
    headers: { "Content-Type": "application/schema+json" },
  });
