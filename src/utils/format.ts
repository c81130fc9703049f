import type { Status } from "../schemas/vocabularies";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "22 November 2026". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** ISO date "2026-11-22", for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The years a programme ran: "2012–present", "2014–2020", "since 2019 (status unclear)". */
export function formatYears(started: number, ended: number | undefined, status: Status): string {
  if (ended !== undefined) return started === ended ? String(started) : `${started}–${ended}`;
  if (status === "unclear") return `from ${started}`;
  return `${started}–present`;
}

/** "1 case study", "3 case studies". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The first `limit` items of a list a page shows in full only while it is short (a mode's case
 * studies and institutions, which grow with the content), and how many it leaves for a full listing.
 */
export function capList<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** How many case studies and institutions a mode page lists before linking to the full listing. */
export const MODE_PAGE_LIMITS = { caseStudies: 30, institutions: 60 } as const;
