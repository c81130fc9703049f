/** The four kinds of entry page, as PagefindFacets tags them (`kind:<id>`), and their labels. */
export const KINDS = ["case-study", "mode", "institution", "guide"] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  "case-study": "Case study",
  mode: "Engagement mode",
  institution: "Institution",
  guide: "Guide",
};
