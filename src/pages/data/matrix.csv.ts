import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { buildMatrix } from "../../utils/matrix";
import { matrixToCsv } from "../../utils/matrix-export";

/** /data/matrix.csv: the full summary matrix, the same one /matrix/ shows by default. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(matrixToCsv(buildMatrix(atlas)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
