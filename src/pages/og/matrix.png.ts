/** The Open Graph card of the summary matrix (/matrix/), drawn at build time. */
import type { APIRoute } from "astro";
import { getAtlas } from "../../collections";
import { matrixCard } from "../../utils/og-card";
import { ogCardPng } from "../../utils/og-pool";

export const GET: APIRoute = async () => {
  const png = await ogCardPng(matrixCard(await getAtlas()));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
