/**
 * `npm audit --omit=dev` as a gate: exits 0 when the production dependencies have no known
 * vulnerability, 1 when they have any. When the registry refuses the advisory endpoint (the
 * registry mirror on the project's build machines answers 405 to its POST), the audit cannot run:
 * it exits 3 and says so, and npm test reports the gate as skipped with that reason rather than
 * as passed. On GitHub Actions (.github/workflows/ci.yml) the real registry answers.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string } = {};
try {
  report = JSON.parse(result.stdout) as typeof report;
} catch {
  report = { message: result.stderr.trim().split("\n").pop() ?? "no output" };
}
const counts = report.metadata?.vulnerabilities;
if (counts === undefined) {
  console.log(`npm audit could not run: ${report.message ?? "the advisory endpoint gave no report"}`);
  process.exit(3);
}
const total = Object.entries(counts)
  .filter(([severity]) => severity !== "total")
  .reduce((sum, [, count]) => sum + count, 0);
if (total > 0) {
  console.error(
    `npm audit --omit=dev found ${total} vulnerabilities: ${JSON.stringify(counts)}. Run \`npm audit --omit=dev\` for details.`,
  );
  process.exit(1);
}
console.log("✓ npm audit --omit=dev: no known vulnerabilities in the production dependencies.");
