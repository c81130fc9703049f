import { readFileSync } from "node:fs";
import { CHROMIUM_ARGS, chromiumPath } from "./browser-config";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export { CHROMIUM_ARGS, chromiumPath } from "./browser-config";

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** What a page did wrong while it loaded: console errors, CSP violations, requests leaving the origin. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  offOrigin: string[];
  failedRequests: string[];
}

/** Opens a page in a fresh context and records every problem it causes. */
export async function openPage(
  browser: Browser,
  path: string,
  options: {
    colorScheme?: "light" | "dark";
    javaScriptEnabled?: boolean;
    width?: number;
    /** Runs on the new context before the page loads (to route requests, say). */
    prepare?: (context: BrowserContext) => Promise<unknown>;
  } = {},
): Promise<{ page: Page; context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] };
  const origin = new URL(baseUrl()).origin;
  page.on("console", (message) => {
    if (message.type() === "error") {
      (message.text().includes("Content Security Policy") ? problems.cspViolations : problems.consoleErrors).push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.offOrigin.push(url);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/this-page-does-not-exist/"))
      problems.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(new URL(path, baseUrl()).href, { waitUntil: "load" });
  return { page, context, problems };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the page; returns violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}
