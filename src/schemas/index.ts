export { caseStudySchema, type CaseStudyData, type KeyFigure } from "./case-studies";
export { guideSchema, type GuideData } from "./guides";
export { institutionSchema, type InstitutionData } from "./institutions";
export { modeSchema, type ModeData } from "./modes";
export type { Source } from "./fields";

/** The four collections, their folders under the content directory and their URL segments. */
export const COLLECTIONS = {
  modes: { folder: "modes", route: "modes", label: "Mode" },
  institutions: { folder: "institutions", route: "institutions", label: "Institution" },
  caseStudies: { folder: "case-studies", route: "case-studies", label: "Case study" },
  guides: { folder: "guides", route: "guides", label: "Guide" },
} as const;
export type CollectionKey = keyof typeof COLLECTIONS;
