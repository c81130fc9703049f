/**
 * Budget: the matrix page's own script is at most 8 KB gzip (DESIGN.md). It counts every module
 * script the built /matrix/ page loads before interaction (inline or /_astro/ files and their
 * static imports) that a plain page such as /about/ does not load too, so site-wide scripts
 * (theme, header search) are not charged to the matrix.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const BUDGET = 8 * 1024;

/** Each script a page loads before interaction, as "file:<path>" or "inline:<code>", with its code. */
function scriptsOf(page: string): Map<string, string> {
  const html = readFileSync(join("dist", page, "index.html"), "utf8");
  const found = new Map<string, string>();
  const addFile = (path: string) => {
    if (found.has(`file:${path}`)) return;
    const file = join("dist", path);
    if (!existsSync(file)) throw new Error(`${page} loads ${path}, which is not in dist/`);
    const code = readFileSync(file, "utf8");
    found.set(`file:${path}`, code);
    // Static imports load at once; dynamic import() loads later and is not counted.
    for (const match of code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      addFile(new URL(match[1]!, `https://x${path}`).pathname);
    }
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? "";
    if (!/type="module"/.test(attributes)) continue;
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    if (src !== undefined) addFile(src);
    else {
      const code = match[2] ?? "";
      found.set(`inline:${code}`, code);
      for (const imported of code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) addFile(imported[1]!);
    }
  }
  return found;
}

describe("the matrix page's script budget", () => {
  it("stays at or under 8 KB gzip", () => {
    const shared = scriptsOf("about");
    const own = [...scriptsOf("matrix")].filter(([key]) => !shared.has(key));
    expect(own.length, "the matrix page has its own script").toBeGreaterThan(0);
    const sizes = own.map(([key, code]) => [key.slice(0, 60), gzipSync(code, { level: 9 }).length] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    expect(total, `gzip bytes: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(BUDGET);
    // The budget check is only meaningful if it measured the real script, not a stub.
    expect(total).toBeGreaterThan(1024);
  });
});
