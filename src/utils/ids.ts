/** The entry id of a content file: its file name without folders or extension. */
export function entryIdFromPath(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.mdx?$/, "");
}

/** True when an id is kebab-case, the only form ids and URL segments take. */
export function isKebabCase(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}
