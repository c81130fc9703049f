/**
 * Every URL in the sitemap, in light and dark: axe (WCAG 2.2 AA) finds nothing, no console error,
 * no CSP violation, no request leaves the origin; and with JavaScript disabled the page still
 * shows its heading and main content.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { axeViolations, baseUrl, launch, type PageProblems } from "./browser";
import { sitemapPaths } from "../helpers/dist-checks";

const paths = sitemapPaths("dist");
let browser: Browser;
const contexts: Partial<Record<"light" | "dark" | "nojs", BrowserContext>> = {};

beforeAll(async () => {
  browser = await launch();
  contexts.light = await browser.newContext({ colorScheme: "light" });
  contexts.dark = await browser.newContext({ colorScheme: "dark" });
  contexts.nojs = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
});

describe("every page in the sitemap", () => {
  it("has pages to check", () => {
    expect(paths.length).toBeGreaterThan(50);
  });

  for (const path of paths) {
    it(`${path} is accessible and clean in light and dark, and readable without JavaScript`, async () => {
      const origin = new URL(baseUrl()).origin;
      for (const scheme of ["light", "dark"] as const) {
        const page = await contexts[scheme]!.newPage();
        const problems: PageProblems = { consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] };
        page.on("console", (message) => {
          if (message.type() === "error")
            (message.text().includes("Content Security Policy") ? problems.cspViolations : problems.consoleErrors).push(message.text());
        });
        page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
        page.on("request", (request) => {
          if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) problems.offOrigin.push(request.url());
        });
        await page.goto(new URL(path, origin).href, { waitUntil: "load" });
        expect(await axeViolations(page), `axe on ${path} (${scheme})`).toEqual([]);
        expect(problems, `${path} (${scheme})`).toEqual({ consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] });
        await page.close();
      }
      const page = await contexts.nojs!.newPage();
      await page.goto(new URL(path, origin).href, { waitUntil: "load" });
      expect(await page.locator("main h1").count(), `${path} without JavaScript`).toBe(1);
      expect((await page.locator("main").innerText()).length, `${path} without JavaScript`).toBeGreaterThan(80);
      await page.close();
    });
  }
});
