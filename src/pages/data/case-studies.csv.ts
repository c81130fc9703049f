import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { SITE } from "../../site";
import { caseStudiesCsv } from "../../utils/exports";

/** /data/case-studies.csv: one row per case study. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(caseStudiesCsv(atlas, SITE.siteUrl), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
