import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolvePath } from "./dist-checks";

/** Gzip size (level 9, what static hosts send at best) of a buffer or string. */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * What a page costs before any interaction: its HTML, the stylesheets it links and the scripts it
 * loads at start (module scripts with src and modulepreloads), each gzipped. Scripts loaded only
 * on use (dynamic imports such as Pagefind) are not counted.
 */
export function initialWeight(root: string, pagePath: string): { html: number; css: number; js: number; total: number; files: string[] } {
  const file = resolvePath(root, pagePath);
  if (file === undefined) throw new Error(`no page at ${pagePath}`);
  const html = readFileSync(file, "utf8");
  const css: string[] = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? "");
  const js: string[] = [
    ...[...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? ""),
  ];
  const size = (href: string) => {
    const target = resolvePath(root, new URL(href, `https://site.invalid${pagePath}`).pathname);
    if (target === undefined) throw new Error(`${pagePath} links ${href}, which is missing`);
    return gzipBytes(readFileSync(target));
  };
  const cssBytes = css.reduce((sum, href) => sum + size(href), 0);
  const jsBytes = [...new Set(js)].reduce((sum, href) => sum + size(href), 0);
  const htmlBytes = gzipBytes(html);
  return { html: htmlBytes, css: cssBytes, js: jsBytes, total: htmlBytes + cssBytes + jsBytes, files: [...css, ...js] };
}
