/**
 * Turns a benchmark result into Markdown: one table per size (ours, plain, Starlight and the ratios
 * ours/peer), the issue's targets met or missed, our page weights per page type, and how each figure
 * was measured. Also rewrites the README's Benchmark section (between its two markers) with the
 * latest full run. Nothing here measures: every number comes from the result it is given.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import type { BenchResult, SiteRun, SizeRun } from "./run";
import type { SiteName } from "./sites";

export interface TargetResult {
  target: string;
  value: string;
  met: boolean | undefined;
}

const KB = 1024;
const MB = 1024 * 1024;

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? "–"
    : value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? undefined : a / b;
const fmtRatio = (value: number | undefined) => (value === undefined ? "–" : `${value.toFixed(2)}×`);

function site(size: SizeRun, name: SiteName): SiteRun | undefined {
  return size.sites.find((run) => run.site === name);
}

/** The issue's targets, judged on the result. `met` is undefined when the run did not measure it. */
export function evaluateTargets(result: BenchResult): TargetResult[] {
  const targets: TargetResult[] = [];
  const bySize = new Map(result.sizes.map((size) => [size.caseStudies, size]));
  for (const size of result.sizes) {
    const ours = site(size, "ours");
    const plain = site(size, "plain");
    const starlight = site(size, "starlight");
    const n = size.caseStudies.toLocaleString("en");
    const perPagePlain = ratio(ours?.msPerPage, plain?.msPerPage);
    const perEntryPlain = ratio(ours?.msPerEntry, plain?.msPerEntry);
    const warmPerPage = ours?.warmCards ? (ours.warmCards.wallSeconds * 1000) / ours.dist.htmlPages : undefined;
    const warm = (peer: number | undefined) =>
      warmPerPage === undefined || peer === undefined ? "" : `; ${fmtRatio(warmPerPage / peer)} per page with the card cache restored`;
    targets.push({
      target: `build ≤ 1.2× plain Astro per page (${n})`,
      value: `${fmtRatio(perPagePlain)} per HTML page (${fmtRatio(perEntryPlain)} per content entry)${warm(plain?.msPerPage)}`,
      met: perPagePlain === undefined ? undefined : perPagePlain <= 1.2,
    });
    const perPageStarlight = ratio(ours?.msPerPage, starlight?.msPerPage);
    const perEntryStarlight = ratio(ours?.msPerEntry, starlight?.msPerEntry);
    // The floor: the same entries as a plain Astro + MDX site with a minimal layout, against Starlight.
    const plainStarlight = ratio(plain?.msPerPage, starlight?.msPerPage);
    const floor = plainStarlight === undefined ? "" : `; plain Astro + MDX itself: ${fmtRatio(plainStarlight)}`;
    targets.push({
      target: `build ≤ 0.5× Starlight per page (${n})`,
      value: `${fmtRatio(perPageStarlight)} per HTML page (${fmtRatio(perEntryStarlight)} per content entry)${warm(starlight?.msPerPage)}${floor}`,
      met: perPageStarlight === undefined ? undefined : perPageStarlight <= 0.5,
    });
    const bytes = ours?.search?.bytes.median;
    targets.push({
      target: `first search ≤ 120 KB (${n})`,
      value: `${fmt(bytes === undefined ? undefined : bytes / KB, 1)} KB`,
      met: bytes === undefined ? undefined : bytes <= 120 * KB,
    });
    const searchRatio = ratio(bytes, starlight?.search?.bytes.median);
    targets.push({
      target: `first search ≤ 0.8× Starlight's (${n})`,
      value: fmtRatio(searchRatio),
      met: searchRatio === undefined ? undefined : searchRatio <= 0.8,
    });
    if (ours?.matrix && ours.matrix.institutions >= 2000) {
      targets.push({
        target: `matrix re-filter ≤ 16 ms for ${fmt(ours.matrix.institutions)} institutions (${n})`,
        value: `${fmt(ours.matrix.handler.medianMs, 1)} ms median (p95 ${fmt(ours.matrix.handler.p95Ms, 1)} ms; to next frame ${fmt(ours.matrix.frame.medianMs, 1)} ms)`,
        met: ours.matrix.handler.medianMs <= 16,
      });
    }
  }
  const big = bySize.get(10000);
  const small = bySize.get(1000);
  const bigOurs = big ? site(big, "ours") : undefined;
  const smallOurs = small ? site(small, "ours") : undefined;
  if (bigOurs) {
    const bigPlain = big ? site(big, "plain") : undefined;
    targets.push({
      target: "peak memory ≤ 2 GB (10,000)",
      value: `${fmt(bigOurs.peakRssMB)} MB${bigPlain === undefined ? "" : `; plain Astro + MDX itself: ${fmt(bigPlain.peakRssMB)} MB`}`,
      met: bigOurs.peakRssMB <= 2048,
    });
    const cold = bigOurs.search?.cold.medianMs;
    targets.push({
      target: "typing → first results ≤ 150 ms median (10,000)",
      value: `${fmt(cold)} ms typed at focus (cold); ${fmt(bigOurs.search?.prepared.medianMs)} ms typed 1 s after focus; ${fmt(bigOurs.search?.warm.medianMs)} ms second query`,
      met: cold === undefined ? undefined : cold <= 150,
    });
  }
  if (bigOurs && smallOurs) {
    const growth = bigOurs.wallSeconds / smallOurs.wallSeconds;
    targets.push({ target: "cost linear in size: 10,000 / 1,000 build time ≤ 11", value: `${growth.toFixed(2)}`, met: growth <= 11 });
  }
  return targets;
}

function sizeTable(size: SizeRun): string {
  const names: SiteName[] = ["ours", "plain", "starlight"];
  const runs = names.map((name) => site(size, name));
  const [ours, plain, starlight] = runs;
  const rows: [string, (run: SiteRun) => number | undefined, number, boolean][] = [
    ["clean build, wall s (median)", (r) => r.wallSeconds, 1, true],
    ["CPU s (user+sys)", (r) => r.cpuSeconds, 1, true],
    ["HTML pages written", (r) => r.dist.htmlPages, 0, false],
    ["ms per HTML page", (r) => r.msPerPage, 1, true],
    ["ms per content entry", (r) => r.msPerEntry, 1, true],
    // Ours as a deploy builds it once the workflow restores the Open Graph card cache; the peers draw no cards.
    [
      "build with our card cache restored (peers: clean build), wall s",
      (r) => (r.site === "ours" ? r.warmCards?.wallSeconds : r.wallSeconds),
      1,
      true,
    ],
    [
      "… ms per HTML page",
      (r) => (r.site === "ours" ? (r.warmCards ? (r.warmCards.wallSeconds * 1000) / r.dist.htmlPages : undefined) : r.msPerPage),
      1,
      true,
    ],
    ["peak RSS, MB (largest process)", (r) => r.peakRssMB, 0, true],
    ["dist size, MB", (r) => r.dist.bytes / MB, 1, true],
    ["Pagefind bundle, MB", (r) => r.dist.pagefind.bytes / MB, 2, true],
    ["Pagefind files", (r) => r.dist.pagefind.files, 0, true],
    ["first search downloads, KB (gzip)", (r) => (r.search ? r.search.bytes.median / KB : undefined), 1, true],
    ["first search requests", (r) => r.search?.bytes.requests, 0, true],
    ["typing → first results, ms: typed at focus (cold)", (r) => r.search?.cold.medianMs, 0, true],
    ["… the same, raw (Starlight: incl. its 300 ms debounce)", (r) => r.search?.cold.rawMedianMs, 0, true],
    ["… typed 1 s after focus", (r) => r.search?.prepared.medianMs, 0, true],
    ["… second query", (r) => r.search?.warm.medianMs, 0, true],
    ["case-study page HTML+CSS+JS, KB gzip", (r) => (r.weights["case study"] ? r.weights["case study"].total / KB : undefined), 1, true],
    ["home page HTML+CSS+JS, KB gzip", (r) => (r.weights["home"] ? r.weights["home"].total / KB : undefined), 1, true],
  ];
  const lines = [
    `| ${size.caseStudies.toLocaleString("en")} case studies | ours | plain Astro | Starlight | ours / plain | ours / Starlight |`,
    "|---|--:|--:|--:|--:|--:|",
  ];
  for (const [label, get, digits, compare] of rows) {
    const values = runs.map((run) => (run ? get(run) : undefined));
    const [o, p, s] = values;
    lines.push(
      `| ${label} | ${values.map((v) => fmt(v, digits)).join(" | ")} | ${compare && ours && plain ? fmtRatio(ratio(o, p)) : "–"} | ${compare && ours && starlight ? fmtRatio(ratio(o, s)) : "–"} |`,
    );
  }
  if (ours?.matrix) {
    lines.push(
      `| matrix re-filter, ms (median, ${fmt(ours.matrix.institutions)} institutions) | ${fmt(ours.matrix.handler.medianMs, 1)} | – | – | – | – |`,
      `| … to the next frame, ms | ${fmt(ours.matrix.frame.medianMs, 1)} | – | – | – | – |`,
    );
  }
  if (size.matrixNode) lines.push(`| … filtering code alone in Node, ms | ${fmt(size.matrixNode.medianMs, 2)} | – | – | – | – |`);
  return lines.join("\n");
}

function pagesLine(run: SiteRun): string {
  const sections = Object.entries(run.dist.htmlBySection)
    .sort((a, b) => b[1] - a[1])
    .map(([section, count]) => `${section} ${count}`)
    .join(", ");
  const other = Object.entries(run.dist.otherOutputs)
    .sort((a, b) => b[1] - a[1])
    .map(([ext, count]) => `${count} ${ext}`)
    .join(", ");
  return `${run.site}: ${run.dist.htmlPages} HTML pages (${sections})${other ? `; other files: ${other}` : ""}`;
}

function phasesLine(run: SiteRun): string {
  const build = run.builds[0];
  if (!build) return "";
  const steps = build.steps.map((step) => `${step.label} ${step.wallSeconds.toFixed(1)} s / ${step.peakRssMB.toFixed(0)} MB`).join(", ");
  const phases = Object.entries(build.phases)
    .map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
    .join(", ");
  return `${run.site}: ${steps}${phases ? ` — Astro's log: ${phases}` : ""}; all clean builds: ${run.builds.map((b) => b.wallSeconds.toFixed(1)).join(", ")} s; 1-minute load average before → after: ${run.builds.map((b) => (b.loadAverage ? `${b.loadAverage.before} → ${b.loadAverage.after}` : "–")).join(", ")}`;
}

function weightsTable(run: SiteRun): string {
  const lines = [
    "| page type | path | HTML | CSS | JS | HTML+CSS+JS | other | requests | fetched when idle |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const [type, w] of Object.entries(run.weights)) {
    lines.push(
      `| ${type} | \`${w.path}\` | ${fmt(w.html / KB, 1)} | ${fmt(w.css / KB, 1)} | ${fmt(w.js / KB, 1)} | **${fmt(w.total / KB, 1)}** | ${fmt(w.other / KB, 1)} | ${w.requests} | ${fmt(w.afterLoad / KB, 1)} |`,
    );
  }
  return lines.join("\n");
}

/** The tables only: what the README shows. */
export function renderSummary(result: BenchResult): string {
  const targets = evaluateTargets(result);
  const parts = [
    `Measured ${result.date} on ${result.machine["cpus"]} × ${result.machine["cpuModel"]}, ${result.machine["memoryGB"]} GB; Astro ${result.versions["astro"]}, Pagefind ${result.versions["pagefind"]}, Starlight ${result.versions["@astrojs/starlight"]}, Chromium ${result.versions["chromium"]}. Corpus: ${result.sizes
      .map((size) => `${size.caseStudies.toLocaleString("en")} case studies`)
      .join(
        " and ",
      )} over ${Number(result.settings["institutions"]).toLocaleString("en")} institutions, the 10 modes and ${result.sizes[0]?.corpus.guides ?? 0} guides.`,
    ...result.sizes.map(sizeTable),
    [
      "| target | measured | met |",
      "|---|---|:-:|",
      ...targets.map((t) => `| ${t.target} | ${t.value} | ${t.met === undefined ? "–" : t.met ? "✅ yes" : "❌ no"} |`),
    ].join("\n"),
  ];
  return parts.join("\n\n");
}

/** The full report: tables, pages counted, build phases, page weights, method. */
export function renderMarkdown(result: BenchResult): string {
  const sections: string[] = [`# Benchmark ${result.date} (${result.kind})`, renderSummary(result)];
  for (const size of result.sizes) {
    const lines = [`## ${size.caseStudies.toLocaleString("en")} case studies: details`];
    lines.push(
      `Corpus: ${size.corpus.entries.toLocaleString("en")} entries (${size.corpus.caseStudies} case studies averaging ${size.corpus.averageCaseStudyWords} words, ${size.corpus.institutions} institutions, ${size.corpus.modes} modes, ${size.corpus.guides} guides), ${(size.corpus.bytes / MB).toFixed(1)} MB of MDX, ${size.corpus.filledCells} filled matrix cells; probe words in ${size.corpus.probeHits.rare} / ${size.corpus.probeHits.common} case studies. Checked with our schemas in ${size.corpusCheck.seconds.toFixed(1)} s: ${size.corpusCheck.issues} issues in ${size.corpusCheck.files} files.`,
    );
    lines.push("", "Pages counted (every .html file outside /pagefind/):", "", ...size.sites.map((run) => `- ${pagesLine(run)}`));
    lines.push("", "Build steps (median build) and Astro's phases:", "", ...size.sites.map((run) => `- ${phasesLine(run)}`));
    for (const run of size.sites) {
      lines.push("", `Page weight, ${run.site} (KB gzip on the wire until the load event):`, "", weightsTable(run));
      if (run.search) {
        lines.push(
          "",
          `First search, ${run.site}: ${run.search.timed}. Cold runs (ms): ${run.search.cold.all.map((ms) => ms.toFixed(0)).join(", ")}; downloads (median run): ${run.search.bytes.files.map((f) => `${f.path} ${(f.bytes / KB).toFixed(1)}`).join(", ")} KB.`,
        );
      }
    }
    for (const failure of size.failures ?? [])
      lines.push("", `**${failure.site} failed at this size:**`, "", "```", failure.error.slice(0, 1500), "```");
    sections.push(lines.join("\n"));
  }
  const warmups = Number(result.settings["warmups"] ?? 0);
  const warmupNote =
    warmups > 0
      ? ` Before its first timed build, each site is built ${warmups}× untimed at the first size, so that no site pays alone for a cold file cache.`
      : "";
  sections.push(
    [
      "## How it was measured",
      "",
      "- Clean build: `rm -rf dist .astro node_modules/.astro node_modules/.vite node_modules/.cache; sync; sleep 2` (the last holds our Open Graph image cache, which a fresh clone does not have), then each step under `/usr/bin/time -f '%e %U %S %M'`, called directly (not through npm); ours = `astro build` + `node scripts/index-search.mjs dist` (Pagefind, then the sort index), plain = `astro build` + `pagefind --site dist`, Starlight = `astro build` (it runs Pagefind itself). Each site builds in its own folder under bench/.work/ with its own caches." +
        warmupNote,
      "- Card cache restored: after its clean builds, ours is built once more, clean except for `node_modules/.cache/og-images` (the Open Graph cards, keyed by a hash of what each card draws), as the deploy workflow builds once actions/cache restores that folder. The peers draw no cards, so they are compared with their clean builds.",
      "- ms per HTML page = median wall time / .html files written (outside /pagefind/); ms per content entry = the same time / entries in the corpus (the same for all three sites). Our site writes more pages per entry (matrix cells, listings), so both are shown.",
      "- Peak RSS = `%M`, the largest single process of any step (not a sum).",
      "- Peers: the same generated entries as plain Astro 7 + MDX pages (glob loader, one route, small layout, Pagefind Default UI on /search/) and as Starlight docs pages, each with title, description and the same Markdown body. Starlight's sidebar lists the modes and guides and links each other collection: its default sidebar repeats every page on every page (megabytes per page at these sizes), which no real site this size ships.",
      "- Bytes: body bytes each response put on the wire from scripts/serve.ts (gzip level 6 for text; Pagefind's files are pre-compressed), counted by the server. First search = everything downloaded from the moment the visitor starts searching until the first results show, plus search-only code a page loaded beforehand (plain: the /search/ page and its UI; Starlight: its Pagefind UI loaded on idle).",
      "- Typing → first results: headless Chromium, fresh context per run, median of the runs; measured in the page with `performance.now()` from the query's `input` event to the first result element in the DOM; Starlight's fixed 300 ms UI debounce is subtracted, plain's is configured to 0, ours has none.",
      "- Matrix re-filter: the built /matrix/ page; a filter checkbox or the text box changed (on, then off), timed from the event to the end of the page's own handler, which runs src/utils/matrix-view.ts and src/utils/filters.ts and updates the DOM; also to the next frame, and the filtering functions alone in Node.",
      "- Page weight: gzip bytes on the wire until the `load` event, by type; bytes fetched in the next 2 s are shown separately.",
    ].join("\n"),
  );
  return `${sections.join("\n\n")}\n`;
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/**
 * Rewrites only the README's Benchmark section, between its markers, formatted with the repository's
 * Prettier settings so `prettier --check` stays green.
 */
export async function updateReadme(path: string, result: BenchResult, link: string): Promise<void> {
  const readme = readFileSync(path, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  const body = `${START}\n\n${renderSummary(result)}\n\nDetails, page weights and method: [${link}](${link}).\n\n${END}`;
  const text = readme.slice(0, start) + body + readme.slice(end + END.length);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}
