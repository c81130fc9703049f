/**
 * One Open Graph card per entry page (case studies, institutions, modes, guides), drawn at build time:
 * /og/<route>/<id>.png. The entry pages point their og:image here (BaseLayout's `ogImage`).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../../../collections";
import { COLLECTIONS, type CollectionKey } from "../../../schemas";
import { allCards, entryCard, entryIds } from "../../../utils/og-card";
import { ogCardPng, prefetchOgCards } from "../../../utils/og-pool";

const KEYS = Object.keys(COLLECTIONS) as CollectionKey[];

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  // A production build lists every route's paths before it renders a page: make sure every card is
  // queued for the worker threads (the build integration usually queued them already; og-pool.ts).
  if (import.meta.env.PROD) prefetchOgCards(allCards(atlas).map(({ card }) => card));
  return KEYS.flatMap((key) => entryIds(atlas, key).map((id) => ({ params: { kind: COLLECTIONS[key].route, id }, props: { key } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ key: CollectionKey }, { kind: string; id: string }> = async ({ params, props }) => {
  const png = await ogCardPng(entryCard(await getAtlas(), props.key, params.id));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
