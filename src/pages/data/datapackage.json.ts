import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { SITE } from "../../site";
import { buildDatapackage } from "../../utils/exports";

/** /data/datapackage.json: the Frictionless Data Package describing the data files. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(`${JSON.stringify(buildDatapackage(atlas, SITE), null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
