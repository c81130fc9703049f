/**
 * The open data against the built site: every file on /data/ is there, validates against its own
 * schema, and agrees with the pages a visitor sees (entries, matrix ticks, feeds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axeViolations, baseUrl, launch, openPage } from "./browser";
import { parseCsv, tableProblems, type TableField } from "../helpers/csv";
import { schemaValidator } from "../helpers/json-schema";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function get(path: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(new URL(path, baseUrl()));
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") ?? "" };
}
async function json<T>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return JSON.parse(response.text) as T;
}
/** The site path of an absolute URL on the production site. */
const pathOf = (url: string) => new URL(url).pathname;

interface Catalog {
  caseStudies: {
    id: string;
    url: string;
    title: string;
    institution: { id: string; url: string };
    modes: { id: string }[];
    matrixCells: string[];
  }[];
  institutions: { id: string; url: string }[];
  modes: { id: string; url: string }[];
  guides: { id: string; url: string }[];
}
interface Datapackage {
  licenses: { name: string }[];
  resources: { name: string; path: string; schema?: { fields: TableField[] }; jsonSchema?: string }[];
}

describe("the /data/ page", () => {
  it("links to every data file, each served from the site, and states the licences", async () => {
    const { page, context, problems } = await openPage(browser, "/data/");
    try {
      const links = await page
        .locator("[data-data-files] a")
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      expect(links).toEqual(
        expect.arrayContaining([
          "/data/matrix.csv",
          "/data/matrix.json",
          "/data/case-studies.csv",
          "/data/catalog.json",
          "/data/datapackage.json",
          "/CITATION.cff",
        ]),
      );
      for (const link of links) expect((await get(link)).status, link).toBe(200);
      const text = await page.locator("main").innerText();
      expect(text).toContain("Creative Commons Attribution 4.0 International (CC BY 4.0)");
      expect(text).toMatch(/the code\s+MIT/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("documents exactly the columns the CSV files have", async () => {
    const { page, context } = await openPage(browser, "/data/");
    try {
      for (const file of ["matrix.csv", "case-studies.csv"]) {
        const documented = await page.locator(`[data-columns="${file}"] tbody th`).allInnerTexts();
        expect(documented, file).toEqual(parseCsv((await get(`/data/${file}`)).text)[0]);
      }
    } finally {
      await context.close();
    }
  });
});

describe("the data files", () => {
  it("catalog.json and matrix.json validate against the JSON Schemas the site publishes", async () => {
    const datapackage = await json<Datapackage>("/data/datapackage.json");
    const withSchemas = datapackage.resources.filter((r) => r.jsonSchema !== undefined);
    expect(withSchemas.map((r) => r.path).sort()).toEqual(["catalog.json", "matrix.json"]);
    for (const resource of withSchemas) {
      const schema = await json<Record<string, unknown>>(`/data/${resource.jsonSchema}`);
      expect(schemaValidator(schema)(await json(`/data/${resource.path}`)), resource.path).toEqual([]);
    }
  });

  it("the CSV files satisfy the Table Schemas of datapackage.json, which licenses them CC BY 4.0", async () => {
    const datapackage = await json<Datapackage>("/data/datapackage.json");
    expect(datapackage.licenses.map((l) => l.name)).toEqual(["CC-BY-4.0"]);
    const tables = datapackage.resources.filter((r) => r.schema !== undefined);
    expect(tables.map((r) => r.path)).toEqual(["matrix.csv", "case-studies.csv"]);
    for (const table of tables) {
      const response = await get(`/data/${table.path}`);
      expect(response.status).toBe(200);
      expect(tableProblems(parseCsv(response.text), table.schema!.fields), table.path).toEqual([]);
    }
  });

  it("every entry in catalog.json has its page at its url, and every entry page is in the catalogue", async () => {
    const catalog = await json<Catalog>("/data/catalog.json");
    const entries = [...catalog.modes, ...catalog.institutions, ...catalog.caseStudies, ...catalog.guides];
    for (const entry of entries) expect((await get(pathOf(entry.url))).status, entry.url).toBe(200);
    for (const [listing, list] of [
      ["/case-studies/", catalog.caseStudies],
      ["/institutions/", catalog.institutions],
      ["/modes/", catalog.modes],
    ] as const) {
      const html = (await get(listing)).text;
      const linked = new Set([...html.matchAll(new RegExp(`href="(${listing}[a-z0-9-]+/)"`, "g"))].map((m) => m[1]));
      expect([...linked].sort(), listing).toEqual(list.map((entry) => pathOf(entry.url)).sort());
    }
  });

  it("case-studies.csv has one row per case study of the catalogue, with the same ids, titles and institutions", async () => {
    const catalog = await json<Catalog>("/data/catalog.json");
    const [header = [], ...rows] = parseCsv((await get("/data/case-studies.csv")).text);
    const column = (name: string) => header.indexOf(name);
    const fromCsv = rows.map(
      (row) => `${row[column("id")]}|${row[column("title")]}|${row[column("institution_id")]}|${row[column("modes")]}`,
    );
    const fromCatalog = catalog.caseStudies.map((c) => `${c.id}|${c.title}|${c.institution.id}|${c.modes.map((m) => m.id).join(";")}`);
    expect(fromCsv.sort()).toEqual(fromCatalog.sort());
  });

  it("matrix.csv ticks exactly the cells the matrix page ticks, and each cell page lists the case studies the data credit it with", async () => {
    const [header = [], ...rows] = parseCsv((await get("/data/matrix.csv")).text);
    const modes = header.slice(4, -1);
    expect(modes).toHaveLength(10);
    const fromCsv = rows.flatMap((row) => modes.filter((_, i) => Number(row[4 + i]) > 0).map((mode) => `/matrix/${row[0]}/${mode}/`));
    expect(fromCsv.length).toBeGreaterThan(20);

    const matrixPage = (await get("/matrix/")).text;
    const ticked = [...new Set([...matrixPage.matchAll(/href="(\/matrix\/[a-z0-9-]+\/[a-z0-9-]+\/)"/g)].map((m) => m[1]!))];
    expect(ticked.sort()).toEqual([...fromCsv].sort());

    // Counts: the number in each CSV cell is the number of case studies the catalogue puts in that cell.
    const catalog = await json<Catalog>("/data/catalog.json");
    const perCell = new Map<string, string[]>();
    for (const c of catalog.caseStudies)
      for (const cell of c.matrixCells) perCell.set(pathOf(cell), [...(perCell.get(pathOf(cell)) ?? []), c.url]);
    for (const row of rows) {
      modes.forEach((mode, i) => {
        expect(perCell.get(`/matrix/${row[0]}/${mode}/`)?.length ?? 0, `${row[0]} × ${mode}`).toBe(Number(row[4 + i]));
      });
    }
    const [cell, caseStudies] = [...perCell][0]!;
    const cellPage = (await get(cell)).text;
    for (const url of caseStudies) expect(cellPage).toContain(`href="${pathOf(url)}"`);
  });

  it("serves CITATION.cff naming the CC BY 4.0 licence", async () => {
    const response = await get("/CITATION.cff");
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(response.text).toMatch(/^license: CC-BY-4\.0$/m);
  });
});

describe("metadata of entry pages", () => {
  it("a case-study page carries schema.org JSON-LD, Open Graph and Twitter meta and a canonical URL, without CSP errors", async () => {
    const catalog = await json<Catalog>("/data/catalog.json");
    const caseStudy = catalog.caseStudies[0]!;
    const { page, context, problems } = await openPage(browser, pathOf(caseStudy.url));
    try {
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<string, unknown>;
      expect(ld).toMatchObject({ "@context": "https://schema.org", "@type": "Article", headline: caseStudy.title, url: caseStudy.url });
      const meta = (selector: string) => page.locator(selector).getAttribute("content");
      expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(caseStudy.url);
      expect(await meta('meta[property="og:title"]')).toBe(caseStudy.title);
      expect(await meta('meta[property="og:url"]')).toBe(caseStudy.url);
      expect(await meta('meta[name="twitter:title"]')).toBe(caseStudy.title);
      expect(["summary", "summary_large_image"]).toContain(await meta('meta[name="twitter:card"]'));
      expect(problems.cspViolations).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("every entry page links to editing its own file and to the correction form", async () => {
    const catalog = await json<Catalog>("/data/catalog.json");
    const folders = { modes: "modes", institutions: "institutions", caseStudies: "case-studies", guides: "guides" } as const;
    let checked = 0;
    for (const key of Object.keys(folders) as (keyof typeof folders)[]) {
      for (const entry of catalog[key]) {
        const html = (await get(pathOf(entry.url))).text;
        expect(html, entry.url).toMatch(
          new RegExp(
            `<a href="https://github\\.com/[^"]+/edit/[^"/]+/content/${folders[key]}/${entry.id}\\.mdx" data-edit-link>Edit this page</a>`,
          ),
        );
        expect(html, entry.url).toMatch(
          /<a href="https:\/\/github\.com\/[^"]+\/issues\/new\?template=suggest-a-correction\.yml&amp;[^"]+" data-correction-link>Suggest a correction<\/a>/,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("an institution page describes the organisation in JSON-LD", async () => {
    const catalog = await json<Catalog>("/data/catalog.json");
    const html = (await get(pathOf(catalog.institutions[0]!.url))).text;
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
    expect(String(ld["@type"])).toMatch(/Organization|CollegeOrUniversity/);
    expect(ld["mainEntityOfPage"]).toBe(catalog.institutions[0]!.url);
  });
});

describe("the /contribute/ page", () => {
  it("says what to send and offers the issue form and email, and passes axe", async () => {
    const { page, context, problems } = await openPage(browser, "/contribute/");
    try {
      expect(await page.locator("[data-propose-form]").getAttribute("href")).toMatch(/\/issues\/new\?template=propose-a-case-study\.yml$/);
      expect(await page.locator("[data-correction-form]").getAttribute("href")).toMatch(
        /\/issues\/new\?template=suggest-a-correction\.yml$/,
      );
      expect(await page.locator("[data-propose-email]").getAttribute("href")).toMatch(
        /^mailto:[^?]+@[^?]+\?subject=Case%20study%20proposal&body=Programme%20name/,
      );
      expect(await page.locator("#propose ~ ol li").count()).toBeGreaterThanOrEqual(5);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
