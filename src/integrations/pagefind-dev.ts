import type { AstroIntegration } from "astro";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * The file under `root` that a request path inside /pagefind/ names, or undefined when there is none
 * or the path tries to leave `root` (`/../`, encoded or not).
 */
export function pagefindFile(root: string, requestPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? "");
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(join(base, path));
  if (!file.startsWith(base + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Connect middleware that serves `root` (the last built dist/pagefind) for requests under /pagefind/. */
export function pagefindMiddleware(root: string, onMissing: () => void = () => {}) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    // Mounted at /pagefind, so request.url is the rest of the path.
    const file = pagefindFile(root, request.url ?? "/");
    if (file === undefined) {
      if (!existsSync(join(root, "pagefind.js"))) onMissing();
      next();
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": String(body.length),
      "Cache-Control": "no-cache",
    });
    response.end(body);
  };
}

/**
 * Search in `npm run dev`: the Pagefind index only exists after `npm run build` (pagefind indexes the
 * built HTML), so the dev server serves the last built one from dist/pagefind/ at /pagefind/. Nothing is
 * copied, so a later build is picked up at once; pages added since that build are simply not in it yet.
 */
export function pagefindDevIntegration(dist = "dist"): AstroIntegration {
  return {
    name: "engagement-atlas:pagefind-dev",
    hooks: {
      "astro:server:setup": ({ server, logger }) => {
        const root = resolve(dist, "pagefind");
        let warned = false;
        server.middlewares.use(
          "/pagefind",
          pagefindMiddleware(root, () => {
            if (warned) return;
            warned = true;
            logger.warn(`No search index in ${root}: run \`npm run build\` once and search works in dev too.`);
          }),
        );
      },
    },
  };
}
