/**
 * One Open Graph card per entry page (case studies, institutions, modes, guides), drawn at build time:
 * /og/<route>/<id>.png. The entry pages point their og:image here (BaseLayout's `ogImage`).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../../../collections";
import { COLLECTIONS, type CollectionKey } from "../../../schemas";
import { entryCard } from "../../../utils/og-card";
import { cachedOgPng } from "../../../utils/og-image";

const KEYS = Object.keys(COLLECTIONS) as CollectionKey[];

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  const ids: Record<CollectionKey, string[]> = {
    modes: atlas.modes.map((entry) => entry.id),
    institutions: atlas.institutions.map((entry) => entry.id),
    caseStudies: atlas.caseStudies.map((entry) => entry.id),
    guides: atlas.guides.map((entry) => entry.id),
  };
  return KEYS.flatMap((key) => ids[key].map((id) => ({ params: { kind: COLLECTIONS[key].route, id }, props: { key } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ key: CollectionKey }, { kind: string; id: string }> = async ({ params, props }) => {
  const png = cachedOgPng(entryCard(await getAtlas(), props.key, params.id));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
