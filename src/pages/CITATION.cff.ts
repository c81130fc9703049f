import type { APIRoute } from "astro";
import { readFileSync } from "node:fs";

/** /CITATION.cff: the repository's citation file, served as it is, so the two never differ. */
export const GET: APIRoute = () =>
  new Response(readFileSync("CITATION.cff", "utf8"), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
