import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../../../collections";
import { SITE } from "../../../site";
import { institutionFeed, renderRss } from "../../../utils/feeds";

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  return atlas.institutions.map((institution) => ({ params: { id: institution.id } }));
}) satisfies GetStaticPaths;

/** /institutions/<id>/rss.xml: new and updated case studies of one institution. */
export const GET: APIRoute = async ({ params }) => {
  const atlas = await getAtlas();
  return new Response(renderRss(institutionFeed(atlas, params.id ?? "", SITE)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
};
