import type { ModeFamily, ModeId } from "../schemas/vocabularies";
import type { Mode } from "./atlas";

/** Each mode's family, from the mode entries (the family is content, not code). */
export function familiesOf(modes: readonly Mode[]): Record<ModeId, ModeFamily> {
  return Object.fromEntries(modes.map((mode) => [mode.id, mode.data.family])) as Record<ModeId, ModeFamily>;
}
