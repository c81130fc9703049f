/**
 * RSS feeds of the built site: well-formed, announced on the pages they belong to, and holding
 * exactly the case studies of the site, a mode or an institution, newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, launch, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Catalog {
  caseStudies: { url: string; title: string; lastReviewed: string; institution: { id: string }; modes: { id: string }[] }[];
  modes: { id: string; url: string }[];
  institutions: { id: string; url: string }[];
}

async function text(path: string): Promise<string> {
  const response = await fetch(new URL(path, baseUrl()));
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Parses a feed with the browser's own XML parser (a malformed feed yields a <parsererror>). */
async function readFeed(
  path: string,
): Promise<{ error: boolean; title: string; self: string; items: { link: string; date: string; guid: string }[] }> {
  const xml = await text(path);
  const { page, context } = await openPage(browser, "/");
  try {
    return await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      const items = [...doc.querySelectorAll("channel > item")].map((item) => ({
        link: item.querySelector("link")?.textContent ?? "",
        date: item.querySelector("pubDate")?.textContent ?? "",
        guid: item.querySelector("guid")?.textContent ?? "",
      }));
      return {
        error: doc.querySelector("parsererror") !== null,
        title: doc.querySelector("channel > title")?.textContent ?? "",
        self: doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")[0]?.getAttribute("href") ?? "",
        items,
      };
    }, xml);
  } finally {
    await context.close();
  }
}

const catalog = async () => JSON.parse(await text("/data/catalog.json")) as Catalog;

describe("feeds", () => {
  it("the site-wide feed is well-formed RSS with every case study, newest review first", async () => {
    const feed = await readFeed("/rss.xml");
    const { caseStudies } = await catalog();
    expect(feed.error).toBe(false);
    expect(new URL(feed.self).pathname).toBe("/rss.xml");
    const newest = [...caseStudies]
      .sort((a, b) => b.lastReviewed.localeCompare(a.lastReviewed) || a.title.localeCompare(b.title, "en"))
      .slice(0, 50)
      .map((c) => c.url);
    expect(feed.items.map((i) => i.link)).toEqual(newest);
    const dates = feed.items.map((i) => Date.parse(i.date));
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const item of feed.items) {
      const reviewed = caseStudies.find((c) => c.url === item.link)!.lastReviewed;
      expect(item.guid).toBe(`${item.link}#reviewed-${reviewed}`);
    }
  });

  it("each mode's and each institution's feed holds exactly its own case studies", async () => {
    const { caseStudies, modes, institutions } = await catalog();
    for (const mode of modes) {
      const feed = await readFeed(`/modes/${mode.id}/rss.xml`);
      expect(feed.error).toBe(false);
      expect(feed.items.map((i) => i.link).sort(), mode.id).toEqual(
        caseStudies
          .filter((c) => c.modes.some((m) => m.id === mode.id))
          .map((c) => c.url)
          .sort(),
      );
    }
    for (const institution of institutions.slice(0, 5)) {
      const feed = await readFeed(`/institutions/${institution.id}/rss.xml`);
      expect(feed.items.map((i) => i.link).sort(), institution.id).toEqual(
        caseStudies
          .filter((c) => c.institution.id === institution.id)
          .map((c) => c.url)
          .sort(),
      );
    }
  });

  it("pages announce the site feed, and mode and institution pages their own, with a visible link too", async () => {
    const { modes, institutions } = await catalog();
    const alternates = async (path: string) => {
      const { page, context } = await openPage(browser, path);
      try {
        return {
          feeds: await page
            .locator('link[rel="alternate"][type="application/rss+xml"]')
            .evaluateAll((links) => links.map((l) => l.getAttribute("href"))),
          visible:
            (await page.locator("[data-feed-link]").count()) > 0 ? await page.locator("[data-feed-link]").getAttribute("href") : null,
        };
      } finally {
        await context.close();
      }
    };
    expect(await alternates("/")).toEqual({ feeds: ["/rss.xml"], visible: null });
    const mode = new URL(modes[0]!.url).pathname;
    expect(await alternates(mode)).toEqual({ feeds: ["/rss.xml", `${mode}rss.xml`], visible: `${mode}rss.xml` });
    const institution = new URL(institutions[0]!.url).pathname;
    expect(await alternates(institution)).toEqual({ feeds: ["/rss.xml", `${institution}rss.xml`], visible: `${institution}rss.xml` });
  });
});
