/**
 * The map of Europe on the home page, /institutions/ and each mode page: shaded countries and
 * institution markers that are links, the same facts in its table, readable in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, openPage } from "./browser";
import { firstPage } from "./site-map";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What the map shows (markers, shaded countries) and what its table says. */
function readMap(page: Page) {
  return page.evaluate(() => {
    const figure = document.querySelector("[data-map]")!;
    const svg = figure.querySelector("svg[data-map-svg]")!;
    const box = svg.getBoundingClientRect();
    const markers = [...svg.querySelectorAll("a[data-marker]")].map((a) => {
      const circle = a.querySelector("circle")!.getBoundingClientRect();
      return {
        id: a.getAttribute("data-marker")!,
        href: a.getAttribute("href")!,
        title: a.querySelector("title")?.textContent ?? "",
        x: circle.x + circle.width / 2,
        y: circle.y + circle.height / 2,
        r: circle.width / 2,
        inside: circle.x >= box.x - 1 && circle.right <= box.right + 1 && circle.y >= box.y - 1 && circle.bottom <= box.bottom + 1,
      };
    });
    const shaded = [...svg.querySelectorAll("path[data-country]")].map((path) => ({
      code: path.getAttribute("data-country")!,
      level: Number(path.getAttribute("data-level")),
      title: path.querySelector("title")?.textContent ?? "",
      fill: getComputedStyle(path).fill,
    }));
    const rows = [...figure.querySelectorAll("table tbody tr")].map((row) => ({
      code: row.getAttribute("data-country-row")!,
      caseStudies: Number(row.querySelector("[data-value]")!.textContent),
      institutions: [...row.querySelectorAll("a[data-table-institution]")].map((a) => ({
        id: a.getAttribute("data-table-institution")!,
        count: Number(/\((\d+)\)/.exec(a.nextElementSibling?.textContent ?? "")?.[1]),
      })),
    }));
    const unplaced = [...figure.querySelectorAll("[data-map-unplaced] a")].map((a) => a.getAttribute("href")!);
    const marker = svg.querySelector("a[data-marker] circle");
    return {
      width: box.width,
      height: box.height,
      markers,
      shaded,
      rows,
      unplaced,
      markerFill: marker === null ? "" : getComputedStyle(marker).fill,
      landFill: getComputedStyle(svg.querySelector("path.fill-\\(--map-land\\)")!).fill,
    };
  });
}

describe("the map of Europe", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows each institution as a marker and each country's count as in its table, in ${colorScheme}`, async () => {
      const { page, context, problems } = await openPage(browser, "/", { colorScheme });
      try {
        const map = await readMap(page);
        expect(map.width).toBeGreaterThan(300);
        expect(map.height).toBeGreaterThan(200);
        expect(map.markers.length).toBeGreaterThan(5);
        for (const marker of map.markers) expect(marker.inside, marker.id).toBe(true);

        // Every institution in the table is either a marker or listed beside the map, never both, never neither.
        const tableIds = map.rows.flatMap((row) => row.institutions.map((i) => i.id)).sort();
        const shownIds = [...map.markers.map((m) => m.id), ...map.unplaced.map((href) => href.split("/")[2]!)].sort();
        expect(shownIds).toEqual(tableIds);

        // Each marker's name says the number of case studies its table row gives.
        const counts = new Map(map.rows.flatMap((row) => row.institutions.map((i) => [i.id, i.count] as const)));
        for (const marker of map.markers) {
          expect(marker.href).toBe(`/institutions/${marker.id}/`);
          const count = counts.get(marker.id)!;
          expect(marker.title, marker.id).toMatch(new RegExp(`: ${count} case stud(y|ies)$`));
        }

        // Each shaded country says the count of its table row; more case studies never get a lighter class.
        for (const row of map.rows.filter((r) => r.code !== "EU")) {
          const path = map.shaded.find((s) => s.code === row.code);
          expect(path, row.code).toBeDefined();
          expect(path!.title, row.code).toMatch(new RegExp(`: ${row.caseStudies} case stud(y|ies)$`));
          expect(path!.level, row.code).toBeGreaterThan(0);
          expect(
            row.institutions.reduce((sum, i) => sum + i.count, 0),
            row.code,
          ).toBe(row.caseStudies);
        }
        const levels = map.rows
          .filter((r) => r.code !== "EU")
          .map((row) => [row.caseStudies, map.shaded.find((s) => s.code === row.code)!.level]);
        for (const [countA, levelA] of levels)
          for (const [countB, levelB] of levels) if (countA! > countB!) expect(levelA).toBeGreaterThanOrEqual(levelB!);

        // Markers do not hide each other.
        for (let i = 0; i < map.markers.length; i += 1) {
          for (let j = i + 1; j < map.markers.length; j += 1) {
            const a = map.markers[i]!;
            const b = map.markers[j]!;
            expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(a.r + b.r - 0.5);
          }
        }
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.cspViolations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("takes its colours from the theme, differently in light and dark", async () => {
    const colours: { marker: string; land: string; shade: string }[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, context } = await openPage(browser, "/", { colorScheme });
      const map = await readMap(page);
      colours.push({ marker: map.markerFill, land: map.landFill, shade: map.shaded.find((s) => s.level === 1)?.fill ?? "" });
      await context.close();
    }
    const [light, dark] = colours as [(typeof colours)[0], (typeof colours)[0]];
    for (const key of ["marker", "land", "shade"] as const) {
      expect(light[key], key).toMatch(/^rgb\(/);
      expect(light[key], key).not.toBe(dark[key]);
    }
    expect(light.shade).not.toBe(light.land);
  });

  it("opens an institution's page when its marker is clicked", async () => {
    const { page, context } = await openPage(browser, "/");
    try {
      const marker = page.locator("[data-map] a[data-marker]").first();
      const id = await marker.getAttribute("data-marker");
      await marker.click();
      await page.waitForURL(`**/institutions/${id}/`);
      expect((await page.locator("h1").textContent())?.trim().length).toBeGreaterThan(2);
    } finally {
      await context.close();
    }
  });

  it("lets a keyboard user reach a marker, hear its name and follow it with Enter", async () => {
    const { page, context } = await openPage(browser, "/");
    try {
      const marker = page.locator("[data-map] a[data-marker]").nth(1);
      const id = await marker.getAttribute("data-marker");
      // Tab from the element just before the map's markers.
      await page.locator("[data-map] h3").evaluate((heading) => {
        heading.setAttribute("tabindex", "-1");
        (heading as HTMLElement).focus();
      });
      let focused = "";
      for (let presses = 0; presses < 5 && focused !== id; presses += 1) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.getAttribute("data-marker") ?? "");
      }
      expect(focused).toBe(id);
      const snapshot = await page.locator("[data-map-svg]").ariaSnapshot();
      expect(snapshot).toMatch(/link ".+, .+: \d+ case stud(y|ies)"/);
      await page.keyboard.press("Enter");
      await page.waitForURL(`**/institutions/${id}/`);
    } finally {
      await context.close();
    }
  });

  it("on /institutions/ shows every institution that has case studies", async () => {
    const { page, context } = await openPage(browser, "/institutions/");
    try {
      const map = await readMap(page);
      // An institution practises a mode exactly when it has a case study.
      const withCaseStudies = await page
        .locator("[data-listing] [data-item]")
        .evaluateAll((items) => items.filter((item) => item.getAttribute("data-mode") !== "").length);
      expect(withCaseStudies).toBeGreaterThan(0);
      expect(map.markers.length + map.unplaced.length).toBe(withCaseStudies);
    } finally {
      await context.close();
    }
  });

  it("on a mode's page shows only where that mode is practised", async () => {
    const path = firstPage("modes");
    const { page, context } = await openPage(browser, path);
    try {
      const map = await readMap(page);
      const practising = await page
        .locator('section[aria-labelledby="practised"] a.chip[href^="/institutions/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      expect([...map.markers.map((m) => m.href), ...map.unplaced].sort()).toEqual([...new Set(practising)].sort());
      for (const marker of map.markers) expect(marker.title).toMatch(/in this mode$/);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe with its table open on /institutions/ and a mode page, in ${colorScheme}`, async () => {
      for (const path of ["/institutions/", firstPage("modes")]) {
        const { page, context } = await openPage(browser, path, { colorScheme });
        try {
          await page.evaluate(() =>
            document.querySelectorAll("[data-map] details").forEach((details) => ((details as HTMLDetailsElement).open = true)),
          );
          expect(await axeViolations(page), path).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }
});
