import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../../../collections";
import { SITE } from "../../../site";
import { modeFeed, renderRss } from "../../../utils/feeds";

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  return atlas.modes.map((mode) => ({ params: { id: mode.id } }));
}) satisfies GetStaticPaths;

/** /modes/<id>/rss.xml: new and updated case studies in one mode. */
export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  return new Response(renderRss(modeFeed(atlas, params.id ?? "", SITE)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
};
