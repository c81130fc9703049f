import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { buildMatrix } from "../../utils/matrix";
import { matrixToJson } from "../../utils/matrix-export";

/** /data/matrix.json: the full summary matrix with the case studies behind every cell. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(matrixToJson(buildMatrix(atlas)), { headers: { "Content-Type": "application/json" } });
};
