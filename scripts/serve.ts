/**
 * A small static server for dist/, bound to 127.0.0.1 only: gzip for text, the security headers
 * of public/_headers (so tests and Lighthouse see what a static host sends), 404.html for misses.
 * Used by the browser tests, Lighthouse and the benchmark. `tsx scripts/serve.ts [dir] [port]`.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".cff": "text/plain; charset=utf-8",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** Headers for every path ("/*" block) from a Netlify/Cloudflare-style _headers file. */
export function readHeaders(root: string): Record<string, string> {
  const file = join(root, "_headers");
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === "/*";
      continue;
    }
    const at = line.indexOf(":");
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function resolveFile(root: string, pathname: string): string | undefined {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, "index.html");
  if (existsSync(index)) return index;
  return undefined;
}

/** Starts the server; resolves once it listens. Port 0 picks a free port. */
export function serveDist(dir = "dist", port = 0): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const headers = readHeaders(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let file = resolveFile(root, url.pathname);
    // Directory URLs without a trailing slash redirect, as static hosts do.
    if (file?.endsWith("index.html") && !url.pathname.endsWith("/") && !url.pathname.endsWith(".html")) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    let status = 200;
    if (file === undefined) {
      status = 404;
      file = join(root, "404.html");
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    let body: Buffer = existsSync(file) ? readFileSync(file) : Buffer.from("Not found");
    const out: Record<string, string> = { ...headers, "Content-Type": type, "Cache-Control": "no-cache" };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body, { level: 6 });
      out["Content-Encoding"] = "gzip";
      out["Vary"] = "Accept-Encoding";
    }
    out["Content-Length"] = String(body.length);
    response.writeHead(status, out);
    response.end(request.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolveListen) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolveListen({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serveDist(process.argv[2] ?? "dist", Number(process.argv[3] ?? 4321));
  console.log(`Serving ${process.argv[2] ?? "dist"} on ${url} (Ctrl+C to stop)`);
}
