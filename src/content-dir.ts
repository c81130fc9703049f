/**
 * Where the editors' MDX lives. `ATLAS_CONTENT_DIR` points the build at another folder (the
 * benchmark builds a generated corpus this way); by default it is `content/` at the top.
 */
export const CONTENT_DIR = process.env["ATLAS_CONTENT_DIR"] ?? "content";

/** Files an editor writes; a name starting with "_" is a template or a draft and is not built. */
export const ENTRY_PATTERN = "**/[!_]*.mdx";
