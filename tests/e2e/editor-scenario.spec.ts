/**
 * The editor's path, end to end, as a new editor would take it — on a throwaway copy of the
 * fixture corpus, built into a throwaway folder (dist/ is left alone):
 *
 * 1. `npm run new` with a mistyped institution id is refused with a "did you mean";
 * 2. `npm run new` for an existing institution writes a scaffold that check:content refuses
 *    until its placeholders are filled in; the editor fills them in;
 * 3. another entry is renamed, keeping its old id under `aliases`;
 * 4. the site is built (no code changed) — and the new case study is in the matrix, its cell page,
 *    the listings, search, the feeds and the data files, and the old address redirects.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContent } from "../../scripts/lib/content-files";
import { serveDist } from "../../scripts/serve";
import { formatIssue } from "../../src/utils/atlas";
import { checkContentFiles } from "../../src/utils/content-check";
import { parseCsv } from "../helpers/csv";
import { fillScaffold } from "../helpers/fill-entry";
import { schemaValidator } from "../helpers/json-schema";
import { launch } from "./browser";

const ID = "beta-mentoring-circle";
const TITLE = "Beta mentoring circle";
const PAGE = `/case-studies/${ID}/`;
/** A word no fixture uses, to find the new case study by search. */
const WORD = "quillfeather";

let root: string;
let content: string;
let out: string;
let server: Server | undefined;
let base: string;
let browser: Browser | undefined;
const steps: Record<string, { status: number | null; stdout: string; stderr: string }> = {};
let messagesBeforeFilling: string[] = [];
let messagesAfterFilling: string[] = [];

function run(script: string, args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", [script, ...args], {
    env: { ...process.env, ATLAS_CONTENT_DIR: content, FORCE_COLOR: "0" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const check = () => checkContentFiles(readContent(content)).issues.map(formatIssue);
const get = async (path: string) => {
  const response = await fetch(new URL(path, base));
  return { status: response.status, text: await response.text() };
};

/** Opens a page and records console errors and CSP violations. */
async function open(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser!.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(new URL(path, base).href, { waitUntil: "load" });
  return { page, errors, close: () => context.close() };
}

/** The pages the site's Pagefind index returns for a query, asked through Pagefind's own API in the page. */
function searchUrls(page: Page, query: string): Promise<string[]> {
  // A string, not a function: Vitest would rewrite a dynamic import() inside a function for Node.
  return page.evaluate(`(async () => {
    const pagefind = await import("/pagefind/pagefind.js");
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (result) => (await result.data()).url));
  })()`);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "atlas-scenario-"));
  content = join(root, "content");
  out = join(root, "dist");
  cpSync("tests/fixtures/content", content, { recursive: true });

  steps["typo"] = run("scripts/new.ts", ["--type", "case-study", "--id", ID, "--institution", "beta-fnd", "--modes", "industry-mentoring"]);
  steps["new"] = run("scripts/new.ts", [
    "--type",
    "case-study",
    "--id",
    ID,
    "--institution",
    "beta-fund",
    "--modes",
    "industry-mentoring,career-days",
  ]);
  messagesBeforeFilling = check();

  const file = join(content, "case-studies", `${ID}.mdx`);
  writeFileSync(
    file,
    fillScaffold(
      readFileSync(file, "utf8"),
      {
        title: TITLE,
        summary: `In the ${WORD} circle, staff of companies that the Beta Research Fund supports mentor early-career researchers for a year.`,
        status: "pilot",
        started: 2024,
        audiences: ["early-career-researchers", "companies"],
        funding: "The fund pays for the meetings; the mentors give their time.",
        sources: [{ title: "Mentoring circle", url: "https://www.example.org/mentoring-circle", accessed: "2026-11-01" }],
      },
      "Mentors and mentees meet monthly for a year and agree their goals at the first meeting.",
    ),
  );

  // A rename: the file gets a new name and keeps its old id as an alias.
  const old = join(content, "case-studies", "alpha-mentoring.mdx");
  writeFileSync(old, readFileSync(old, "utf8").replace("aliases: []", "aliases:\n  - alpha-mentoring"));
  renameSync(old, join(content, "case-studies", "alpha-mentoring-programme.mdx"));
  messagesAfterFilling = check();

  steps["build"] = run("scripts/build-site.ts", [content, out]);
  if (steps["build"].status !== 0) return;
  const served = await serveDist(out, 0);
  server = served.server;
  base = served.url;
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe("adding a case study with npm run new", () => {
  it("refuses a mistyped institution id, offering the one meant", () => {
    expect(steps["typo"]!.status).toBe(1);
    expect(steps["typo"]!.stderr).toContain('--institution "beta-fnd" is not a known institution id. Did you mean "beta-fund"?');
  });

  it("writes a scaffold that check:content refuses only for its placeholders, and accepts once they are filled in", () => {
    expect(steps["new"]!.status, steps["new"]!.stderr).toBe(0);
    expect(messagesBeforeFilling.length).toBeGreaterThan(5);
    for (const message of messagesBeforeFilling)
      expect(message).toMatch(new RegExp(`${ID}\\.mdx:\\d+: .* is a placeholder left by npm run new`));
    expect(messagesAfterFilling).toEqual([]);
  });

  it("gives the same did-you-mean from check:content when the editor mistypes the institution in the file", () => {
    const files = readContent(content).map((file) =>
      file.path.endsWith(`${ID}.mdx`) ? { ...file, text: file.text.replace("institution: beta-fund", "institution: beta-fnd") } : file,
    );
    expect(checkContentFiles(files).issues.map(formatIssue)).toEqual([
      expect.stringMatching(new RegExp(`${ID}\\.mdx: institution "beta-fnd" is not a known institution id\\. Did you mean "beta-fund"\\?`)),
    ]);
  });

  it("builds without any code change", () => {
    expect(steps["build"]!.status, steps["build"]!.stderr.slice(-3000)).toBe(0);
  });

  it("appears in the matrix as a new tick, and on that cell's evidence page", async () => {
    const matrix = await get("/matrix/");
    expect(matrix.text).toContain('href="/matrix/beta-fund/industry-mentoring/"');
    expect(matrix.text).toContain('href="/matrix/beta-fund/career-days/"');
    const cell = await get("/matrix/beta-fund/industry-mentoring/");
    expect(cell.status).toBe(200);
    expect(cell.text).toContain(`href="${PAGE}"`);
    expect(cell.text).toContain(TITLE);
  });

  it("has its page, and is listed on the case-study listing, its institution's page and its modes' pages", async () => {
    expect((await get(PAGE)).text).toContain(`<h1 class="mt-1 text-3xl font-bold sm:text-4xl">${TITLE}</h1>`);
    for (const listing of ["/case-studies/", "/institutions/beta-fund/", "/modes/industry-mentoring/", "/modes/career-days/"]) {
      expect((await get(listing)).text, listing).toContain(`href="${PAGE}"`);
    }
  });

  it("is found by search", async () => {
    const { page, errors, close } = await open("/search/");
    try {
      const urls = await searchUrls(page, WORD);
      expect(urls).toContain(PAGE);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("tops the site feed and appears in its mode's and its institution's feeds", async () => {
    const firstItem = (xml: string) => /<item>\s*<title>([^<]*)<\/title>\s*<link>([^<]*)<\/link>/.exec(xml)?.slice(1);
    const site = await get("/rss.xml");
    expect(firstItem(site.text)).toEqual([TITLE, `https://engagement-atlas.github.io${PAGE}`]);
    for (const feed of ["/modes/industry-mentoring/rss.xml", "/modes/career-days/rss.xml", "/institutions/beta-fund/rss.xml"]) {
      expect((await get(feed)).text, feed).toContain(`<link>https://engagement-atlas.github.io${PAGE}</link>`);
    }
  });

  it("is in the data files, which still validate against their own schemas", async () => {
    const catalog = JSON.parse((await get("/data/catalog.json")).text) as {
      caseStudies: { id: string; url: string; institution: { id: string } }[];
    };
    expect(catalog.caseStudies.find((c) => c.id === ID)).toMatchObject({
      url: `https://engagement-atlas.github.io${PAGE}`,
      institution: { id: "beta-fund" },
    });
    const schema = JSON.parse((await get("/data/schema/catalog.schema.json")).text) as Record<string, unknown>;
    expect(schemaValidator(schema)(catalog)).toEqual([]);

    const [header = [], ...rows] = parseCsv((await get("/data/case-studies.csv")).text);
    const row = rows.find((r) => r[header.indexOf("id")] === ID);
    expect(row?.[header.indexOf("modes")]).toBe("career-days;industry-mentoring");
    const [matrixHeader = [], ...matrixRows] = parseCsv((await get("/data/matrix.csv")).text);
    const beta = matrixRows.find((r) => r[0] === "beta-fund")!;
    expect(beta[matrixHeader.indexOf("industry-mentoring")]).toBe("1");
  });
});

describe("renaming an entry", () => {
  const OLD = "/case-studies/alpha-mentoring/";
  const NEW = "/case-studies/alpha-mentoring-programme/";

  it("keeps the old address working: it sends the reader to the new page", async () => {
    const { page, errors, close } = await open(OLD);
    try {
      await page.waitForURL((url) => url.pathname === NEW);
      expect(await page.locator("h1").textContent()).toBe("Alpha mentoring for researchers");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("serves at the old address a page with a visible link, a canonical link to the new one and a noindex", async () => {
    const { status, text } = await get(OLD);
    expect(status).toBe(200);
    expect(text).toContain(`<meta http-equiv="refresh" content="0; url=${NEW}">`);
    expect(text).toContain(`<link rel="canonical" href="https://engagement-atlas.github.io${NEW}">`);
    expect(text).toContain('<meta name="robots" content="noindex">');
    expect(text).toMatch(new RegExp(`<a href="${NEW}">`));
  });

  it("keeps the old address out of the sitemap and the search index", async () => {
    const sitemap = (await get("/sitemap-0.xml")).text;
    expect(sitemap).toContain(`<loc>https://engagement-atlas.github.io${NEW}</loc>`);
    expect(sitemap).not.toContain(OLD);
    const { page, close } = await open("/search/");
    try {
      const urls = await searchUrls(page, "mentoring");
      expect(urls).toContain(NEW);
      expect(urls).not.toContain(OLD);
    } finally {
      await close();
    }
  });
});
