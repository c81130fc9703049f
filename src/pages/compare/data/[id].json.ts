/**
 * /compare/data/<id>.json: what the compare page shows about one institution. One small file per
 * institution, so comparing two fetches two files however large the atlas grows.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../../../collections";
import { compareEntry } from "../../../utils/matrix-view";

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  return atlas.institutions.map((institution) => ({ params: { id: institution.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entry = compareEntry(await getAtlas(), String(params["id"]));
  return new Response(JSON.stringify(entry), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
