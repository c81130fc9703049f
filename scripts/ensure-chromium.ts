/**
 * Makes sure Debian's Chromium is there for the browser tests: installs it with apt-get when
 * running as root on Debian, or stops with a message that says how.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureChromium(): string {
  const path = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium not found: installing Debian's chromium package with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync(path)) return path;
  }
  throw new Error(
    `No Chromium at ${path}. The browser tests drive Debian's Chromium: install it with ` +
      "`sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
