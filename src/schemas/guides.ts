import { z } from "astro/zod";
import { aliases, source, vocabulary } from "./fields";
import { AUDIENCES, GUIDE_DIMENSIONS, MODE_IDS } from "./vocabularies";

/** Frontmatter of a guide: cross-cutting advice on one dimension of strategic collaboration. */
export const guideSchema = z.strictObject({
  /** Title of the guide. */
  title: z.string().min(5).max(120),
  /** Which dimension of strategic collaboration it covers. */
  dimension: vocabulary(GUIDE_DIMENSIONS, "guide dimension"),
  /** One or two sentences: what the reader will take away. */
  summary: z.string().min(60).max(320),
  /** Who it is written for. */
  audiences: z.array(vocabulary(AUDIENCES, "audience")).min(1),
  /** The modes it applies to (ids). */
  modes: z.array(vocabulary(MODE_IDS, "mode id")).min(1),
  /** Where its facts come from. */
  sources: z.array(source).min(1),
  /** Date it was last checked, YYYY-MM-DD. */
  lastReviewed: source.shape.accessed,
  /** Old ids that should redirect here. */
  aliases,
});
export type GuideData = z.infer<typeof guideSchema>;
