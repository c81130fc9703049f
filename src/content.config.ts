import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { CONTENT_DIR, ENTRY_PATTERN } from "./content-dir";
import { caseStudySchema, COLLECTIONS, guideSchema, institutionSchema, modeSchema } from "./schemas";
import { entryIdFromPath } from "./utils/ids";

/** A glob loader whose ids are file names, refusing two files with the same id. */
function entries(folder: string) {
  const seen = new Map<string, string>();
  return glob({
    base: `${CONTENT_DIR}/${folder}`,
    pattern: ENTRY_PATTERN,
    generateId: ({ entry }) => {
      const id = entryIdFromPath(entry);
      const earlier = seen.get(id);
      if (earlier !== undefined && earlier !== entry) {
        throw new Error(
          `${CONTENT_DIR}/${folder}/${entry}: duplicate id "${id}" — ${CONTENT_DIR}/${folder}/${earlier} has the same file name. Rename one of them.`,
        );
      }
      seen.set(id, entry);
      return id;
    },
  });
}

export const collections = {
  modes: defineCollection({ loader: entries(COLLECTIONS.modes.folder), schema: modeSchema }),
  institutions: defineCollection({ loader: entries(COLLECTIONS.institutions.folder), schema: institutionSchema }),
  caseStudies: defineCollection({ loader: entries(COLLECTIONS.caseStudies.folder), schema: caseStudySchema }),
  guides: defineCollection({ loader: entries(COLLECTIONS.guides.folder), schema: guideSchema }),
};
