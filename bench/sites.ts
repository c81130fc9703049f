/**
 * The three sites the benchmark builds from one generated corpus, each in its own folder under
 * bench/.work/ so that nothing it does touches the repository's own dist/, .astro/ or caches (other
 * builds may run in the repository at the same time):
 *
 * - ours: a snapshot of this repository's site (src/, public/, scripts/, the top-level files) with the
 *   corpus as its content/;
 * - plain: Astro 7 + MDX as baselines.md §1 describes it — a glob() collection, one `[...slug].astro`
 *   route, a small layout with `<article data-pagefind-body>`, a /search/ page with Pagefind's Default UI;
 * - starlight: Astro Starlight with docsLoader()/docsSchema() and its built-in Pagefind search.
 *
 * Ours and plain get a node_modules/ of symlinks to this repository's packages, so each has its own
 * node_modules/.astro and .vite caches; Starlight builds inside bench/.work/starlight-deps/, where npm
 * installed it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePeerPages, type CorpusOptions } from "./generate";

export const REPO = fileURLToPath(new URL("..", import.meta.url));
export const WORK = join(REPO, "bench", ".work");
export const NODE_BIN = join(REPO, "node_modules", ".bin");
/** The Starlight version measured (baselines.md measured 0.42.4, the latest that supports Astro 7 at the time). */
export const STARLIGHT_VERSION = "0.42.4";
const STARLIGHT_DEPS = join(WORK, "starlight-deps");

export type SiteName = "ours" | "plain" | "starlight";

/** A site ready to build: its root folder, its build steps and where its output goes. */
export interface Site {
  name: SiteName;
  root: string;
  dist: string;
  /** Commands run in order with `root` as working directory (argv, first item resolved on PATH = NODE_BIN first). */
  steps: { label: string; argv: string[] }[];
  env: Record<string, string>;
}

/** A node_modules/ whose entries are symlinks to another one (caches stay local to the site). */
function linkNodeModules(root: string, from: string): void {
  const target = join(root, "node_modules");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name === ".astro" || name === ".vite" || name === ".cache" || name === ".package-lock.json") continue;
    symlinkSync(join(from, name), join(target, name));
  }
}

/** Copies this repository's site (not its content, tests or caches) into `root`. */
function snapshotOurs(root: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(REPO)) {
    const path = join(REPO, name);
    const stat = lstatSync(path);
    // In a git worktree .git is a file pointing at the main repository: not part of the site.
    if (stat.isFile() && name !== ".git") cpSync(path, join(root, name));
  }
  for (const dir of ["src", "public", "scripts"]) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  linkNodeModules(root, join(REPO, "node_modules"));
}

/**
 * Our site at this size: a fresh snapshot of the repository whose content/ folder is the corpus,
 * exactly where a real site keeps it (so Tailwind's source scan sees it as it would see a real
 * content/). The empty .git folder marks the snapshot as a project root, so tools that honour
 * .gitignore treat node_modules/ and dist/ as they do in the repository; without it Tailwind's
 * scanner walks the symlinked node_modules (~60,000 files) on every CSS build.
 */
export function prepareOurs(size: string): Site {
  const root = join(WORK, `ours-${size}`);
  snapshotOurs(root);
  mkdirSync(join(root, ".git"));
  return {
    name: "ours",
    root,
    dist: join(root, "dist"),
    steps: [
      { label: "astro build", argv: ["astro", "build"] },
      // The second half of `npm run build`: Pagefind over the indexed pages, then the sort index.
      { label: "pagefind", argv: ["node", "scripts/index-search.mjs", "dist"] },
    ],
    env: { ATLAS_CONTENT_DIR: "content" },
  };
}

const PLAIN_LAYOUT = `---
const { title, description } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <style is:global>
      body { font-family: system-ui, sans-serif; line-height: 1.6; max-width: 42rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
      a { color: #0645ad; text-decoration: underline; }
      header, footer { padding: 0.5rem 0; border-bottom: 1px solid #ddd; }
      footer { border-top: 1px solid #ddd; border-bottom: 0; margin-top: 2rem; }
    </style>
  </head>
  <body>
    <header><a href="/">Bench site</a> · <a href="/search/">Search</a></header>
    <main><slot /></main>
    <footer>Generated for the benchmark.</footer>
  </body>
</html>
`;

/** The plain Astro 7 + MDX site of baselines.md §1, with the corpus as its pages. */
export function preparePlain(size: string, options: CorpusOptions): Site {
  const root = join(WORK, `plain-${size}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "src", "pages"), { recursive: true });
  mkdirSync(join(root, "src", "layouts"), { recursive: true });
  mkdirSync(join(root, "public"), { recursive: true });
  writePeerPages(join(root, "src", "content", "pages"), options);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "bench-plain", private: true, type: "module" }, null, 2),
    "tsconfig.json": JSON.stringify({ extends: "astro/tsconfigs/strict", include: [".astro/types.d.ts", "**/*"], exclude: ["dist"] }),
    "astro.config.mjs": `import { defineConfig } from "astro/config";\nimport mdx from "@astrojs/mdx";\nexport default defineConfig({ integrations: [mdx()] });\n`,
    "src/content.config.ts": `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
export const collections = {
  pages: defineCollection({ loader: glob({ base: "./src/content/pages", pattern: "**/*.mdx" }), schema: z.object({ title: z.string(), description: z.string() }) }),
};
`,
    "src/layouts/Layout.astro": PLAIN_LAYOUT,
    "src/pages/[...slug].astro": `---
import { getCollection, render } from "astro:content";
import Layout from "../layouts/Layout.astro";
export async function getStaticPaths() {
  const pages = await getCollection("pages");
  return pages.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title} description={entry.data.description}>
  <article data-pagefind-body>
    <h1>{entry.data.title}</h1>
    <Content />
  </article>
</Layout>
`,
    "src/pages/index.astro": `---
import { getCollection } from "astro:content";
import Layout from "../layouts/Layout.astro";
const pages = (await getCollection("pages")).slice(0, 30);
---
<Layout title="Bench site" description="A plain Astro + MDX site built from the benchmark corpus.">
  <h1>Bench site</h1>
  <ul>{pages.map((entry) => <li><a href={\`/\${entry.id}/\`}>{entry.data.title}</a></li>)}</ul>
</Layout>
`,
    // Pagefind's Default UI as its docs show it; debounce 0 so the timing is the search itself (baselines.md §5.3).
    "src/pages/search.astro": `---
import Layout from "../layouts/Layout.astro";
---
<Layout title="Search" description="Search the bench site.">
  <link href="/pagefind/pagefind-ui.css" rel="stylesheet" />
  <h1>Search</h1>
  <div id="search"></div>
  <script is:inline src="/pagefind/pagefind-ui.js"></script>
  <script is:inline>
    window.addEventListener("DOMContentLoaded", () => {
      new PagefindUI({ element: "#search", showSubResults: false, debounceTimeoutMs: 0 });
    });
  </script>
</Layout>
`,
    "public/favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#0645ad"/></svg>\n`,
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  linkNodeModules(root, join(REPO, "node_modules"));
  return {
    name: "plain",
    root,
    dist: join(root, "dist"),
    steps: [
      { label: "astro build", argv: ["astro", "build"] },
      { label: "pagefind", argv: ["pagefind", "--site", "dist"] },
    ],
    env: {},
  };
}

/** Installs @astrojs/starlight (and the same Astro as ours) once into bench/.work/starlight-deps/. */
export function ensureStarlightDeps(log: (line: string) => void): void {
  const astroVersion = (JSON.parse(readFileSync(join(REPO, "node_modules", "astro", "package.json"), "utf8")) as { version: string })
    .version;
  const installed = join(STARLIGHT_DEPS, "node_modules", "@astrojs", "starlight", "package.json");
  if (existsSync(installed)) {
    const version = (JSON.parse(readFileSync(installed, "utf8")) as { version: string }).version;
    if (version === STARLIGHT_VERSION) return;
  }
  log(`Installing @astrojs/starlight@${STARLIGHT_VERSION} and astro@${astroVersion} into ${STARLIGHT_DEPS} (npm, once)…`);
  mkdirSync(STARLIGHT_DEPS, { recursive: true });
  writeFileSync(
    join(STARLIGHT_DEPS, "package.json"),
    JSON.stringify(
      {
        name: "bench-starlight-deps",
        private: true,
        type: "module",
        dependencies: { "@astrojs/starlight": STARLIGHT_VERSION, astro: astroVersion },
      },
      null,
      2,
    ),
  );
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: STARLIGHT_DEPS, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm install of Starlight failed (it needs the npm registry)");
}

/**
 * Starlight with its built-in Pagefind search. The sidebar is the modes and guides (autogenerated)
 * plus one link per collection: Starlight's default sidebar lists every page on every page, which at
 * 3,000–12,000 pages makes each page megabytes and the build quadratic — no real site that size ships
 * it, and it would flatter our ratios. Stated in the report.
 */
export function prepareStarlight(options: CorpusOptions): Site {
  // Built inside the install folder itself, with its real node_modules: Starlight's modules must be
  // bundled by Vite (they import astro:* modules), which goes wrong when they are reached through symlinks.
  const root = STARLIGHT_DEPS;
  for (const name of ["src", "public", "dist", ".astro", "astro.config.mjs", "tsconfig.json"])
    rmSync(join(root, name), { recursive: true, force: true });
  mkdirSync(join(root, "src", "content"), { recursive: true });
  mkdirSync(join(root, "public"), { recursive: true });
  const docs = join(root, "src", "content", "docs");
  writePeerPages(docs, options);
  const first = (folder: string) =>
    readdirSync(join(docs, folder))
      .sort()[0]!
      .replace(/\.mdx$/, "");
  const sidebar = [
    { label: "Modes", items: [{ autogenerate: { directory: "modes" } }] },
    { label: "Guides", items: [{ autogenerate: { directory: "guides" } }] },
    { label: "Case studies", link: `/case-studies/${first("case-studies")}/` },
    { label: "Institutions", link: `/institutions/${first("institutions")}/` },
  ];
  const files: Record<string, string> = {
    "tsconfig.json": JSON.stringify({ extends: "astro/tsconfigs/strict", include: [".astro/types.d.ts", "**/*"], exclude: ["dist"] }),
    "astro.config.mjs": `import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
export default defineConfig({ integrations: [starlight({ title: "Bench site", sidebar: ${JSON.stringify(sidebar)} })] });
`,
    "src/content.config.ts": `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    "src/content/docs/index.mdx": `---\ntitle: Bench site\ndescription: A Starlight site built from the benchmark corpus.\n---\n\nThe benchmark corpus as a Starlight site.\n`,
    "public/favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#0645ad"/></svg>\n`,
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return {
    name: "starlight",
    root,
    dist: join(root, "dist"),
    // Starlight runs Pagefind itself at the end of astro build.
    steps: [{ label: "astro build (incl. Pagefind)", argv: ["astro", "build"] }],
    env: {},
  };
}
