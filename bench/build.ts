/**
 * Clean builds, timed the way baselines.md §1 and §7 time them: caches removed
 * (dist, .astro, node_modules/.astro, node_modules/.vite, and node_modules/.cache, where our Open Graph
 * images are cached — a fresh clone has none), `sync`, a 2-second pause, then each build
 * step under `/usr/bin/time -f '%e %U %S %M'` (wall s, user s, sys s, max RSS KB of the largest
 * process), called directly rather than through npm. Also reads what the build wrote: pages per
 * kind, dist size, the Pagefind bundle, and Astro's own phase timings from its log.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { extname, join, relative } from "node:path";
import { NODE_BIN, type Site } from "./sites";

export const TIME = "/usr/bin/time";

/** Installs GNU time (Debian package `time`) when /usr/bin/time is missing and we are root. */
export function ensureTime(log: (line: string) => void): void {
  if (existsSync(TIME)) return;
  if (process.getuid?.() !== 0)
    throw new Error("/usr/bin/time is missing: install it with `apt-get install -y time` (the benchmark needs its %M peak memory).");
  log("Installing GNU time (apt-get install -y time)…");
  spawnSync("apt-get", ["update"], { stdio: "inherit" });
  const result = spawnSync("apt-get", ["install", "-y", "time"], { stdio: "inherit" });
  if (result.status !== 0 || !existsSync(TIME)) throw new Error("Could not install GNU time; run `apt-get install -y time`.");
}

export interface StepResult {
  label: string;
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  peakRssMB: number;
}

export interface BuildResult {
  steps: StepResult[];
  /** 1-minute load average before and after the build: other work on the machine inflates wall times. */
  loadAverage: { before: number; after: number };
  wallSeconds: number;
  cpuSeconds: number;
  /** Largest process of any step (%M), MB. */
  peakRssMB: number;
  log: string;
  /** Astro's own timings from its log, seconds (phase → s), where it printed them. */
  phases: Record<string, number>;
}

/**
 * Removes build output and every cache, then lets the disk settle, as baselines.md's clean build does.
 * `keepCards` keeps our Open Graph card cache (node_modules/.cache/og-images) and nothing else: the
 * build a deploy makes when its workflow restores that cache (.github/workflows/deploy.yml).
 */
export function cleanSite(site: Site, keepCards = false): void {
  for (const dir of ["dist", ".astro", "node_modules/.astro", "node_modules/.vite"])
    rmSync(join(site.root, dir), { recursive: true, force: true });
  const cache = join(site.root, "node_modules", ".cache");
  if (!keepCards) rmSync(cache, { recursive: true, force: true });
  else if (existsSync(cache))
    for (const dir of readdirSync(cache)) if (dir !== "og-images") rmSync(join(cache, dir), { recursive: true, force: true });
  spawnSync("sync");
  spawnSync("sleep", ["2"]);
}

function loadAverage(): number {
  return Number(loadavg()[0]!.toFixed(2));
}

function siteEnv(site: Site): NodeJS.ProcessEnv {
  // The site's own .bin first (Starlight's Astro), then this repository's (Node 24, astro, pagefind).
  const path = [join(site.root, "node_modules", ".bin"), NODE_BIN, process.env["PATH"] ?? ""].join(":");
  return { ...process.env, ...site.env, PATH: path, NO_COLOR: "1", FORCE_COLOR: "0", ASTRO_TELEMETRY_DISABLED: "1" };
}

/** "75ms", "1.12s", "1m 3s" → seconds. */
export function duration(text: string): number {
  const match = /(?:(\d+)m\s*)?([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!match) return NaN;
  const minutes = Number(match[1] ?? 0);
  const value = Number(match[2]);
  return minutes * 60 + (match[3] === "ms" ? value / 1000 : value);
}

/**
 * Astro's own phase timings from its build log: types, "Collecting build info", the Vite/Rolldown
 * bundles, "generating static routes" and the total; the per-page "(+Nms)" lines summed by route
 * folder show where route rendering goes. Pagefind reports its own time.
 */
export function astroPhases(raw: string): Record<string, number> {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes, which start with ESC
  const log = raw.replace(/\x1b\[[0-9;]*m/g, "");
  const phases: Record<string, number> = {};
  const grab = (name: string, pattern: RegExp) => {
    const match = pattern.exec(log);
    if (match?.[1] !== undefined) phases[name] = duration(match[1]);
  };
  grab("types", /\[types\] Generated ([^\n]+)/);
  grab("collecting build info", /Collecting build info\.\.\.\n[^\n]*✓ Completed in ([^\n]+)/);
  const bundles = [...log.matchAll(/\[vite\] ✓ built in ([^\n]+)/g)].map((m) => duration(m[1]!));
  if (bundles.length > 0) phases["vite/rolldown bundles"] = bundles.reduce((a, b) => a + b, 0);
  grab("generating static routes", /generating static routes[^\n]*\n(?:[^\n]*\n)*?[^\n]*?✓ Completed in ([^\n]+)/);
  grab("astro total", /page\(s\) built in ([^\n]+)/);
  const perRoute: Record<string, number> = {};
  for (const match of log.matchAll(/[├└]─ \/([^/\s]*)[^\n]*\(\+(\d+)ms\)/g)) {
    const folder = match[1]!.includes(".") ? "(root files)" : match[1]!;
    perRoute[folder] = (perRoute[folder] ?? 0) + Number(match[2]) / 1000;
  }
  for (const [folder, s] of Object.entries(perRoute)) if (s >= 0.5) phases[`routes /${folder}/ (sum of +ms)`] = Number(s.toFixed(2));
  const pagefind = /Finished in ([\d.]+) seconds/.exec(log);
  if (pagefind) phases["pagefind (its own report)"] = Number(pagefind[1]);
  return phases;
}

/** One clean build: every step timed; throws with the log's tail if a step fails. */
export function cleanBuild(site: Site, logFile: string, keepCards = false): BuildResult {
  cleanSite(site, keepCards);
  const steps: StepResult[] = [];
  writeFileSync(logFile, "");
  const loadBefore = loadAverage();
  for (const step of site.steps) {
    const timeFile = `${logFile}.time`;
    appendFileSync(logFile, `\n$ ${step.argv.join(" ")}\n`);
    // Output streams to the log file (a 10,000-page build logs megabytes of warnings).
    const out = openSync(logFile, "a");
    const result = spawnSync(TIME, ["-f", "%e %U %S %M", "-o", timeFile, ...step.argv], {
      cwd: site.root,
      env: siteEnv(site),
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    if (result.status !== 0) {
      const tail = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => !line.includes("head-inject"))
        .slice(-40)
        .join("\n");
      throw new Error(`${site.name}: "${step.argv.join(" ")}" failed (exit ${String(result.status)}). Log: ${logFile}\n${tail}`);
    }
    const fields = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    const [wall = NaN, user = NaN, sys = NaN, rssKB = NaN] = fields;
    steps.push({ label: step.label, wallSeconds: wall, userSeconds: user, systemSeconds: sys, peakRssMB: rssKB / 1024 });
  }
  const log = readFileSync(logFile, "utf8");
  return {
    steps,
    loadAverage: { before: loadBefore, after: loadAverage() },
    wallSeconds: steps.reduce((sum, step) => sum + step.wallSeconds, 0),
    cpuSeconds: steps.reduce((sum, step) => sum + step.userSeconds + step.systemSeconds, 0),
    peakRssMB: Math.max(...steps.map((step) => step.peakRssMB)),
    log: logFile,
    phases: astroPhases(log),
  };
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export interface DistStats {
  /** HTML pages written (every .html file outside /pagefind/). */
  htmlPages: number;
  /** HTML pages per top-level section, e.g. { "case-studies": 1000, "matrix": 1460, "(root)": 12 }. */
  htmlBySection: Record<string, number>;
  /** Other files the routes wrote (JSON, XML, CSV, images…), outside /pagefind/ and /_astro/. */
  otherOutputs: Record<string, number>;
  bytes: number;
  files: number;
  pagefind: { bytes: number; files: number; fragments: number; indexChunks: number; indexedPages?: number; indexedWords?: number };
}

/** What a build wrote. */
export function distStats(dist: string, buildLog?: string): DistStats {
  const files = walk(dist);
  const stats: DistStats = {
    htmlPages: 0,
    htmlBySection: {},
    otherOutputs: {},
    bytes: 0,
    files: files.length,
    pagefind: { bytes: 0, files: 0, fragments: 0, indexChunks: 0 },
  };
  for (const file of files) {
    const size = statSync(file).size;
    stats.bytes += size;
    const path = relative(dist, file);
    const top = path.includes("/") ? path.split("/")[0]! : "(root)";
    if (top === "pagefind") {
      stats.pagefind.bytes += size;
      stats.pagefind.files += 1;
      if (file.endsWith(".pf_fragment")) stats.pagefind.fragments += 1;
      if (file.endsWith(".pf_index")) stats.pagefind.indexChunks += 1;
      continue;
    }
    if (file.endsWith(".html")) {
      stats.htmlPages += 1;
      stats.htmlBySection[top] = (stats.htmlBySection[top] ?? 0) + 1;
    } else if (top !== "_astro") {
      const kind = extname(file) || "(none)";
      stats.otherOutputs[kind] = (stats.otherOutputs[kind] ?? 0) + 1;
    }
  }
  if (buildLog !== undefined && existsSync(buildLog)) {
    const log = readFileSync(buildLog, "utf8");
    const pages = /Indexed (\d+) pages?/.exec(log);
    const words = /Indexed (\d+) words?/.exec(log);
    if (pages) stats.pagefind.indexedPages = Number(pages[1]);
    if (words) stats.pagefind.indexedWords = Number(words[1]);
  }
  return stats;
}
