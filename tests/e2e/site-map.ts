import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The first built page under a route folder of dist/ (e.g. the first case study), for smoke tests. */
export function firstPage(route: string): string {
  const dir = join("dist", route);
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "index.html")))
    .map((entry) => entry.name)
    .sort();
  if (ids.length === 0) throw new Error(`dist/${route}/ has no pages`);
  return `/${route}/${ids[0]}/`;
}

/** One page of every page type the site has. */
export function pageOfEachType(): { type: string; path: string }[] {
  const matrixInstitution = readdirSync(join("dist", "matrix"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  if (matrixInstitution === undefined) throw new Error("dist/matrix/ has no cell pages");
  return [
    { type: "home", path: "/" },
    { type: "mode listing", path: "/modes/" },
    { type: "mode", path: firstPage("modes") },
    { type: "institution listing", path: "/institutions/" },
    { type: "institution", path: firstPage("institutions") },
    { type: "case-study listing", path: "/case-studies/" },
    { type: "case study", path: firstPage("case-studies") },
    { type: "guide listing", path: "/guides/" },
    { type: "guide", path: firstPage("guides") },
    { type: "matrix", path: "/matrix/" },
    { type: "matrix cell", path: firstPage(`matrix/${matrixInstitution}`) },
    { type: "search", path: "/search/?q=industrial" },
    { type: "about", path: "/about/" },
    { type: "methodology", path: "/methodology/" },
    { type: "glossary", path: "/glossary/" },
  ];
}
