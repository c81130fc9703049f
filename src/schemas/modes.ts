import { z } from "astro/zod";
import { aliases, source, vocabulary } from "./fields";
import { AUDIENCES, GOALS, MODE_FAMILIES, MODE_IDS } from "./vocabularies";

/** Frontmatter of a mode: the guidance page for one of the ten engagement modes. */
export const modeSchema = z.strictObject({
  /** Full title of the mode, e.g. "Industrial PhD". */
  title: z.string().min(3).max(80),
  /** Position in the toolkit's order, 1–10; must agree with the id's place in MODE_IDS. */
  order: z.int().min(1).max(MODE_IDS.length),
  /** The family this mode belongs to (groups matrix columns). */
  family: vocabulary(MODE_FAMILIES, "mode family"),
  /** One or two sentences: what this mode is. Shown in listings and search results. */
  summary: z.string().min(60).max(320),
  /** The goals this mode serves; the mode finder matches on these. */
  goals: z.array(vocabulary(GOALS, "goal")).min(1),
  /** Who takes part or benefits. */
  audiences: z.array(vocabulary(AUDIENCES, "audience")).min(1),
  /** What each side gains. */
  benefits: z.strictObject({
    /** Gains for researchers and doctoral candidates. */
    researchers: z.array(z.string().min(10)).min(1),
    /** Gains for companies. */
    business: z.array(z.string().min(10)).min(1),
    /** Gains for universities, research organisations and funders. */
    institutions: z.array(z.string().min(10)).min(1),
  }),
  /** What tends to make it hard. */
  challenges: z.array(z.string().min(10)).min(1),
  /** How to set one up, step by step, in order. */
  setup: z.array(z.string().min(10)).min(3),
  /** Indicators of success (KPIs) an institution can track. */
  indicators: z.array(z.string().min(5)).min(2),
  /** Closely related modes (ids), shown as "see also". */
  related: z.array(vocabulary(MODE_IDS, "mode id")).default([]),
  /** Where the guidance comes from. */
  sources: z.array(source).min(1),
  /** Date the guidance was last checked, YYYY-MM-DD. */
  lastReviewed: source.shape.accessed,
  /** Old ids that should redirect here. */
  aliases,
});
export type ModeData = z.infer<typeof modeSchema>;
