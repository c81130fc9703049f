import { z } from "astro/zod";
import { aliases, entryId, httpsUrl, source, vocabulary, year } from "./fields";
import { AUDIENCES, MODE_IDS, STATUSES } from "./vocabularies";

/** One figure that says something about scale or results, always with its year and source. */
export const keyFigure = z.strictObject({
  /** What is counted, e.g. "Industrial PhD projects funded". */
  label: z.string().min(3).max(120),
  /** The figure as written, e.g. "1,182" or "€157 million" or "50–80 %". */
  value: z.string().min(1).max(40),
  /** The year (or last year of the period) the figure describes. */
  year,
  /** The source of this figure; must be one of the case study's sources. */
  source: httpsUrl,
  /** A caveat, if any (e.g. "cumulative since 2012"). */
  note: z.string().min(3).max(200).optional(),
});
export type KeyFigure = z.infer<typeof keyFigure>;

/** Frontmatter of a case study: one programme of one institution. */
export const caseStudySchema = z
  .strictObject({
    /** Title: the programme's name, e.g. "Industrial Researcher programme". Unique across the site. */
    title: z.string().min(5).max(120),
    /** The id of the institution that runs it (a file name in content/institutions/). */
    institution: entryId,
    /** The engagement modes it practises (ids, at least one). Each becomes a tick in the matrix. */
    modes: z.array(vocabulary(MODE_IDS, "mode id")).min(1, { error: "must list at least one mode id" }),
    /** One to three sentences: what it is and why it matters. Shown in listings and search. */
    summary: z.string().min(80).max(400),
    /** Whether it still runs. */
    status: vocabulary(STATUSES, "status"),
    /** Year it started. */
    started: year,
    /** Year it ended, if it has. */
    ended: year.optional(),
    /** Who it is for. */
    audiences: z.array(vocabulary(AUDIENCES, "audience")).min(1),
    /** Figures about scale and results, each with its year and source. */
    keyFigures: z.array(keyFigure).default([]),
    /** How it is paid for, in a sentence or two (who pays, what share). */
    funding: z.string().min(20).max(500),
    /** Where the facts come from (at least one). */
    sources: z.array(source).min(1, { error: "must list at least one source" }),
    /** Date the entry was last checked against its sources, YYYY-MM-DD. */
    lastReviewed: source.shape.accessed,
    /** True only where a page of the EURAXESS engagement toolkit itself presents this case. */
    toolkitConfirmed: z.boolean().default(false),
    /** Old ids that should redirect here. */
    aliases,
  })
  .superRefine((data, ctx) => {
    if (data.ended !== undefined && data.ended < data.started) {
      ctx.addIssue({ code: "custom", path: ["ended"], message: `(${data.ended}) is before started (${data.started})` });
    }
    if (data.status === "ended" && data.ended === undefined) {
      ctx.addIssue({ code: "custom", path: ["ended"], message: 'is required when status is "ended"' });
    }
    if (data.status === "active" && data.ended !== undefined) {
      ctx.addIssue({ code: "custom", path: ["status"], message: `is "active" but ended is ${data.ended}` });
    }
    const duplicates = data.modes.filter((mode, index) => data.modes.indexOf(mode) !== index);
    if (duplicates.length > 0) {
      ctx.addIssue({ code: "custom", path: ["modes"], message: `lists "${duplicates[0]}" twice` });
    }
    const sourceUrls = new Set(data.sources.map((s) => s.url));
    data.keyFigures.forEach((figure, index) => {
      if (!sourceUrls.has(figure.source)) {
        ctx.addIssue({
          code: "custom",
          path: ["keyFigures", index, "source"],
          message: "is not one of this case study's sources; add it to sources or fix the URL",
        });
      }
    });
    if (data.toolkitConfirmed && !data.sources.some((s) => new URL(s.url).hostname.includes("euraxess"))) {
      ctx.addIssue({
        code: "custom",
        path: ["toolkitConfirmed"],
        message: "is true but no source is a EURAXESS toolkit page; cite the toolkit page that shows this case",
      });
    }
  });
export type CaseStudyData = z.infer<typeof caseStudySchema>;
