/**
 * RSS 2.0 feeds of new and updated case studies: site-wide, per mode and per institution. An item
 * is dated by the case study's lastReviewed, and its guid carries that date, so a case study that
 * is reviewed again comes back to the top of a reader as an update rather than being lost.
 */
import { MODE_IDS, MODE_LABELS } from "../schemas/vocabularies";
import type { Atlas, CaseStudy } from "./atlas";
import { entryUrl } from "./catalog";

/** The most items a feed carries (the newest), so feeds stay small as the atlas grows. */
export const FEED_LIMIT = 50;

export interface FeedItem {
  title: string;
  url: string;
  guid: string;
  date: Date;
  description: string;
  categories: string[];
}

export interface Feed {
  title: string;
  description: string;
  /** The HTML page the feed belongs to. */
  pageUrl: string;
  /** The feed's own address. */
  feedUrl: string;
  items: FeedItem[];
}

/** Where each feed lives. */
export const FEED_PATHS = {
  site: "/rss.xml",
  mode: (id: string) => `/modes/${id}/rss.xml`,
  institution: (id: string) => `/institutions/${id}/rss.xml`,
} as const;

/** Case studies newest first (by last review, then title), at most FEED_LIMIT. */
export function newestFirst(caseStudies: readonly CaseStudy[]): CaseStudy[] {
  return [...caseStudies]
    .sort((a, b) => b.data.lastReviewed.getTime() - a.data.lastReviewed.getTime() || a.data.title.localeCompare(b.data.title, "en"))
    .slice(0, FEED_LIMIT);
}

/** A feed of the given case studies. */
export function caseStudyFeed(
  atlas: Atlas,
  caseStudies: readonly CaseStudy[],
  meta: { title: string; description: string; pagePath: string; feedPath: string },
  siteUrl: string,
): Feed {
  return {
    title: meta.title,
    description: meta.description,
    pageUrl: new URL(meta.pagePath, siteUrl).href,
    feedUrl: new URL(meta.feedPath, siteUrl).href,
    items: newestFirst(caseStudies).map((caseStudy) => {
      const url = entryUrl(siteUrl, "caseStudies", caseStudy.id);
      const institution = atlas.institution(caseStudy.data.institution);
      const modes = MODE_IDS.filter((mode) => caseStudy.data.modes.includes(mode)).map((mode) => MODE_LABELS[mode]);
      return {
        title: caseStudy.data.title,
        url,
        guid: `${url}#reviewed-${caseStudy.data.lastReviewed.toISOString().slice(0, 10)}`,
        date: caseStudy.data.lastReviewed,
        description: `${caseStudy.data.summary} (${institution.data.name}; ${modes.join(", ")}.)`,
        categories: modes,
      };
    }),
  };
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** The feed as an RSS 2.0 document. Its date is the newest item's, so an unchanged atlas gives an identical file. */
export function renderRss(feed: Feed): string {
  const newest = feed.items[0]?.date;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.pageUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    "    <language>en</language>",
    `    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [`    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
    ...feed.items.flatMap((item) => [
      "    <item>",
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.url)}</link>`,
      `      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
      `      <pubDate>${item.date.toUTCString()}</pubDate>`,
      `      <description>${escapeXml(item.description)}</description>`,
      ...item.categories.map((category) => `      <category>${escapeXml(category)}</category>`),
      "    </item>",
    ]),
    "  </channel>",
    "</rss>",
  ];
  return `${lines.join("\n")}\n`;
}

/** The site-wide feed's title (also announced on every page). */
export function siteFeedTitle(siteTitle: string): string {
  return `${siteTitle}: new and updated case studies`;
}

/** The site-wide feed: every case study, newest first. */
export function siteFeed(atlas: Atlas, site: { siteUrl: string; title: string }): Feed {
  return caseStudyFeed(
    atlas,
    atlas.caseStudies,
    {
      title: siteFeedTitle(site.title),
      description: "Academia–business engagement case studies added to or reviewed on the site, newest first.",
      pagePath: "/case-studies/",
      feedPath: FEED_PATHS.site,
    },
    site.siteUrl,
  );
}

/** The feed of one mode's case studies. */
export function modeFeed(atlas: Atlas, modeId: string, site: { siteUrl: string; title: string }): Feed {
  const mode = atlas.mode(modeId);
  return caseStudyFeed(
    atlas,
    mode.caseStudyIds.map((id) => atlas.caseStudy(id)),
    {
      title: `${site.title}: ${mode.data.title} case studies`,
      description: `New and updated case studies in the engagement mode “${mode.data.title}”, newest first.`,
      pagePath: `/modes/${mode.id}/`,
      feedPath: FEED_PATHS.mode(mode.id),
    },
    site.siteUrl,
  );
}

/** The feed of one institution's case studies. */
export function institutionFeed(atlas: Atlas, institutionId: string, site: { siteUrl: string; title: string }): Feed {
  const institution = atlas.institution(institutionId);
  return caseStudyFeed(
    atlas,
    institution.caseStudyIds.map((id) => atlas.caseStudy(id)),
    {
      title: `${site.title}: ${institution.data.name} case studies`,
      description: `New and updated case studies of ${institution.data.name}, newest first.`,
      pagePath: `/institutions/${institution.id}/`,
      feedPath: FEED_PATHS.institution(institution.id),
    },
    site.siteUrl,
  );
}
