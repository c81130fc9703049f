import { distance } from "fastest-levenshtein";

/**
 * The valid values closest to a mistyped one, best first: what "did you mean …?" offers.
 * A candidate qualifies when it is within a third of the longer string's length in edits,
 * or when one contains the other (a shortened or extended id).
 */
export function closestMatches(value: string, candidates: readonly string[], max = 3): string[] {
  const needle = value.toLowerCase();
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const edits = distance(needle, lower);
      const contains = needle.length >= 3 && (lower.includes(needle) || needle.includes(lower));
      return { candidate, edits, ok: contains || edits <= Math.max(2, Math.ceil(Math.max(needle.length, lower.length) / 3)) };
    })
    .filter((scored) => scored.ok)
    .sort((a, b) => a.edits - b.edits || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((scored) => scored.candidate);
}

/** "did you mean "a" or "b"?" — or an empty string when nothing is close. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const matches = closestMatches(value, candidates);
  if (matches.length === 0) return "";
  return ` Did you mean ${matches.map((m) => `"${m}"`).join(" or ")}?`;
}

/** A list of valid values for an error message, shortened when it is long. */
export function listChoices(candidates: readonly string[], max = 20): string {
  const shown = candidates
    .slice(0, max)
    .map((c) => `"${c}"`)
    .join(", ");
  return candidates.length > max ? `${shown}, … (${candidates.length} in all)` : shown;
}
