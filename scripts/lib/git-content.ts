/** Reading the content of another version from git, into memory: nothing is checked out. */
import { spawnSync } from "node:child_process";
import type { CollectionKey } from "../../src/schemas";
import { collectionOfFolder, type SourceFile } from "../../src/utils/content-check";

function git(args: string[], input?: string): string {
  const result = spawnSync("git", args, { encoding: "utf8", input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${(result.stderr || result.error?.message || "").trim()}`);
  return result.stdout;
}

/** Every entry file under `root` at `ref`, read in one `git cat-file --batch` (fast for thousands of files). */
export function readContentAtRef(ref: string, root: string): SourceFile[] {
  const verify = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { encoding: "utf8" });
  if (verify.status !== 0)
    throw new Error(`"${ref}" is not a commit, branch or tag this repository knows (try origin/main, or git fetch first).`);
  const prefix = git(["rev-parse", "--show-prefix"]).trim();
  const base = `${prefix}${root.replace(/^\.\//, "").replace(/\/$/, "")}/`;
  const paths = git(["ls-tree", "-r", "--full-name", "--name-only", ref, "--", root])
    .split("\n")
    .filter((path) => path.endsWith(".mdx") && !(path.split("/").pop() ?? "").startsWith("_"))
    .sort();
  if (paths.length === 0) return [];
  const batch = Buffer.from(git(["cat-file", "--batch"], paths.map((path) => `${ref}:${path}`).join("\n") + "\n"), "utf8");
  const files: SourceFile[] = [];
  let offset = 0;
  for (const path of paths) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString("utf8");
    const size = Number(header.split(" ")[2]);
    const text = batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
    offset = headerEnd + 1 + size + 1;
    const folder = path.slice(base.length).split("/")[0] ?? "";
    const collection: CollectionKey | undefined = collectionOfFolder(folder);
    if (collection !== undefined) files.push({ collection, path: `${ref}:${path}`, text });
  }
  return files;
}
