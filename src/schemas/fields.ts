import { z } from "astro/zod";
import { didYouMean, listChoices } from "../utils/suggest";

/**
 * A closed vocabulary as a Zod enum whose error names the bad value, every valid choice and
 * the closest match, so an editor can fix a typo without opening the code.
 */
export function vocabulary<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => {
      const input = issue.input;
      if (typeof input !== "string") return `must be a ${what} (one of ${listChoices(values)}), got ${JSON.stringify(input)}.`;
      return `is not a valid ${what}: "${input}". Valid choices: ${listChoices(values)}.${didYouMean(input, values)}`;
    },
  });
}

/** A kebab-case id of another entry (checked against the real entries after loading). */
export const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case id such as "ghent-university"' });

/** A four-digit calendar year from 1000 to 2100. */
export const year = z.int({ error: "must be a four-digit year such as 2019" }).min(1000).max(2100);

/** An absolute https URL. Plain http is refused: every source must be reachable securely. */
export const httpsUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname.includes(".");
    } catch {
      return false;
    }
  },
  { error: (issue) => `must be an absolute https:// URL, got ${JSON.stringify(issue.input)}` },
);

/** A calendar date written YYYY-MM-DD, not in the future. */
export const pastDate = z.coerce.date({ error: "must be a date written YYYY-MM-DD" }).refine((date) => date.getTime() <= Date.now(), {
  error: (issue) => `is in the future (${(issue.input as Date).toISOString().slice(0, 10)}); use the date the check was made`,
});

/** One source a fact comes from. */
export const source = z.strictObject({
  /** Title of the page or document, as it is published. */
  title: z.string().min(3),
  /** Its address: an https URL, preferably the organisation's own page rather than a mirror. */
  url: httpsUrl,
  /** Who publishes it (optional), e.g. "Innovation Fund Denmark". */
  publisher: z.string().min(2).optional(),
  /** The date the source was read, YYYY-MM-DD. */
  accessed: pastDate,
});
export type Source = z.infer<typeof source>;

/** Old ids of a renamed entry; each keeps its old URL working as a redirect. */
export const aliases = z.array(entryId).default([]);
