/**
 * `npm test` — every quality gate, in order, the way CI runs them:
 * content check → types → lint → format → unit tests → production build + search index →
 * browser tests against the build. It keeps going after a failure so one run shows every problem,
 * then prints one closing line "N passed, N failed" counting each gate and each test.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium";

/** Clean builds only: stale content-layer caches can hide a problem (or carry another content dir's entries). */
function clearBuildCaches(): void {
  for (const dir of [".astro", "node_modules/.astro", "node_modules/.vite"]) rmSync(dir, { recursive: true, force: true });
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const skips: string[] = [];
mkdirSync("test-results", { recursive: true });

function run(command: string, args: string[], logFile?: string): boolean {
  const result = spawnSync(command, args, {
    stdio: logFile ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, FORCE_COLOR: process.env["CI"] ? "0" : "1" },
    maxBuffer: 512 * 1024 * 1024,
  });
  if (logFile) {
    writeFileSync(logFile, `${result.stdout?.toString() ?? ""}${result.stderr?.toString() ?? ""}`);
  }
  return result.status === 0;
}

/** A gate counts as one test. Long logs go to a file and are shown only when the gate fails. */
function gate(name: string, command: string, args: string[], logFile?: string): boolean {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args, logFile);
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
    if (logFile && existsSync(logFile)) {
      const lines = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => !line.includes("use astro:head-inject"));
      console.log(lines.slice(-80).join("\n"));
    }
  }
  console.log(ok ? `✓ ${name}` : `✗ ${name}`);
  return ok;
}

/** npm audit needs the registry's advisory endpoint; where that is refused the gate is skipped, with the reason. */
function auditGate(): void {
  const name = "no known vulnerabilities in production dependencies (npm audit --omit=dev)";
  console.log(`\n▶ ${name}`);
  const result = spawnSync("tsx", ["scripts/audit.ts"], { encoding: "utf8" });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status === 0) tally.passed += 1;
  else if (result.status === 3) {
    tally.skipped += 1;
    skips.push(`${name}: ${result.stdout.trim()}`);
  } else {
    tally.failed += 1;
    failures.push(name);
  }
}

/** Runs a Vitest project and adds its test counts. */
function vitest(project: string): boolean {
  console.log(`\n▶ ${project} tests`);
  const report = `test-results/vitest-${project}.json`;
  const ok = run("vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    tally.failed += 1;
    failures.push(`${project} tests (no report)`);
    return false;
  }
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTests: number;
  };
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests;
  tally.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numTotalTests === 0) {
    tally.failed += 1;
    failures.push(`${project} tests ran no test`);
  }
  if (!ok && json.numFailedTests === 0) {
    tally.failed += 1; // a crash outside any test (setup, import) still fails the run
    failures.push(`${project} tests crashed`);
  } else if (!ok) failures.push(`${project} tests`);
  return ok;
}

gate("content check (npm run check:content)", "tsx", ["scripts/check-content.ts"]);
gate("type check (astro check)", "astro", ["check"], "test-results/astro-check.log");
gate("lint (eslint, zero warnings)", "eslint", ["--max-warnings", "0", "."]);
gate("format (prettier --check)", "prettier", ["--check", "."], "test-results/prettier.log");
vitest("unit");
clearBuildCaches();
const built = gate("production build + Pagefind (npm run build)", "npm", ["run", "build"], "test-results/build.log");
if (built) {
  vitest("dist");
  gate("two clean builds are byte-identical", "tsx", ["scripts/check-reproducible.ts"]);
  try {
    ensureChromium();
    vitest("e2e");
    vitest("lighthouse");
    vitest("bench");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    tally.failed += 1;
    failures.push("browser tests (no Chromium)");
  }
} else {
  tally.failed += 2;
  failures.push("checks over dist/ and browser tests (not run: the build failed)");
}
auditGate();
gate("production dependencies have allowed licences", "tsx", ["scripts/check-licences.ts"]);

console.log("");
if (failures.length > 0) console.log(`Failed: ${failures.join("; ")}`);
if (skips.length > 0) console.log(`Skipped: ${skips.join("; ")}`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ""}`);
process.exit(tally.failed > 0 ? 1 : 0);
