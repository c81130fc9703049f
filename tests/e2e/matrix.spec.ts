/**
 * The summary matrix as a visitor uses it: reading it with scripts off, filtering to a view and
 * sharing its URL, back/forward, downloads of exactly the rows shown, keyboard-only use, sort,
 * group, transpose and gap views (rows hidden and shown, moved only when the order changes),
 * narrow-screen cards, a matrix longer than a page, the evidence behind a cell, and axe.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, baseUrl, launch, openPage } from "./browser";
import site from "../../site.config.json";
import { MATRIX_PAGE_SIZE } from "../../src/utils/matrix-slice";

/**
 * The page's own query string, read in the page, not from the last navigation event: after the next
 * frame, when the page writes a changed view's address.
 */
function search(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(location.search), 0))));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What the built matrix holds, read from the static HTML's own rows (the no-JS truth). */
interface StaticRow {
  id: string;
  country: string;
  modes: Record<string, number>;
}
function staticRows(): StaticRow[] {
  const html = readFileSync("dist/matrix/index.html", "utf8");
  const table = html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
  return table
    .split("<tr")
    .slice(1)
    .map((tr) => ({
      id: /data-row="([^"]+)"/.exec(tr)![1]!,
      country: /data-country="([^"]+)"/.exec(tr)![1]!,
      modes: Object.fromEntries(
        [...tr.matchAll(/data-cell="([^"]+)"[^>]*>\s*<a[^>]*>\s*✓ (\d+)/g)].map((match) => [match[1]!, Number(match[2])] as const),
      ),
    }));
}

/** Cell pages built under dist/matrix/<institution>/<mode>/. */
function cellPages(): string[] {
  return readdirSync("dist/matrix", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((institution) =>
      readdirSync(join("dist/matrix", institution.name), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((mode) => `/matrix/${institution.name}/${mode.name}/`),
    )
    .sort();
}

/** The table's institution rows a visitor sees: the script hides the others rather than removing them. */
const SHOWN_ROW = "[data-matrix-table] tbody:not([hidden]) tr[data-row]:not([hidden])";

/** Ids of the institution rows the table shows, in order. */
function shownRows(page: Page): Promise<string[]> {
  return page.$$eval(SHOWN_ROW, (rows) => rows.map((row) => (row as HTMLElement).dataset["row"]!));
}

/** Ids of the cards shown on a narrow screen, in order. */
function shownCards(page: Page): Promise<string[]> {
  return page.locator("[data-card]:visible").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset["card"]!));
}

/** The case-study count in each shown cell, as the visitor reads it ("✓ 2" → 2, empty → 0). */
function shownCells(page: Page): Promise<Record<string, number[]>> {
  return page.$$eval(SHOWN_ROW, (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset["row"]!,
        [...row.querySelectorAll("td[data-cell]")].map((td) => Number(/✓\s*(\d+)/.exec(td.textContent ?? "")?.[1] ?? 0)),
      ]),
    ),
  );
}

/** Clicks a download button and returns the file's text. */
async function download(page: Page, kind: "csv" | "json"): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-matrix-download=${kind}]`).click()]);
  expect(file.suggestedFilename()).toBe(`engagement-atlas-matrix.${kind}`);
  return readFileSync(await file.path(), "utf8");
}

const rows = staticRows();
const expectedAtDkPhd = rows
  .filter((row) => ["AT", "DK"].includes(row.country) && (row.modes["industrial-phd"] ?? 0) > 0)
  .map((row) => row.id);

describe("the matrix with scripts off", () => {
  it("shows every institution and links every filled cell to its evidence page", async () => {
    const { page, context } = await openPage(browser, "/matrix/", { javaScriptEnabled: false });
    try {
      expect(rows.length).toBeGreaterThan(5);
      expect(await shownRows(page)).toEqual(rows.map((row) => row.id));
      expect(await page.locator("[data-matrix-table]").isVisible()).toBe(true);
      const cellLinks = await page.$$eval("[data-matrix-table] td[data-cell] a", (links) => links.map((a) => a.getAttribute("href")!));
      expect([...cellLinks].sort()).toEqual(cellPages());
      // Every filled cell says so in text, not colour alone.
      const filled = rows.reduce((sum, row) => sum + Object.keys(row.modes).length, 0);
      expect(await page.locator("[data-matrix-table] td[data-cell]:has-text('✓')").count()).toBe(filled);
      // Controls that need a script are hidden; a note says why and that the table is complete.
      expect(await page.locator("[data-matrix-controls]").isVisible()).toBe(false);
      expect(await page.locator("[data-matrix-nojs]").isVisible()).toBe(true);
      expect(await page.locator("caption").first().textContent()).toContain(`${rows.length} institutions`);
    } finally {
      await context.close();
    }
  });
});

describe("filtering and sharing a view", () => {
  it("filters to Austria and Denmark with industrial PhD, and the URL reproduces the view in a new page", async () => {
    expect(expectedAtDkPhd.length, "content has an Austrian or Danish industrial PhD").toBeGreaterThan(0);
    const { page, context, problems } = await openPage(browser, "/matrix/");
    try {
      await page.locator("[data-matrix-facet=country] summary").click();
      await page.locator("input[name=country][value=AT]").check();
      await page.locator("input[name=country][value=DK]").check();
      await page.locator("[data-matrix-facet=mode] summary").click();
      await page.locator("input[name=mode][value=industrial-phd]").check();
      expect(await search(page)).toBe("?mode=industrial-phd&country=AT,DK");
      expect(await shownRows(page)).toEqual(expectedAtDkPhd);
      const status = `Showing ${expectedAtDkPhd.length} of ${rows.length} institutions.`;
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(status);
      expect(await page.locator("[data-matrix-status]").getAttribute("aria-live")).toBe("polite");
      expect(problems.consoleErrors).toEqual([]);

      const other = await openPage(browser, await page.evaluate(() => location.href));
      try {
        expect(await shownRows(other.page)).toEqual(expectedAtDkPhd);
        expect(await other.page.locator("[data-matrix-status]").textContent()).toBe(status);
        expect(await other.page.locator("input[name=country][value=DK]").isChecked()).toBe(true);
        expect(await other.page.locator("input[name=mode][value=industrial-phd]").isChecked()).toBe(true);
        expect(await other.page.locator("input[name=country][value=BE]").isChecked()).toBe(false);
      } finally {
        await other.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it("shows each filter option's count, counted against the other filters", async () => {
    const { page, context } = await openPage(browser, "/matrix/?mode=industrial-phd");
    try {
      const withPhd = rows.filter((row) => (row.modes["industrial-phd"] ?? 0) > 0);
      const denmark = withPhd.filter((row) => row.country === "DK").length;
      const label = page.locator("label", { has: page.locator("input[name=country][value=DK]") });
      expect(await label.locator("[data-matrix-count]").textContent()).toBe(`(${denmark})`);
    } finally {
      await context.close();
    }
  });

  it("restores each earlier view with back and forward", async () => {
    const { page, context } = await openPage(browser, "/matrix/");
    try {
      const denmark = rows.filter((row) => row.country === "DK").map((row) => row.id);
      await page.locator("[data-matrix-facet=country] summary").click();
      await page.locator("input[name=country][value=DK]").check();
      await page.locator("#matrix-sort").selectOption("modes");
      expect(await search(page)).toBe("?country=DK&sort=modes");
      await page.goBack();
      expect(await search(page)).toBe("?country=DK");
      expect(await shownRows(page)).toEqual(denmark);
      expect(await page.locator("#matrix-sort").inputValue()).toBe("name");
      await page.goBack();
      expect(await search(page)).toBe("");
      expect(await shownRows(page)).toEqual(rows.map((row) => row.id));
      expect(await page.locator("input[name=country][value=DK]").isChecked()).toBe(false);
      await page.goForward();
      await page.goForward();
      expect(await search(page)).toBe("?country=DK&sort=modes");
      expect(await page.locator("input[name=country][value=DK]").isChecked()).toBe(true);
      expect(await page.locator("#matrix-sort").inputValue()).toBe("modes");
    } finally {
      await context.close();
    }
  });

  it("filters by name as you type, as one history entry", async () => {
    const { page, context } = await openPage(browser, "/matrix/");
    try {
      await page.locator("#matrix-q").pressSequentially("copenhagen");
      expect(new URLSearchParams(await search(page)).get("q")).toBe("copenhagen");
      const shown = await shownRows(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(rows.length);
      await page.goBack();
      expect(await search(page)).toBe("");
      expect(await shownRows(page)).toHaveLength(rows.length);
    } finally {
      await context.close();
    }
  });
});

describe("sort, group, transpose and gap views", () => {
  it("sorts rows by number of modes, most first", async () => {
    const { page, context } = await openPage(browser, "/matrix/?sort=modes");
    try {
      const counts = await page.$$eval(`${SHOWN_ROW} [data-row-total]`, (cells) => cells.map((c) => Number(c.textContent)));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts).toHaveLength(rows.length);
      // The real matrix is shorter than a page: nothing is held back.
      expect(rows.length).toBeLessThan(MATRIX_PAGE_SIZE);
      expect(await page.locator("[data-matrix-more]").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("hides and shows rows on a filter change without moving them, and moves them only for a new order", async () => {
    const { page, context } = await openPage(browser, "/matrix/");
    try {
      // Counts institution rows (and cards) taken out of or put into the page, and rows whose element was replaced.
      await page.evaluate(() => {
        const log = { moved: 0 };
        (window as unknown as { __moves: typeof log }).__moves = log;
        for (const node of document.querySelectorAll<HTMLElement>("[data-row], [data-card]"))
          (node as unknown as { __original: boolean }).__original = true;
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of [...record.addedNodes, ...record.removedNodes])
              if (node instanceof HTMLElement && (node.matches("[data-row], [data-card]") || node.querySelector("[data-row], [data-card]")))
                log.moved += 1;
        }).observe(document.querySelector("[data-matrix-page]")!, { childList: true, subtree: true });
      });
      const moved = () => page.evaluate(() => (window as unknown as { __moves: { moved: number } }).__moves.moved);
      const denmark = rows.filter((row) => row.country === "DK").map((row) => row.id);
      await page.locator("[data-matrix-facet=country] summary").click();
      await page.locator("input[name=country][value=DK]").check();
      expect(await shownRows(page)).toEqual(denmark);
      expect(await moved()).toBe(0);
      await page.locator("input[name=country][value=DK]").uncheck();
      expect(await shownRows(page)).toEqual(rows.map((row) => row.id));
      expect(await moved()).toBe(0);

      await page.locator("#matrix-sort").selectOption("modes");
      const byModes = [...rows].sort((a, b) => Object.keys(b.modes).length - Object.keys(a.modes).length).map((row) => row.id);
      const shown = await shownRows(page);
      expect(shown.map((id) => Object.keys(rows.find((row) => row.id === id)!.modes).length)).toEqual(
        byModes.map((id) => Object.keys(rows.find((row) => row.id === id)!.modes).length),
      );
      const afterSort = await moved();
      expect(afterSort).toBeGreaterThan(0);
      await page.locator("input[name=country][value=DK]").check();
      expect(await shownRows(page)).toEqual(shown.filter((id) => denmark.includes(id)));
      expect(await moved()).toBe(afterSort);
      // The very same elements, moved, not rebuilt.
      const originals = await page.$$eval("[data-row], [data-card]", (nodes) =>
        nodes.every((node) => (node as unknown as { __original?: boolean }).__original === true),
      );
      expect(originals).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("groups rows under a heading per country", async () => {
    const { page, context } = await openPage(browser, "/matrix/?group=country");
    try {
      const countries = new Set(rows.map((row) => row.country));
      expect(await page.locator("[data-matrix-table] tbody:not([hidden])").count()).toBe(countries.size);
      expect(await page.locator("[data-matrix-table] tbody:not([hidden]) th[scope=rowgroup]").count()).toBe(countries.size);
      expect(await shownRows(page)).toHaveLength(rows.length);
    } finally {
      await context.close();
    }
  });

  it("transposes: modes as rows, institutions as columns", async () => {
    const { page, context } = await openPage(browser, "/matrix/?view=transposed&country=DK");
    try {
      const denmark = rows.filter((row) => row.country === "DK");
      expect(await page.locator("[data-matrix-table]").isVisible()).toBe(false);
      const transposed = page.locator("[data-matrix-transposed] table");
      expect(await transposed.locator("tbody th[scope=row]").count()).toBe(10);
      expect(await transposed.locator("thead th[scope=col] a").count()).toBe(denmark.length);
      const links = await transposed.locator("td a").count();
      expect(links).toBe(denmark.reduce((sum, row) => sum + Object.keys(row.modes).length, 0));
    } finally {
      await context.close();
    }
  });

  it("says so, without an error, when a grouped transposed view matches nothing", async () => {
    const { page, context, problems } = await openPage(browser, "/matrix/?q=no-institution-is-called-this&group=country&view=transposed");
    try {
      expect(await page.locator("[data-matrix-status]").textContent()).toBe("No institution matches this view: clear a filter or two.");
      expect(await page.locator("[data-matrix-transposed] thead th[scope=col] a").count()).toBe(0);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows where a mode is missing in the gap view", async () => {
    const { page, context } = await openPage(browser, "/matrix/?gap=industrial-phd");
    try {
      const without = rows.filter((row) => !row.modes["industrial-phd"]).map((row) => row.id);
      expect(await shownRows(page)).toEqual(without);
      expect(await page.locator(`${SHOWN_ROW} td[data-cell=industrial-phd] a`).count()).toBe(0);
      expect(await page.locator("th[data-mode-col=industrial-phd] [data-gap-mark]").isVisible()).toBe(true);
      expect(await page.locator("[data-matrix-status]").textContent()).toContain("without industrial PhD");
    } finally {
      await context.close();
    }
  });
});

describe("download this view", () => {
  it("downloads CSV and JSON holding exactly the rows and cells shown", async () => {
    const { page, context, problems } = await openPage(browser, "/matrix/?mode=industrial-phd&country=AT,DK&sort=modes");
    try {
      const shown = await shownRows(page);
      const cells = await shownCells(page);
      expect(shown).toHaveLength(expectedAtDkPhd.length);

      const csv = (await download(page, "csv")).trimEnd().split("\r\n");
      expect(csv[0]!.split(",").slice(0, 4)).toEqual(["institution_id", "institution", "country", "type"]);
      expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(shown);
      for (const line of csv.slice(1)) {
        const fields = line.split(",");
        expect(fields.slice(-11, -1).map(Number), `cells of ${fields[0]}`).toEqual(cells[fields[0]!]);
      }

      const json = JSON.parse(await download(page, "json")) as { query: string; rows: { id: string; cells: Record<string, string[]> }[] };
      expect(json.query).toBe("mode=industrial-phd&country=AT,DK&sort=modes");
      expect(json.rows.map((row) => row.id)).toEqual(shown);
      for (const row of json.rows) expect(Object.values(row.cells).map((ids) => ids.length)).toEqual(cells[row.id]);
      expect(problems.cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("downloads a transposed view with the institutions shown as columns", async () => {
    const { page, context } = await openPage(browser, "/matrix/?view=transposed&country=AT");
    try {
      const columns = await page.$$eval("[data-matrix-transposed] thead th[scope=col] a", (links) =>
        links.map((a) => a.getAttribute("href")!.split("/")[2]!),
      );
      const csv = (await download(page, "csv")).trimEnd().split("\r\n");
      expect(csv[0]).toBe(["mode_id", "mode", ...columns, "institutions"].join(","));
      expect(csv).toHaveLength(11);
    } finally {
      await context.close();
    }
  });
});

describe("keyboard only", () => {
  it("reaches the filters by Tab, toggles them with Space and Enter, and opens a cell's evidence", async () => {
    const { page, context } = await openPage(browser, "/matrix/");
    try {
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return {
            tag: el?.tagName ?? "",
            facet: el?.closest<HTMLElement>("[data-matrix-facet]")?.dataset["matrixFacet"] ?? "",
            name: (el as HTMLInputElement | null)?.name ?? "",
            value: (el as HTMLInputElement | null)?.value ?? "",
            cell: el?.matches("td[data-cell] a") ? el.getAttribute("href") : null,
          };
        });
      const tabUntil = async (done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit: number) => {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press("Tab");
          if (done(await focused())) return;
        }
        throw new Error("never reached by Tab");
      };

      // The page's own location, read after the key's events have run.
      const country = async () => new URLSearchParams(await search(page)).get("country");
      await tabUntil((f) => f.tag === "SUMMARY" && f.facet === "country", 60);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      const first = await focused();
      expect(first.name).toBe("country");
      await page.keyboard.press("Space");
      expect(await country()).toBe(first.value);
      await page.keyboard.press("Tab");
      const second = await focused();
      await page.keyboard.press("Enter");
      expect((await country())?.split(",").sort()).toEqual([first.value, second.value].sort());
      const expected = rows.filter((row) => [first.value, second.value].includes(row.country)).length;
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(`Showing ${expected} of ${rows.length} institutions.`);

      await tabUntil((f) => f.cell !== null, 200);
      const target = (await focused()).cell!;
      await Promise.all([page.waitForURL(new URL(target, baseUrl()).href), page.keyboard.press("Enter")]);
      expect(await page.locator("h1").textContent()).toContain("×");
      expect(await page.locator("main a[rel~=external]").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe("narrow screens", () => {
  it("shows a card per institution with mode chips instead of the wide table, with or without scripts", async () => {
    for (const javaScriptEnabled of [false, true]) {
      const { page, context } = await openPage(browser, "/matrix/", { width: 360, javaScriptEnabled });
      try {
        expect(await page.locator("[data-matrix-table]").isVisible()).toBe(false);
        expect(await page.locator("[data-card]:visible").count()).toBe(rows.length);
        const first = rows[0]!;
        expect(await page.locator(`[data-card="${first.id}"] a.chip`).count()).toBe(Object.keys(first.modes).length);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      } finally {
        await context.close();
      }
    }
  });

  it("filters the cards like the table", async () => {
    const { page, context } = await openPage(browser, "/matrix/?country=DK&sort=modes", { width: 360 });
    try {
      const denmark = rows.filter((row) => row.country === "DK");
      expect([...(await shownCards(page))].sort()).toEqual(denmark.map((row) => row.id).sort());
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(`Showing ${denmark.length} of ${rows.length} institutions.`);
    } finally {
      await context.close();
    }
  });
});

describe("a matrix longer than a page", () => {
  // The real matrix is shorter than MATRIX_PAGE_SIZE, so these tests serve the built page with its
  // data-matrix-page-size (which the build sets from the constant) lowered to PAGE; nothing else changes.
  const PAGE = 5;
  const attribute = (size: number) => `data-matrix-page-size="${size}"`;
  const withPageSize = (context: BrowserContext) =>
    context.route(
      (url) => url.pathname === "/matrix/",
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers["content-encoding"];
        delete headers["content-length"];
        const body = (await response.text()).replace(attribute(MATRIX_PAGE_SIZE), attribute(PAGE));
        await route.fulfill({ response, headers, body });
      },
    );
  const more = (page: Page, name: string | RegExp) => page.locator("[data-matrix-more]").getByRole("button", { name, exact: true });
  /** The institution page a focused link points to ("" when focus is not on one). */
  const focusedInstitution = (page: Page, within: string) =>
    page.evaluate((within) => {
      const focused = document.activeElement;
      return focused?.closest(within) ? (focused.getAttribute("href") ?? "") : "";
    }, within);

  it("is built with the page size the script reads", () => {
    expect(readFileSync("dist/matrix/index.html", "utf8")).toContain(attribute(MATRIX_PAGE_SIZE));
    expect(rows.length).toBeGreaterThan(2 * PAGE);
  });

  it("shows a page of rows, announces the full count, shows more on request, and downloads the whole view", async () => {
    const { page, context, problems } = await openPage(browser, "/matrix/", { prepare: withPageSize });
    try {
      const ids = rows.map((row) => row.id);
      expect(await shownRows(page)).toEqual(ids.slice(0, PAGE));
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(
        `${rows.length} of ${rows.length} institutions match; showing the first ${PAGE}.`,
      );
      expect(await page.locator("caption").first().textContent()).toContain(`the first ${PAGE} shown`);
      expect(await more(page, `Show all ${rows.length}`).isVisible()).toBe(true);

      await more(page, `Show ${PAGE} more`).click();
      expect(await shownRows(page)).toEqual(ids.slice(0, 2 * PAGE));
      // Focus moves to the first row added, so a keyboard user carries on reading there.
      expect(await focusedInstitution(page, SHOWN_ROW)).toBe(`/institutions/${ids[PAGE]}/`);
      expect(await page.locator("[data-matrix-status]").textContent()).toContain(`showing the first ${2 * PAGE}.`);
      // How many are shown is not part of the view's URL, and the downloads hold the whole view.
      expect(await search(page)).toBe("");
      const csv = (await download(page, "csv")).trimEnd().split("\r\n");
      expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(ids);

      // A new view starts at one page again.
      const joint = rows.filter((row) => row.modes["joint-research"]).map((row) => row.id);
      expect(joint.length).toBeGreaterThan(PAGE);
      await page.locator("[data-matrix-facet=mode] summary").click();
      await page.locator("input[name=mode][value=joint-research]").check();
      expect(await search(page)).toBe("?mode=joint-research");
      expect(await shownRows(page)).toEqual(joint.slice(0, PAGE));
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(
        `${joint.length} of ${rows.length} institutions match; showing the first ${PAGE}.`,
      );
      const json = JSON.parse(await download(page, "json")) as { rows: { id: string }[] };
      expect(json.rows.map((row) => row.id)).toEqual(joint);

      await page.goBack();
      expect(await search(page)).toBe("");
      expect(await shownRows(page)).toEqual(ids.slice(0, PAGE));
      await more(page, `Show all ${rows.length}`).click();
      expect(await shownRows(page)).toEqual(ids);
      expect(await page.locator("[data-matrix-more]").isVisible()).toBe(false);
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(`Showing ${rows.length} of ${rows.length} institutions.`);
      // "Clear all" starts again at one page, even when the view was already the default one.
      await page.locator("[data-matrix-clear]").click();
      expect(await shownRows(page)).toEqual(ids.slice(0, PAGE));
      // What is printed is the whole view, not the page on screen.
      await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
      expect(await shownRows(page)).toEqual(ids);
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });

  it("passes axe with the show-more buttons on screen, grouped", async () => {
    const { page, context } = await openPage(browser, "/matrix/?group=country&sort=modes", { prepare: withPageSize });
    try {
      expect(await page.locator("[data-matrix-more]").isVisible()).toBe(true);
      expect(await shownRows(page)).toHaveLength(PAGE);
      // Each heading counts its whole group, rendered or not.
      const groups = await page.$$eval("[data-matrix-table] tbody:not([hidden])", (bodies) =>
        bodies.map((body) => ({
          head: body.querySelector("th[scope=rowgroup]")!.textContent!.trim(),
          country: body.querySelector<HTMLElement>("tr[data-row]:not([hidden])")!.dataset["country"]!,
        })),
      );
      expect(groups.length).toBeGreaterThan(1);
      for (const { head, country } of groups)
        expect(head, country).toMatch(new RegExp(`\\(${rows.filter((row) => row.country === country).length}\\)$`));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("cuts the narrow-screen cards and the transposed columns the same way", async () => {
    const narrow = await openPage(browser, "/matrix/", { width: 360, prepare: withPageSize });
    try {
      const ids = rows.map((row) => row.id);
      expect(await shownCards(narrow.page)).toEqual(ids.slice(0, PAGE));
      await more(narrow.page, `Show ${PAGE} more`).click();
      expect(await shownCards(narrow.page)).toEqual(ids.slice(0, 2 * PAGE));
      expect(await focusedInstitution(narrow.page, "[data-card]")).toBe(`/institutions/${ids[PAGE]}/`);
    } finally {
      await narrow.context.close();
    }
    const { page, context } = await openPage(browser, "/matrix/?view=transposed&gap=industrial-phd", { prepare: withPageSize });
    try {
      const without = rows.filter((row) => !row.modes["industrial-phd"]).map((row) => row.id);
      expect(without.length).toBeGreaterThan(PAGE);
      const columns = () =>
        page.$$eval("[data-matrix-transposed] thead th[scope=col] a", (links) => links.map((a) => a.getAttribute("href")!.split("/")[2]!));
      expect(await columns()).toEqual(without.slice(0, PAGE));
      // The modes, as rows, stay under their family headings.
      const families = await page.locator("[data-matrix-table] thead th[scope=colgroup]").count();
      expect(families).toBeGreaterThan(1);
      expect(await page.locator("[data-matrix-transposed] tbody th[scope=rowgroup]").count()).toBe(families);
      expect(await page.locator("[data-matrix-transposed] tbody th[scope=row]").count()).toBe(10);
      expect(await page.locator("[data-matrix-status]").textContent()).toBe(
        `${without.length} of ${rows.length} institutions without industrial PhD match; showing the first ${PAGE}, modes as rows.`,
      );
      await more(page, /^Show all/).click();
      expect(await columns()).toEqual(without);
    } finally {
      await context.close();
    }
  });
});

describe("a cell's evidence page", () => {
  it("shows the case studies behind the cell with sources, status, review date, a correction route and edit links", async () => {
    const path = cellPages()[0]!;
    const { page, context } = await openPage(browser, path, { javaScriptEnabled: false });
    try {
      expect(await page.locator("main h2 a[href^='/case-studies/']").count()).toBeGreaterThan(0);
      expect(await page.locator("main a[rel~=external]").count()).toBeGreaterThan(0);
      expect(await page.locator("main time[datetime]").count()).toBeGreaterThan(0);
      const correction = await page.locator("main a", { hasText: "Suggest a correction" }).getAttribute("href");
      expect(correction).toMatch(new RegExp(`^${site.repoUrl}/issues/new\\?`));
      expect(new URL(correction!).searchParams.get("body")).toContain(path);
      expect(await page.locator("main a[href^='mailto:']").getAttribute("href")).toContain(site.contactEmail);
      expect(await page.locator("main a", { hasText: "Edit this file" }).first().getAttribute("href")).toMatch(
        new RegExp(`^${site.repoUrl}/edit/${site.repoBranch}/.+\\.mdx$`),
      );
    } finally {
      await context.close();
    }
  });
});

describe("accessibility of the matrix views", () => {
  for (const path of [
    "/matrix/?mode=industrial-phd&country=AT,DK&group=country",
    "/matrix/?view=transposed&gap=industrial-phd&group=type",
  ]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${path} passes axe in ${colorScheme}, with every filter list open`, async () => {
        const { page, context, problems } = await openPage(browser, path, { colorScheme });
        try {
          await page.$$eval("[data-matrix-facet]", (all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
          expect(await axeViolations(page)).toEqual([]);
          expect(problems).toEqual({ consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] });
        } finally {
          await context.close();
        }
      });
    }
  }
});
