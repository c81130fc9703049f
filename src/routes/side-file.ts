/**
 * Dev only: serves the side files (Open Graph cards, per-entry feeds, compare data) that a build
 * writes straight into dist (src/utils/side-files.ts). Injected once per pattern of SIDE_ROUTES by
 * src/integrations/atlas.ts when the command is `astro dev`; Astro tells getStaticPaths which pattern
 * it is listing.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getAtlas } from "../collections";
import { sideFileResponse, sideFiles, sideRoutePaths } from "../utils/side-files";

export const getStaticPaths = (async ({ routePattern }) =>
  sideRoutePaths(sideFiles(await getAtlas()), routePattern)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ url }) => sideFileResponse(sideFiles(await getAtlas()), url.pathname);
