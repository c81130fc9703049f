/**
 * `npm run bench` — the scale benchmark of issue 8. For each size (1,000 and 10,000 case studies over
 * 2,000 institutions) it generates a corpus (bench/generate.ts), checks it with our own schemas, and
 * builds it three ways (bench/sites.ts): our site, a plain Astro 7 + MDX site and a Starlight site.
 * For each build it measures clean-build wall time, ms per page, peak memory, dist and Pagefind size;
 * then, in headless Chromium, the bytes and time of a first search, a second search, the matrix
 * re-filter time (ours) and the page weight of each page type. Every figure in the results comes from
 * the run that wrote them. Results: bench/results/<date>.json and .md, and the README's Benchmark section.
 *
 * `npm run bench:smoke` — 100 case studies over 40 institutions, our site only, fewer repetitions; checks
 * that every step works and writes to bench/.work/smoke/ (not to bench/results/ or the README).
 *
 * Options: --sizes 1000,10000  --sites ours,plain,starlight  --institutions 2000  --builds 1000:1,10000:1 (size:clean builds; the median is reported)
 *          --search-runs 5  --matrix-runs 40  --warmup 1  --no-readme  --out <dir>
 *          --report <result.json>   (re-render the Markdown/README from a saved result; measures nothing)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkContentFiles } from "../src/utils/content-check";
import { buildMatrix } from "../src/utils/matrix";
import { matrixView, parseViewState, viewFacetCounts } from "../src/utils/matrix-view";
import { readContent } from "../scripts/lib/content-files";
import { cleanBuild, distStats, ensureTime, type BuildResult, type DistStats } from "./build";
import {
  launchBrowser,
  measureMatrix,
  measurePageWeight,
  measureSearch,
  median,
  serveCounting,
  type MatrixMeasurement,
  type PageWeight,
  type SearchMeasurement,
} from "./browser";
import { PROBE_COMMON, PROBE_RARE, writeCorpus, type CorpusSummary } from "./generate";
import { evaluateTargets, renderMarkdown, updateReadme, type TargetResult } from "./report";
import {
  ensureStarlightDeps,
  prepareOurs,
  preparePlain,
  prepareStarlight,
  REPO,
  STARLIGHT_VERSION,
  WORK,
  type Site,
  type SiteName,
} from "./sites";

export interface SiteRun {
  site: SiteName;
  builds: BuildResult[];
  /** Median of the clean builds' wall times (s). */
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  dist: DistStats;
  /** Wall ms per HTML page written. */
  msPerPage: number;
  /** Wall ms per content entry (the same for all three sites). */
  msPerEntry: number;
  search?: SearchMeasurement;
  /** Ours: one more build, clean except for the Open Graph card cache the clean builds filled. */
  warmCards?: BuildResult;
  matrix?: MatrixMeasurement;
  weights: Record<string, PageWeight>;
}

export interface SizeRun {
  caseStudies: number;
  corpus: CorpusSummary;
  corpusCheck: { files: number; issues: number; seconds: number };
  /** Our filtering code (src/utils/matrix-view.ts) timed in Node on this corpus's matrix. */
  matrixNode?: { institutions: number; medianMs: number; p95Ms: number; runs: number };
  sites: SiteRun[];
  /** Sites whose build or measurement failed at this size, with the error. */
  failures?: { site: SiteName; error: string }[];
}

export interface BenchResult {
  date: string;
  kind: "full" | "smoke" | "partial";
  machine: Record<string, string | number>;
  versions: Record<string, string>;
  settings: Record<string, unknown>;
  sizes: SizeRun[];
  checks: { name: string; ok: boolean; detail: string }[];
  targets?: TargetResult[];
}

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    sizes: { type: "string" },
    sites: { type: "string" },
    institutions: { type: "string" },
    builds: { type: "string" },
    "search-runs": { type: "string" },
    "matrix-runs": { type: "string" },
    warmup: { type: "string" },
    "no-readme": { type: "boolean", default: false },
    out: { type: "string" },
    report: { type: "string" },
  },
});

const smoke = args.smoke ?? false;
const sizes = (args.sizes ?? (smoke ? "100" : "1000,10000")).split(",").map(Number);
const siteNames = (args.sites ?? (smoke ? "ours" : "ours,plain,starlight")).split(",") as SiteName[];
const institutions = Number(args.institutions ?? (smoke ? 40 : 2000));
const buildCounts = new Map(
  (args.builds ?? (smoke ? "100:1" : "1000:1,10000:1")).split(",").map((pair) => pair.split(":").map(Number) as [number, number]),
);
const searchRuns = Number(args["search-runs"] ?? (smoke ? 1 : 5));
const matrixRuns = Number(args["matrix-runs"] ?? (smoke ? 12 : 24));
// Untimed builds of each site before its first timed one: the first build after generating a corpus
// reads everything from a cold file cache (42 s against 33 s at 1,000 in one run), and ours is built first.
const warmups = Number(args.warmup ?? (smoke ? 0 : 1));
const full = !smoke && args.sizes === undefined && args.sites === undefined && args.institutions === undefined;
const outDir = resolve(args.out ?? (smoke ? join(WORK, "smoke") : join(REPO, "bench", "results")));
const started = Date.now();

function log(line: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  console.log(`[bench ${elapsed}s] ${line}`);
}

const checks: BenchResult["checks"] = [];
function check(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
  log(`${ok ? "✓" : "✗"} ${name}: ${detail}`);
}

function version(path: string): string {
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

/** Our filtering code timed in Node: the same functions the matrix page runs, without the DOM. */
function matrixInNode(input: ReturnType<typeof checkContentFiles>["input"], runs: number): NonNullable<SizeRun["matrixNode"]> {
  const matrix = buildMatrix(input);
  const first = matrix.rows[0];
  const states = [
    "mode=industrial-phd",
    `country=${first?.country ?? "DE"}`,
    "type=university",
    "status=active",
    "q=univ",
    "mode=consultancy&type=research-funder",
    "",
  ].map((query) => parseViewState(query));
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const state = states[i % states.length]!;
    const t0 = performance.now();
    matrixView(matrix, state, {});
    viewFacetCounts(matrix.rows, state);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { institutions: matrix.rows.length, medianMs: median(times), p95Ms: sorted[Math.ceil(0.95 * sorted.length) - 1]!, runs };
}

/** First entry of a built section, e.g. the first case study's path. */
function firstPath(dist: string, section: string): string | undefined {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "index.html")))
    .map((entry) => entry.name)
    .sort()[0];
  return name === undefined ? undefined : `/${section}/${name}/`;
}

function firstCell(dist: string): string | undefined {
  const dir = join(dist, "matrix");
  if (!existsSync(dir)) return undefined;
  for (const institution of readdirSync(dir).sort()) {
    const inner = join(dir, institution);
    if (!existsSync(inner) || institution === "index.html") continue;
    const mode = readdirSync(inner).sort()[0];
    if (mode !== undefined && existsSync(join(inner, mode, "index.html"))) return `/matrix/${institution}/${mode}/`;
  }
  return undefined;
}

async function measureSite(site: Site, size: number, entries: number, casePath: string | undefined): Promise<SiteRun> {
  const count = buildCounts.get(size) ?? 1;
  if (size === sizes[0]) {
    for (let i = 0; i < warmups; i += 1) {
      log(`${site.name}-${size}: warm-up build ${i + 1}/${warmups} (not timed)…`);
      cleanBuild(site, join(WORK, `${site.name}-${size}.build-warmup-${i + 1}.log`));
    }
  }
  const builds: BuildResult[] = [];
  for (let i = 0; i < count; i += 1) {
    log(`${site.name}-${size}: clean build ${i + 1}/${count}…`);
    const build = cleanBuild(site, join(WORK, `${site.name}-${size}.build-${i + 1}.log`));
    log(`${site.name}-${size}: ${build.wallSeconds.toFixed(1)} s wall, ${build.peakRssMB.toFixed(0)} MB peak`);
    builds.push(build);
  }
  let warmCards: BuildResult | undefined;
  if (site.name === "ours") {
    log(`${site.name}-${size}: build with the Open Graph card cache restored…`);
    warmCards = cleanBuild(site, join(WORK, `${site.name}-${size}.build-warm-cards.log`), true);
    log(`${site.name}-${size}: ${warmCards.wallSeconds.toFixed(1)} s wall with the card cache, ${warmCards.peakRssMB.toFixed(0)} MB peak`);
  }
  const typical = [...builds].sort((a, b) => a.wallSeconds - b.wallSeconds)[builds.length >> 1]!;
  const dist = distStats(site.dist, typical.log);
  const wallSeconds = median(builds.map((b) => b.wallSeconds));
  const run: SiteRun = {
    site: site.name,
    builds,
    wallSeconds,
    cpuSeconds: median(builds.map((b) => b.cpuSeconds)),
    peakRssMB: Math.max(...builds.map((b) => b.peakRssMB)),
    dist,
    msPerPage: (wallSeconds * 1000) / dist.htmlPages,
    msPerEntry: (wallSeconds * 1000) / entries,
    weights: {},
    ...(warmCards === undefined ? {} : { warmCards }),
  };

  const served = await serveCounting(site.dist);
  const browser = await launchBrowser();
  try {
    const content = casePath ?? firstPath(site.dist, "case-studies") ?? "/";
    log(`${site.name}-${size}: search (${searchRuns} fresh contexts × cold/prepared)…`);
    run.search = await measureSearch(browser, served, site.name, content, {
      runs: searchRuns,
      query: PROBE_RARE,
      secondQuery: PROBE_COMMON,
      settleMs: smoke ? 300 : 1000,
    });
    log(
      `${site.name}-${size}: first search ${run.search.cold.medianMs.toFixed(0)} ms cold, ${run.search.prepared.medianMs.toFixed(0)} ms prepared, ${(run.search.bytes.median / 1024).toFixed(1)} KB`,
    );
    if (site.name === "ours") {
      log(`${site.name}-${size}: matrix re-filter (${matrixRuns} runs)…`);
      run.matrix = await measureMatrix(browser, served, matrixRuns);
      log(
        `${site.name}-${size}: matrix re-filter median ${run.matrix.handler.medianMs.toFixed(1)} ms (${run.matrix.institutions} institutions)`,
      );
    }
    const types: Record<string, string | undefined> =
      site.name === "ours"
        ? {
            home: "/",
            matrix: "/matrix/",
            "matrix cell": firstCell(site.dist),
            "case study": content,
            institution: firstPath(site.dist, "institutions"),
            mode: firstPath(site.dist, "modes"),
            guide: firstPath(site.dist, "guides"),
            "case-study listing": "/case-studies/",
            "institution listing": "/institutions/",
            "mode listing": "/modes/",
            "guide listing": "/guides/",
            search: "/search/",
            compare: existsSync(join(site.dist, "compare", "index.html")) ? "/compare/" : undefined,
          }
        : site.name === "plain"
          ? { home: "/", "case study": content, search: "/search/" }
          : { home: "/", "case study": content };
    for (const [type, path] of Object.entries(types)) {
      if (path === undefined) continue;
      run.weights[type] = await measurePageWeight(browser, served, path, smoke ? 300 : 2000);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return run;
}

async function main(): Promise<void> {
  ensureTime(log);
  if (siteNames.includes("starlight")) ensureStarlightDeps(log);
  mkdirSync(WORK, { recursive: true });
  const result: BenchResult = {
    date: new Date().toISOString().slice(0, 10),
    kind: smoke ? "smoke" : full ? "full" : "partial",
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    versions: {
      astro: version(join(REPO, "node_modules/astro/package.json")),
      "@astrojs/mdx": version(join(REPO, "node_modules/@astrojs/mdx/package.json")),
      pagefind: version(join(REPO, "node_modules/pagefind/package.json")),
      "@astrojs/starlight": siteNames.includes("starlight")
        ? version(join(WORK, "starlight-deps/node_modules/@astrojs/starlight/package.json"))
        : `${STARLIGHT_VERSION} (not run)`,
      "playwright-core": version(join(REPO, "node_modules/playwright-core/package.json")),
    },
    settings: {
      sizes,
      sites: siteNames,
      institutions,
      builds: Object.fromEntries(buildCounts),
      warmups,
      searchRuns,
      matrixRuns,
      seed: 20261122,
    },
    sizes: [],
    checks,
  };
  {
    const browser = await launchBrowser();
    result.versions["chromium"] = browser.version();
    await browser.close();
  }

  for (const size of sizes) {
    const options = { caseStudies: size, institutions };
    // Our site is prepared first: the corpus is written into its content/ folder.
    const ours = siteNames.includes("ours") ? prepareOurs(String(size)) : undefined;
    const corpusDir = ours ? join(ours.root, "content") : join(WORK, `corpus-${size}`);
    log(`corpus ${size}: generating ${size} case studies over ${institutions} institutions…`);
    const corpus = writeCorpus(corpusDir, options);
    const t0 = performance.now();
    const files = readContent(corpusDir);
    const checked = checkContentFiles(files);
    const corpusCheck = { files: files.length, issues: checked.issues.length, seconds: (performance.now() - t0) / 1000 };
    check(
      `corpus ${size} passes the content schemas and integrity rules`,
      checked.issues.length === 0,
      `${files.length} files, ${checked.issues.length} issues${checked.issues[0] ? ` (first: ${checked.issues[0].file} ${checked.issues[0].field} ${checked.issues[0].message})` : ""}`,
    );
    const sizeRun: SizeRun = { caseStudies: size, corpus, corpusCheck, matrixNode: matrixInNode(checked.input, 70), sites: [] };
    result.sizes.push(sizeRun);

    let casePath: string | undefined;
    for (const name of siteNames) {
      const site = name === "ours" ? ours! : name === "plain" ? preparePlain(String(size), options) : prepareStarlight(options);
      let run: SiteRun;
      try {
        run = await measureSite(site, size, corpus.entries, casePath);
      } catch (error) {
        // A failed build (e.g. out of memory at 10,000) is a result too: record it and go on with the others.
        const message = error instanceof Error ? error.message : String(error);
        check(`${name}-${size}: builds and measures`, false, message.split("\n").slice(0, 12).join(" / "));
        sizeRun.failures = [...(sizeRun.failures ?? []), { site: name, error: message.slice(0, 4000) }];
        continue;
      }
      casePath ??= run.search ? firstPath(site.dist, "case-studies") : undefined;
      sizeRun.sites.push(run);
      const sections = run.dist.htmlBySection;
      check(
        `${name}-${size}: one page per case study`,
        (sections["case-studies"] ?? 0) >= corpus.caseStudies,
        `${sections["case-studies"] ?? 0} pages under /case-studies/ for ${corpus.caseStudies} case studies`,
      );
      check(
        `${name}-${size}: one page per institution`,
        (sections["institutions"] ?? 0) >= corpus.institutions,
        `${sections["institutions"] ?? 0} pages under /institutions/ for ${corpus.institutions} institutions`,
      );
      check(
        `${name}-${size}: Pagefind indexed the site`,
        run.dist.pagefind.fragments >= corpus.caseStudies,
        `${run.dist.pagefind.fragments} fragments, ${run.dist.pagefind.files} files`,
      );
      check(
        `${name}-${size}: a first search shows results`,
        Number.isFinite(run.search?.cold.medianMs ?? NaN),
        `${run.search?.cold.all.map((ms) => ms.toFixed(0)).join(", ")} ms`,
      );
      check(
        `${name}-${size}: a second search shows results`,
        (run.search?.warm.all ?? []).every(Number.isFinite),
        `${run.search?.warm.all.map((ms) => ms.toFixed(0)).join(", ")} ms`,
      );
      if (run.matrix) {
        check(
          `${name}-${size}: the matrix lists every institution`,
          run.matrix.institutions === corpus.institutions,
          `${run.matrix.institutions} rows`,
        );
        check(
          `${name}-${size}: the matrix filters change what is shown`,
          run.matrix.matchingCounts.some((n) => n < corpus.institutions),
          `institutions matching: ${[...new Set(run.matrix.matchingCounts)].slice(0, 8).join(", ")}…; rows rendered: ${[...new Set(run.matrix.renderedCounts)].slice(0, 8).join(", ")}…`,
        );
      }
      check(
        `${name}-${size}: every page type loads`,
        Object.values(run.weights).every((w) => w.html > 0),
        Object.keys(run.weights).join(", "),
      );
    }
  }

  result.targets = evaluateTargets(result);
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, smoke ? "smoke" : result.date);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderMarkdown(result);
  writeFileSync(`${base}.md`, markdown);
  log(`results: ${base}.json and ${base}.md`);
  if (full && !(args["no-readme"] ?? false)) {
    await updateReadme(join(REPO, "README.md"), result, `bench/results/${result.date}.md`);
    log("README.md Benchmark section updated");
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n${markdown}`);
  if (failed.length > 0) {
    console.error(`\n${failed.length} benchmark check(s) failed: ${failed.map((c) => c.name).join("; ")}`);
    process.exit(1);
  }
}

/** `--report <result.json>`: re-renders the Markdown (and, for a full run, the README) from a saved result; measures nothing. */
async function reportOnly(file: string): Promise<void> {
  const result = JSON.parse(readFileSync(file, "utf8")) as BenchResult;
  result.targets = evaluateTargets(result);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(file.replace(/\.json$/, ".md"), renderMarkdown(result));
  if (result.kind === "full" && !(args["no-readme"] ?? false))
    await updateReadme(join(REPO, "README.md"), result, `bench/results/${result.date}.md`);
  console.log(`re-rendered ${file.replace(/\.json$/, ".md")}`);
}

if (args.report !== undefined) await reportOnly(resolve(args.report));
else await main();
