import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { COLLECTIONS, type CollectionKey } from "../../src/schemas";
import type { SourceFile } from "../../src/utils/content-check";

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Reads every entry file (not templates or drafts) of the four collections under `root`. */
export function readContent(root: string): SourceFile[] {
  return (Object.keys(COLLECTIONS) as CollectionKey[]).flatMap((collection) =>
    walk(join(root, COLLECTIONS[collection].folder))
      .filter((path) => path.endsWith(".mdx") && !(path.split(/[\\/]/).pop() ?? "").startsWith("_"))
      .sort()
      .map((path) => ({ collection, path: relative(process.cwd(), path), text: readFileSync(path, "utf8") })),
  );
}
