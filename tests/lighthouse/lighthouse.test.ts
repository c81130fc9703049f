/**
 * Lighthouse (mobile defaults: simulated throttling, Moto-G-class emulation) on one page of each
 * type, with Debian's Chromium, against dist/ served on 127.0.0.1. Every category must score 100.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import lighthouse from "lighthouse";
import { launch, type LaunchedChrome } from "chrome-launcher";
import type { Server } from "node:http";
import { serveDist } from "../../scripts/serve";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/browser-config";
import { pageOfEachType } from "../e2e/site-map";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
let chrome: LaunchedChrome;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  ({ server, url: baseUrl } = await serveDist("dist", 0));
  chrome = await launch({ chromePath: chromiumPath(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
});

afterAll(async () => {
  chrome?.kill();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("Lighthouse, mobile", () => {
  for (const { type, path } of pageOfEachType()) {
    it(`scores 100 in every category on the ${type} page (${path})`, async () => {
      const result = await lighthouse(new URL(path, baseUrl).href, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      const lhr = result?.lhr;
      expect(lhr, "Lighthouse returned no report").toBeDefined();
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr!.categories[category]?.score ?? 0) * 100)]),
      );
      const failing = Object.values(lhr!.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
        .map((audit) => `${audit.id}: ${audit.title}`);
      expect(scores, `${path} — failing audits: ${failing.join("; ")}`).toEqual(
        Object.fromEntries(CATEGORIES.map((category) => [category, 100])),
      );
    });
  }
});
