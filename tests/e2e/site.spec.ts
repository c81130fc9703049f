/** Site-wide behaviour: theme, skip link, keyboard path, narrow screens, entry-page content. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, openPage } from "./browser";
import { firstPage } from "./site-map";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("theme", () => {
  it("follows the system, and a chosen theme persists across pages without a flash", async () => {
    const { page, context } = await openPage(browser, "/", { colorScheme: "light" });
    try {
      expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("light");
      await page.locator("[data-theme-toggle]").click();
      expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
      expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("true");
      // On the next page the theme is set by the head script before any stylesheet or body renders.
      await page.route("**/*", (route) => route.continue());
      const themeAtFirstParse: string[] = [];
      await page.exposeFunction("recordTheme", (theme: string) => themeAtFirstParse.push(theme));
      await page.addInitScript(() => {
        document.addEventListener("readystatechange", () => {
          if (document.readyState === "interactive")
            (window as unknown as { recordTheme: (t: string) => void }).recordTheme(document.documentElement.dataset["theme"] ?? "");
        });
      });
      await page.goto(new URL("/modes/", page.url()).href);
      expect(themeAtFirstParse[0]).toBe("dark");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe("rgb(251, 250, 247)");
    } finally {
      await context.close();
    }
  });
});

describe("keyboard", () => {
  it("offers a skip link first, which moves focus to the main content", async () => {
    const { page, context } = await openPage(browser, "/case-studies/");
    try {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Skip to main content");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    } finally {
      await context.close();
    }
  });

  it("reaches the navigation, the search box and the theme toggle by Tab, with a visible focus ring", async () => {
    const { page, context } = await openPage(browser, "/");
    try {
      const seen: string[] = [];
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press("Tab");
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const style = el ? getComputedStyle(el) : null;
          return {
            label: el?.getAttribute("aria-label") || el?.id || el?.textContent?.trim() || "",
            outline: style?.outlineStyle ?? "none",
          };
        });
        seen.push(info.label);
        expect(info.outline, `focus ring on ${info.label}`).not.toBe("none");
      }
      expect(seen, seen.join(" | ")).toContain("Matrix");
      expect(seen).toContain("header-search");
      expect(seen).toContain("Dark theme");
    } finally {
      await context.close();
    }
  });
});

describe("narrow screens", () => {
  for (const path of ["/", "/case-studies/", "/modes/"]) {
    it(`${path} fits a 360 px wide screen without sideways scrolling`, async () => {
      const { page, context } = await openPage(browser, path, { width: 360 });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      } finally {
        await context.close();
      }
    });
  }
  it("a case-study page fits 360 px", async () => {
    const { page, context } = await openPage(browser, firstPage("case-studies"), { width: 360 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
});

describe("entry pages", () => {
  it("a case study shows its institution and modes as links, status, years, audiences, funding, sources and review date", async () => {
    const { page, context } = await openPage(browser, "/case-studies/ifd-industrial-phd/");
    try {
      await expect.poll(() => page.locator('main a[href="/institutions/innovation-fund-denmark/"]').count()).toBeGreaterThan(0);
      expect(await page.locator('main a[href="/modes/industrial-phd/"]').count()).toBeGreaterThan(0);
      const text = await page.locator("main").innerText();
      for (const label of ["Status", "For", "Funding", "Sources", "Last reviewed", "Confirmed by the EURAXESS engagement toolkit"])
        expect(text).toContain(label);
      expect(await page.locator("#sources + ol li a[href^='https://']").count()).toBeGreaterThan(0);
      expect(await page.locator("[data-edit-link]").getAttribute("href")).toMatch(
        /\/edit\/main\/content\/case-studies\/ifd-industrial-phd\.mdx$/,
      );
    } finally {
      await context.close();
    }
  });

  it("an institution page lists its case studies and the modes it practises, computed from content", async () => {
    const { page, context } = await openPage(browser, "/institutions/innovation-fund-denmark/");
    try {
      expect(await page.locator('#case-studies ~ div a[href="/case-studies/ifd-industrial-phd/"]').count()).toBe(1);
      expect(await page.locator('main dd a[href="/modes/industrial-phd/"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("a mode page lists the institutions and case studies that practise it", async () => {
    const { page, context } = await openPage(browser, "/modes/industrial-phd/");
    try {
      expect(await page.locator('#practised ~ ul a[href="/institutions/innovation-fund-denmark/"]').count()).toBe(1);
      expect(await page.locator('a[href="/case-studies/ifd-industrial-phd/"]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe("print", () => {
  it("prints an entry page on white with its address and the print date, without header and footer", async () => {
    const { page, context } = await openPage(browser, "/case-studies/ifd-industrial-phd/", { colorScheme: "dark" });
    try {
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("header[data-site-header]").isVisible()).toBe(false);
      expect(await page.locator("footer[data-site-footer]").isVisible()).toBe(false);
      const line = page.locator(".print-only");
      expect(await line.isVisible()).toBe(true);
      expect(await line.innerText()).toMatch(/\/case-studies\/ifd-industrial-phd\/, printed \d{4}-\d{2}-\d{2}/);
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    } finally {
      await context.close();
    }
  });
});
