import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { SITE } from "../../site";
import { buildCatalog } from "../../utils/catalog";

/** /data/catalog.json: every entry with stable ids and resolved links. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(`${JSON.stringify(buildCatalog(atlas, SITE), null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
