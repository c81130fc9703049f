import { existsSync } from "node:fs";

/** Debian's Chromium, or the one CHROMIUM_PATH points at. */
export function chromiumPath(): string {
  const path = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return path;
}

/** Flags for headless Chromium on these machines (no sandbox as root, no background network). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
