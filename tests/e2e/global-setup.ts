import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serveDist } from "../../scripts/serve";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built site on 127.0.0.1 for the browser tests, and stops it afterwards. */
export default async function setup(project: TestProject) {
  if (!existsSync("dist/index.html") || !existsSync("dist/pagefind/pagefind.js")) {
    throw new Error("dist/ has no built site with a search index: run `npm run build` before the browser tests (npm test does both).");
  }
  const { server, url } = await serveDist("dist", 0);
  project.provide("baseUrl", url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
