/**
 * The coverage charts on the home page: static SVG drawn at build time, readable in both themes
 * and at phone width, with data tables that say exactly what the bars show.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CHARTS = ["institutions-per-mode", "modes-per-institution-type", "case-studies-by-decade"];

/** What one chart shows: bar keys, the numbers printed by the bars, bar sizes, and its table. */
function readChart(page: Page, id: string) {
  return page.evaluate((chartId) => {
    const figure = document.querySelector(`[data-chart="${chartId}"]`)!;
    const svg = figure.querySelector("svg")!;
    const bars = [...svg.querySelectorAll("[data-bar]")].map((group) => {
      const rect = group.querySelector("[data-chart-bar]")!.getBoundingClientRect();
      return {
        key: group.getAttribute("data-bar"),
        label: group.querySelector("[data-value-label]")!.textContent!.trim(),
        width: rect.width,
        height: rect.height,
      };
    });
    const rows = [...figure.querySelectorAll("table tbody tr")].map((row) => ({
      key: row.getAttribute("data-key"),
      category: row.querySelector("th")!.textContent!.trim(),
      value: row.querySelector("[data-value]")!.textContent!.trim(),
    }));
    const box = svg.getBoundingClientRect();
    return {
      bars,
      rows,
      svgWidth: box.width,
      svgHeight: box.height,
      name: [...(svg.getAttribute("aria-labelledby") ?? "").split(" ")]
        .map((ref) => document.getElementById(ref)?.textContent ?? "")
        .join(" "),
      role: svg.getAttribute("role"),
      fill: getComputedStyle(svg.querySelector("[data-chart-bar]")!).fill,
      overflows: figure.scrollWidth > figure.clientWidth + 1,
    };
  }, id);
}

describe("coverage charts on the home page", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`draw every chart as a named SVG image whose numbers match its table, in ${colorScheme}`, async () => {
      const { page, context, problems } = await openPage(browser, "/", { colorScheme });
      try {
        for (const id of CHARTS) {
          const chart = await readChart(page, id);
          expect(chart.role, id).toBe("img");
          expect(chart.svgWidth, id).toBeGreaterThan(200);
          expect(chart.svgHeight, id).toBeGreaterThan(100);
          expect(chart.bars.length, id).toBeGreaterThan(0);
          // The table has the same categories, in the same order, with the numbers the bars print.
          expect(
            chart.bars.map((bar) => [bar.key, bar.label]),
            id,
          ).toEqual(chart.rows.map((row) => [row.key, row.value]));
          // The description read to screen readers carries every category and value too.
          for (const row of chart.rows) expect(chart.name, id).toContain(`${row.category} ${row.value}`);
          // A bigger number is a bigger bar.
          const size = (bar: { width: number; height: number }) => (id === "case-studies-by-decade" ? bar.height : bar.width);
          const sorted = [...chart.bars].sort((a, b) => Number(a.label) - Number(b.label));
          for (let i = 1; i < sorted.length; i += 1) {
            if (Number(sorted[i]!.label) > Number(sorted[i - 1]!.label)) expect(size(sorted[i]!), id).toBeGreaterThan(size(sorted[i - 1]!));
          }
        }
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.cspViolations).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("colour the bars from the theme, differently in light and dark", async () => {
    const fills: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, context } = await openPage(browser, "/", { colorScheme });
      fills.push((await readChart(page, "institutions-per-mode")).fill);
      await context.close();
    }
    for (const fill of fills) expect(fill).toMatch(/^rgb\(/);
    expect(fills[0]).not.toBe(fills[1]);
  });

  it("fit a 390 px wide phone without scrolling sideways", async () => {
    const { page, context } = await openPage(browser, "/", { width: 390 });
    try {
      for (const id of CHARTS) {
        const chart = await readChart(page, id);
        expect(chart.overflows, id).toBe(false);
        expect(chart.svgWidth, id).toBeLessThanOrEqual(390);
        expect(Math.min(...chart.bars.map((bar) => bar.width)), id).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });

  it("are drawn without JavaScript", async () => {
    const { page, context } = await openPage(browser, "/", { javaScriptEnabled: false });
    try {
      for (const id of CHARTS) expect((await readChart(page, id)).bars.length, id).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`pass axe with their data tables open, in ${colorScheme}`, async () => {
      const { page, context } = await openPage(browser, "/", { colorScheme });
      try {
        await page.evaluate(() =>
          document
            .querySelectorAll("[data-chart] details, [data-map] details")
            .forEach((details) => ((details as HTMLDetailsElement).open = true)),
        );
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
