import type { APIRoute } from "astro";
import { getAtlas } from "../collections";
import { SITE } from "../site";
import { renderRss, siteFeed } from "../utils/feeds";

/** /rss.xml: new and updated case studies, site-wide. */
export const GET: APIRoute = async () => {
  const atlas = await getAtlas();
  return new Response(renderRss(siteFeed(atlas, SITE)), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
};
