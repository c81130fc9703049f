/**
 * Checks over a built site directory, written as functions that return problems (empty = fine)
 * so the same code runs over dist/ and, in unit tests, over small broken sites.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every HTML page of a built site, as its URL path ("/modes/consultancy/"), skipping Pagefind's files. */
export function htmlPages(root: string): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "pagefind" && name !== "_astro") walk(full);
      } else if (name.endsWith(".html")) {
        const rel = relative(root, full).split(sep).join("/");
        out.push({
          path: rel === "index.html" ? "/" : rel.endsWith("/index.html") ? `/${rel.slice(0, -"index.html".length)}` : `/${rel}`,
          file: full,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function attributeValues(html: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((match) => match[1]!.replace(/&amp;/g, "&"));
}

/** The ids a page defines (targets of #fragments). */
export function idsOf(html: string): Set<string> {
  return new Set([...attributeValues(html, "id"), ...attributeValues(html, "name")]);
}

/** The file a site-internal URL path resolves to, as a static host would serve it; undefined if none. */
export function resolvePath(root: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidate = join(root, decoded);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, "index.html");
  return existsSync(index) ? index : undefined;
}

/**
 * Broken internal links and anchors: every href/src on every page that points inside the site
 * must resolve to a file, and a #fragment must name an id on the target page.
 */
export function brokenLinks(root: string): string[] {
  const problems: string[] = [];
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) {
      found = idsOf(readFileSync(file, "utf8"));
      idCache.set(file, found);
    }
    return found;
  };
  for (const page of htmlPages(root)) {
    const html = readFileSync(page.file, "utf8");
    const base = new URL(page.path, "https://site.invalid");
    for (const reference of [...attributeValues(html, "href"), ...attributeValues(html, "src")]) {
      if (/^(mailto:|tel:|data:|javascript:)/.test(reference)) continue;
      const url = new URL(reference, base);
      if (url.origin !== base.origin) continue;
      const target = resolvePath(root, url.pathname);
      if (target === undefined) {
        problems.push(`${page.path}: dead link to ${url.pathname}`);
        continue;
      }
      if (url.hash.length > 1 && target.endsWith(".html")) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!ids(target).has(id)) problems.push(`${page.path}: link to ${url.pathname}${url.hash} but that page has no id "${id}"`);
      }
    }
  }
  return problems;
}

/** Resources a page would load from another origin (images, scripts, styles, frames, fonts). */
export function thirdPartyResources(root: string): string[] {
  const problems: string[] = [];
  for (const page of htmlPages(root)) {
    const html = readFileSync(page.file, "utf8");
    const loaded = [
      ...attributeValues(html, "src"),
      ...attributeValues(html, "srcset").flatMap((set) => set.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "")),
      ...[...html.matchAll(/<link\b[^>]*>/g)]
        .map((match) => match[0])
        .filter((tag) => /rel="(stylesheet|preload|modulepreload|icon|manifest)"/.test(tag))
        .flatMap((tag) => attributeValues(tag, "href")),
    ];
    for (const reference of loaded) {
      if (/^(https?:)?\/\//.test(reference)) problems.push(`${page.path}: loads ${reference} from another origin`);
    }
  }
  return problems;
}

/** The page's CSP from its <meta> tag. */
export function pageCsp(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1]?.replace(/&#39;/g, "'");
}

/**
 * Inline scripts the page's CSP would block: a <script> with a body and no src must be a data
 * island (JSON) or have its sha256 hash listed in script-src.
 */
export function unhashedInlineScripts(root: string): string[] {
  const problems: string[] = [];
  for (const page of htmlPages(root)) {
    const html = readFileSync(page.file, "utf8");
    const csp = pageCsp(html) ?? "";
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attributes = match[1] ?? "";
      const body = match[2] ?? "";
      if (/\ssrc=/.test(attributes) || body.trim() === "") continue;
      if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
      const hash = `sha256-${createHash("sha256").update(body).digest("base64")}`;
      if (!csp.includes(hash)) problems.push(`${page.path}: inline script not allowed by the CSP (${body.trim().slice(0, 60)}…)`);
    }
    if (/\son[a-z]+="/i.test(html.replace(/<script[\s\S]*?<\/script>/g, "")))
      problems.push(`${page.path}: inline event handler attribute (blocked by the CSP)`);
    if (/<[a-z][^>]*\sstyle="/i.test(html.replace(/<svg[\s\S]*?<\/svg>/g, "")))
      problems.push(`${page.path}: style="" attribute (blocked by the CSP)`);
  }
  return problems;
}

/** URLs a sitemap lists, as paths. */
export function sitemapPaths(root: string): string[] {
  const files = readdirSync(root).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  return files.flatMap((name) =>
    [...readFileSync(join(root, name), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
  );
}

/** Pages meant for the sitemap: all but the 404 page and pages that ask not to be indexed (redirects). */
export function indexablePages(root: string): string[] {
  return htmlPages(root)
    .filter((page) => page.path !== "/404.html")
    .filter((page) => !/<meta name="robots" content="noindex/.test(readFileSync(page.file, "utf8")))
    .map((page) => page.path);
}

/** A fingerprint of every file of a directory: path → sha256. */
export function fingerprint(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(root, full).split(sep).join("/"), createHash("sha256").update(readFileSync(full)).digest("hex"));
    }
  };
  walk(root);
  return out;
}
