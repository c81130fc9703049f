/**
 * Two clean builds must be byte-identical: builds a second time from scratch into a temporary
 * directory (caches cleared) and compares every file with dist/. Exits 1 and lists the files that
 * differ. `tsx scripts/check-reproducible.ts` (run by npm test after the main build).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fingerprint } from "../tests/helpers/dist-checks";

function clearBuildCaches(): void {
  for (const dir of [".astro", "node_modules/.astro", "node_modules/.vite"]) rmSync(dir, { recursive: true, force: true });
}

const second = mkdtempSync(join(tmpdir(), "atlas-rebuild-"));
try {
  clearBuildCaches();
  execFileSync("astro", ["build", "--outDir", second], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(process.execPath, ["scripts/index-search.mjs", second], { stdio: ["ignore", "ignore", "inherit"] });
  const first = fingerprint("dist");
  const again = fingerprint(second);
  const differences = [
    ...[...first.keys()].filter((file) => !again.has(file)).map((file) => `only in the first build: ${file}`),
    ...[...again.keys()].filter((file) => !first.has(file)).map((file) => `only in the second build: ${file}`),
    ...[...first.entries()].filter(([file, hash]) => again.has(file) && again.get(file) !== hash).map(([file]) => `differs: ${file}`),
  ];
  if (differences.length > 0) {
    console.error(`Two clean builds differ in ${differences.length} files:\n  ${differences.slice(0, 40).join("\n  ")}`);
    process.exit(1);
  }
  console.log(`Two clean builds are byte-identical (${first.size} files).`);
} finally {
  rmSync(second, { recursive: true, force: true });
}
