/**
 * Social cards: every entry page and the matrix name an Open Graph image by absolute URL, and that
 * URL is served from the built site as a 1200×630 PNG.
 */
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

function entryPages(): string[] {
  const pages = ["/matrix/"];
  for (const route of ["case-studies", "institutions", "modes", "guides"]) {
    for (const entry of readdirSync(join("dist", route), { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join("dist", route, entry.name, "index.html"))) pages.push(`/${route}/${entry.name}/`);
    }
  }
  return pages;
}

function meta(html: string, property: string): string | undefined {
  const tag = [...html.matchAll(/<meta\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`property="${property}"`) || t.includes(`name="${property}"`));
  return tag === undefined ? undefined : /content="([^"]*)"/.exec(tag)?.[1];
}

describe("social cards", () => {
  const pages = entryPages();

  it("exist for every entry page and the matrix", () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it("are named by every entry page's meta, absolute, with size and alt text, and served as 1200×630 PNGs", async () => {
    const missing: string[] = [];
    for (const path of pages) {
      const html = await (await fetch(new URL(path, baseUrl()))).text();
      const image = meta(html, "og:image");
      if (image === undefined) {
        missing.push(`${path}: no og:image`);
        continue;
      }
      const url = new URL(image);
      expect(url.protocol, path).toBe("https:");
      expect(meta(html, "og:image:width"), path).toBe("1200");
      expect(meta(html, "og:image:height"), path).toBe("630");
      expect((meta(html, "og:image:alt") ?? "").length, path).toBeGreaterThan(10);
      expect(meta(html, "twitter:card"), path).toBe("summary_large_image");
      const response = await fetch(new URL(url.pathname, baseUrl()));
      if (!response.ok) {
        missing.push(`${path}: ${url.pathname} → ${response.status}`);
        continue;
      }
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.toString("latin1", 1, 4), url.pathname).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], url.pathname).toEqual([1200, 630]);
    }
    expect(missing).toEqual([]);
  });
});
