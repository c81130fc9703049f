/**
 * The files the site serves beside its pages, one or more for every entry: the Open Graph cards
 * (/og/…png), the per-mode and per-institution RSS feeds, and the compare page's data per institution
 * (/compare/data/<id>.json). At 1,000 case studies they are 7,000 of a build's 11,500 outputs, and
 * Astro spends about a millisecond on each static endpoint whatever it returns (bench/README.md), so
 * a build does not render them as routes: the build integration (src/integrations/atlas.ts) writes
 * them into dist from this list, and `npm run dev` serves them from the dev-only routes in src/routes/,
 * which answer from this same list. One list, so the two cannot disagree about what exists.
 */
import { SITE } from "../site";
import type { Atlas } from "./atlas";
import { FEED_PATHS, institutionFeed, modeFeed, renderRss } from "./feeds";
import { compareEntry } from "./matrix-view";
import { allCards } from "./og-card";
import { ogCardPng } from "./og-pool";

export interface SideFile {
  /** Site path, e.g. "/modes/consultancy/rss.xml". */
  path: string;
  contentType: string;
  /** The file's contents, computed when asked for (a card may still be drawing on a worker). */
  body: () => string | Promise<Buffer>;
}

const RSS = "application/rss+xml; charset=utf-8";

/** Every side file of the site, cards first (in the order og-pool.ts queued them for the workers). */
export function sideFiles(atlas: Atlas): SideFile[] {
  return [
    ...allCards(atlas).map(({ path, card }) => ({ path, contentType: "image/png", body: () => ogCardPng(card) })),
    ...atlas.modes.map(({ id }) => ({ path: FEED_PATHS.mode(id), contentType: RSS, body: () => renderRss(modeFeed(atlas, id, SITE)) })),
    ...atlas.institutions.map(({ id }) => ({
      path: FEED_PATHS.institution(id),
      contentType: RSS,
      body: () => renderRss(institutionFeed(atlas, id, SITE)),
    })),
    ...atlas.institutions.map(({ id }) => ({
      path: `/compare/data/${id}.json`,
      contentType: "application/json; charset=utf-8",
      body: () => JSON.stringify(compareEntry(atlas, id)),
    })),
  ];
}

/**
 * The dev server's routes for the side files, all answered by src/routes/side-file.ts. `npm run dev`
 * injects them (src/integrations/atlas.ts); a build never does.
 */
export const SIDE_ROUTES = ["/og/[...card].png", "/modes/[id]/rss.xml", "/institutions/[id]/rss.xml", "/compare/data/[id].json"] as const;

/** A route pattern as a regular expression whose named groups are its parameters. */
export function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\[\.\.\.\w+\]|\[\w+\])/)
    .map((part) => {
      const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (rest !== null) return `(?<${rest[1]}>.+)`;
      const param = /^\[(\w+)\]$/.exec(part);
      if (param !== null) return `(?<${param[1]}>[^/]+)`;
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/** The static paths of one side route: the parameters of every side file its pattern matches. */
export function sideRoutePaths(files: readonly SideFile[], pattern: string): { params: Record<string, string> }[] {
  const regExp = patternRegExp(pattern);
  return files.flatMap((file) => {
    const groups = regExp.exec(file.path)?.groups;
    return groups === undefined ? [] : [{ params: { ...groups } }];
  });
}

/** The side file at a site path, as a response (404 when there is none). */
export async function sideFileResponse(files: readonly SideFile[], path: string): Promise<Response> {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) return new Response("Not found", { status: 404 });
  const body = await file.body();
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { headers: { "Content-Type": file.contentType } });
}
