/**
 * The mode finder on /modes/: a visitor picks goals (why they want to work with the other side) and
 * audiences (who takes part), and sees which modes fit and why. Goals combine with OR, audiences with
 * OR, and the two with AND, like every other filter on the site. URL form: `?goal=recruit-talent,access-expertise&audience=smes`
 * (`audience` is the shared filter parameter of src/utils/filters.ts).
 */
import { AUDIENCE_LABELS, GOAL_LABELS, GOALS, type Audience, type Goal } from "../schemas/vocabularies";
import { parseFilters, serializeFilters, emptyFilters } from "./filters";

/** What the visitor chose. */
export interface ModeFinderChoice {
  goals: Goal[];
  audiences: Audience[];
}

/** The part of a mode the finder looks at. */
export interface FinderMode {
  id: string;
  goals: readonly Goal[];
  audiences: readonly Audience[];
}

/** Whether a mode fits the choice, and the chosen goals and audiences that make it fit. */
export interface ModeMatch {
  id: string;
  matches: boolean;
  /** Chosen goals this mode serves, in vocabulary order. */
  goals: Goal[];
  /** Chosen audiences that take part in this mode, in vocabulary order. */
  audiences: Audience[];
}

/** Reads the choice from a query string; repeated and comma-separated values both work; unknown ones are dropped. */
export function parseModeFinder(search: string | URLSearchParams): ModeFinderChoice {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const wanted = params.getAll("goal").flatMap((value) => value.split(",").map((part) => part.trim()));
  return { goals: GOALS.filter((goal) => wanted.includes(goal)), audiences: parseFilters(params).audience as Audience[] };
}

/** Writes the choice as a query string (without "?"): goal first, then audience; empty parts are left out. */
export function serializeModeFinder(choice: ModeFinderChoice): string {
  const goal = choice.goals.length > 0 ? `goal=${GOALS.filter((g) => choice.goals.includes(g)).join(",")}` : "";
  const audience = serializeFilters({ ...emptyFilters(), audience: choice.audiences });
  return [goal, audience].filter((part) => part !== "").join("&");
}

/** Matches one mode: it must serve one of the chosen goals (if any) and involve one of the chosen audiences (if any). */
export function matchMode(mode: FinderMode, choice: ModeFinderChoice): ModeMatch {
  const goals = choice.goals.filter((goal) => mode.goals.includes(goal));
  const audiences = choice.audiences.filter((audience) => mode.audiences.includes(audience));
  const matches = (choice.goals.length === 0 || goals.length > 0) && (choice.audiences.length === 0 || audiences.length > 0);
  return { id: mode.id, matches, goals, audiences };
}

/** Every mode with its match, in the order given. */
export function findModes(modes: readonly FinderMode[], choice: ModeFinderChoice): ModeMatch[] {
  return modes.map((mode) => matchMode(mode, choice));
}

/**
 * Why a mode is shown, in words: "Serves Recruit talent and Access expertise · involves Companies".
 * Empty when nothing was chosen or the mode does not match.
 */
export function explainMatch(match: ModeMatch): string {
  if (!match.matches) return "";
  const parts: string[] = [];
  if (match.goals.length > 0) parts.push(`Serves ${joinAnd(match.goals.map((goal) => GOAL_LABELS[goal]))}`);
  if (match.audiences.length > 0) parts.push(`involves ${joinAnd(match.audiences.map((audience) => AUDIENCE_LABELS[audience]))}`);
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How many modes each goal and each audience would show: for a goal, the modes that serve it and pass
 * the audience choice; for an audience, the modes that involve it and pass the goal choice.
 */
export function finderCounts(
  modes: readonly FinderMode[],
  choice: ModeFinderChoice,
): { goals: Record<string, number>; audiences: Record<string, number> } {
  const goals: Record<string, number> = {};
  const audiences: Record<string, number> = {};
  for (const mode of modes) {
    if (matchMode(mode, { ...choice, goals: [] }).matches) for (const goal of mode.goals) goals[goal] = (goals[goal] ?? 0) + 1;
    if (matchMode(mode, { ...choice, audiences: [] }).matches)
      for (const audience of mode.audiences) audiences[audience] = (audiences[audience] ?? 0) + 1;
  }
  return { goals, audiences };
}

/** For each goal, the modes that serve it, in the order given (the static, no-JavaScript form of the finder). */
export function modesByGoal(modes: readonly FinderMode[]): Record<Goal, string[]> {
  return Object.fromEntries(
    GOALS.map((goal) => [goal, modes.filter((mode) => mode.goals.includes(goal)).map((mode) => mode.id)]),
  ) as Record<Goal, string[]>;
}

function joinAnd(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
