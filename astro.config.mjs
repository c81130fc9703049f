// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import site from "./site.config.json" with { type: "json" };
import { atlasIntegration } from "./src/integrations/atlas.ts";
import { pagefindDevIntegration } from "./src/integrations/pagefind-dev.ts";
import { aliasPaths } from "./src/integrations/redirects.ts";
import { CONTENT_DIR } from "./src/content-dir.ts";

// The one inline script (theme before first paint) is allowed by its hash, computed from the file
// the layout inlines, so the two can never drift apart.
const themeInit = readFileSync(new URL("./src/scripts/theme-init.js", import.meta.url), "utf8");
const themeInitHash = `sha256-${createHash("sha256").update(themeInit).digest("base64")}`;

// Old addresses of renamed entries are redirect pages (src/pages/[collection]/[alias].astro): not for the sitemap.
const redirectPaths = aliasPaths(CONTENT_DIR);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.siteUrl,
  trailingSlash: "always",
  build: { format: "directory" },
  // No code blocks in the content; Shiki would add inline styles that a strict CSP forbids.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !redirectPaths.has(new URL(page).pathname) }),
    atlasIntegration(),
    pagefindDevIntegration(),
  ],
  // The benchmark's generated sites (bench/.work/, tens of thousands of files) are not the dev server's to watch.
  vite: { plugins: [tailwindcss()], server: { watch: { ignored: ["**/bench/.work/**"] } } },
  devToolbar: { enabled: false },
  security: {
    // One strict policy on every page: Astro hashes its own inlined scripts and styles, nothing
    // inline is allowed otherwise. Pagefind runs its wasm in a same-origin worker
    // ('wasm-unsafe-eval', worker-src 'self'); see shared/research/baselines.md §6.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [/** @type {`sha256-${string}`} */ (themeInitHash)] },
    },
  },
});
