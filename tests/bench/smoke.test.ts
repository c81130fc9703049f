/**
 * The benchmark's 100-entry smoke run (`npm run bench:smoke`), so the benchmark cannot rot: it
 * generates a corpus, checks it with our schemas, builds our site from it, searches it and filters its
 * matrix in Chromium, and writes a report. Timings are not asserted (they belong to `npm run bench`);
 * what is asserted is that every step ran and measured something.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BenchResult } from "../../bench/run";

describe("benchmark smoke run", () => {
  it("generates, builds, searches and filters a 100-entry corpus and reports every figure", () => {
    const run = spawnSync("tsx", ["bench/run.ts", "--smoke"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const output = `${run.stdout}${run.stderr}`;
    expect(
      run.status,
      output
        .split("\n")
        .filter((line) => line.startsWith("[bench") || /error/i.test(line))
        .join("\n"),
    ).toBe(0);

    const result = JSON.parse(readFileSync("bench/.work/smoke/smoke.json", "utf8")) as BenchResult;
    expect(result.checks.length).toBeGreaterThan(5);
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    const size = result.sizes[0]!;
    expect(size.corpus.caseStudies).toBe(100);
    expect(size.corpusCheck.issues).toBe(0);
    const ours = size.sites.find((site) => site.site === "ours")!;
    expect(ours.wallSeconds).toBeGreaterThan(0);
    expect(ours.peakRssMB).toBeGreaterThan(0);
    expect(ours.dist.htmlBySection["case-studies"]).toBeGreaterThanOrEqual(100);
    expect(ours.dist.pagefind.bytes).toBeGreaterThan(0);
    expect(ours.search?.bytes.median).toBeGreaterThan(0);
    expect(Number.isFinite(ours.search?.cold.medianMs)).toBe(true);
    expect(Number.isFinite(ours.matrix?.handler.medianMs)).toBe(true);
    expect(ours.weights["case study"]?.total).toBeGreaterThan(0);
    expect(readFileSync("bench/.work/smoke/smoke.md", "utf8")).toContain("| 100 case studies | ours |");
  });
});
