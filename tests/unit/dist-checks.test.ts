/**
 * The dist/ checks must catch what they claim to: each test builds a tiny site with one deliberate
 * mistake and asserts the message names the page and the problem.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { HtmlValidate } from "html-validate";
import { brokenLinks, indexablePages, sitemapPaths, thirdPartyResources, unhashedInlineScripts } from "../helpers/dist-checks";
import { initialWeight } from "../helpers/page-weight";

const page = (body: string, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><meta http-equiv="content-security-policy" content="script-src 'self'">${head}</head><body>${body}</body></html>`;

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "atlas-dist-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe("dist checks", () => {
  it("pass on a clean site", () => {
    const root = site({ "index.html": page('<a href="/a/#x">a</a>'), "a/index.html": page('<h2 id="x">X</h2>') });
    expect(brokenLinks(root)).toEqual([]);
    expect(thirdPartyResources(root)).toEqual([]);
    expect(unhashedInlineScripts(root)).toEqual([]);
  });

  it("name the page and the target of a dead link", () => {
    const root = site({ "index.html": page('<a href="/gone/">gone</a>') });
    expect(brokenLinks(root)).toEqual(["/: dead link to /gone/"]);
  });

  it("name a link to an anchor that does not exist", () => {
    const root = site({ "index.html": page('<a href="/a/#missing">a</a>'), "a/index.html": page("<p>no ids</p>") });
    expect(brokenLinks(root)).toEqual(['/: link to /a/#missing but that page has no id "missing"']);
  });

  it("catch an external image", () => {
    const root = site({ "index.html": page('<img src="https://cdn.example.com/x.png" alt="x">') });
    expect(thirdPartyResources(root)).toEqual(["/: loads https://cdn.example.com/x.png from another origin"]);
  });

  it("catch an inline script the CSP does not allow, and an inline handler", () => {
    const root = site({ "index.html": page('<script>alert(1)</script><button onclick="go()">b</button>') });
    expect(unhashedInlineScripts(root)).toEqual([
      "/: inline script not allowed by the CSP (alert(1)…)",
      "/: inline event handler attribute (blocked by the CSP)",
    ]);
  });

  it("let JSON data islands through", () => {
    const root = site({ "index.html": page('<script type="application/json">{"a":1}</script>') });
    expect(unhashedInlineScripts(root)).toEqual([]);
  });

  it("catch an image without alt text (html-validate)", async () => {
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(page('<img src="/x.png">'));
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toContain("wcag/h37");
  });

  it("read the sitemap and leave redirect pages out of what it must list", () => {
    const root = site({
      "index.html": page("home"),
      "old/index.html": page("moved", '<meta name="robots" content="noindex">'),
      "sitemap-0.xml": "<urlset><url><loc>https://x.org/</loc></url></urlset>",
    });
    expect(sitemapPaths(root)).toEqual(["/"]);
    expect(indexablePages(root)).toEqual(["/"]);
  });

  it("weigh a page with its stylesheet and start-up script, gzipped", () => {
    const root = site({
      "index.html": page("<p>hi</p>", '<link rel="stylesheet" href="/a.css"><script type="module" src="/a.js"></script>'),
      "a.css": "body{color:red}".repeat(100),
      "a.js": "console.log(1);".repeat(100),
    });
    const weight = initialWeight(root, "/");
    expect(weight.css).toBeGreaterThan(0);
    expect(weight.js).toBeGreaterThan(0);
    expect(weight.total).toBe(weight.html + weight.css + weight.js);
  });
});
