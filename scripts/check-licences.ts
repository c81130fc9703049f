/**
 * Every package the site is built from (the production dependency tree, `npm ls --omit=dev`) must
 * carry a licence from the allow-list below: permissive licences compatible with publishing the
 * site's code under MIT and its content under CC BY 4.0. Exits 1 and names any other package.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ALLOWED = new Set([
  "MIT",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "CC0-1.0",
  "CC-BY-4.0",
  "BlueOak-1.0.0",
  "Unlicense",
  "Python-2.0",
  "MPL-2.0", // file-level copyleft: fine for unmodified build tools (e.g. lightningcss)
  "OFL-1.1", // fonts
  // libvips, loaded by sharp (an optional Astro image dependency) at build time, unmodified and
  // dynamically linked; none of it is part of the published site.
  "LGPL-3.0-or-later",
]);

/** True when an SPDX expression is satisfied by allowed licences ("MIT OR Apache-2.0", "(MIT AND CC-BY-3.0)"). */
export function licenceAllowed(expression: string): boolean {
  const cleaned = expression.replace(/[()]/g, " ").trim();
  if (/\bOR\b/.test(cleaned)) return cleaned.split(/\bOR\b/).some((part) => licenceAllowed(part));
  if (/\bAND\b/.test(cleaned)) return cleaned.split(/\bAND\b/).every((part) => licenceAllowed(part));
  return ALLOWED.has(cleaned) || cleaned === "CC-BY-3.0";
}

const output = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const problems: string[] = [];
let count = 0;
for (const dir of new Set(output.split("\n").filter((line) => line.includes("node_modules")))) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string | { type: string };
    licenses?: { type: string }[];
  };
  const licence =
    typeof pkg.license === "string" ? pkg.license : (pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(" OR ") ?? "UNKNOWN");
  count += 1;
  if (!licenceAllowed(licence)) problems.push(`${pkg.name}@${pkg.version}: ${licence}`);
}
if (count === 0) {
  console.error('No production dependencies found: what builds the site belongs in package.json "dependencies".');
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`Packages with a licence outside the allow-list:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`✓ ${count} production packages, all with allowed licences.`);
