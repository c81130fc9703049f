import { z } from "astro/zod";
import { COUNTRY_CODES } from "./countries";
import { aliases, httpsUrl, source, vocabulary, year } from "./fields";
import { INSTITUTION_TYPES } from "./vocabularies";

/** Frontmatter of an institution: an organisation that runs or funds engagement programmes. */
export const institutionSchema = z.strictObject({
  /** Full name in English, e.g. "Ghent University". */
  name: z.string().min(3).max(120),
  /** Short name or acronym used in tables, e.g. "UGent". */
  shortName: z.string().min(2).max(40),
  /** Country, as an ISO 3166-1 alpha-2 code (the UK is "GB"; "EU" for EU-wide programmes). */
  country: vocabulary(COUNTRY_CODES, "country code (ISO 3166-1 alpha-2)"),
  /** City of its seat, if known with confidence. */
  city: z.string().min(2).optional(),
  /** What kind of organisation it is. */
  type: vocabulary(INSTITUTION_TYPES, "institution type"),
  /** Its official website, https. */
  website: httpsUrl,
  /** Year founded, if sources agree. */
  founded: year.optional(),
  /** One or two sentences: who they are and how they work with industry. */
  summary: z.string().min(60).max(400),
  /** Sources for the facts on this page. */
  sources: z.array(source).min(1),
  /** Date the entry was last checked, YYYY-MM-DD. */
  lastReviewed: source.shape.accessed,
  /** Old ids that should redirect here. */
  aliases,
});
export type InstitutionData = z.infer<typeof institutionSchema>;
