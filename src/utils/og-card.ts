/**
 * What an Open Graph card (the picture a link shows when shared) says for each page: kind, title,
 * institution, modes. Pure: the model is computed from the atlas here and drawn by og-image.ts at build
 * time (src/utils/side-files.ts), so the wording is unit-tested without rendering a picture.
 */
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { countryName } from "../schemas/countries";
import {
  GUIDE_DIMENSION_LABELS,
  INSTITUTION_TYPE_LABELS,
  MODE_FAMILY_LABELS,
  MODE_IDS,
  MODE_LABELS,
  type ModeId,
} from "../schemas/vocabularies";
import type { Atlas } from "./atlas";
import { buildMatrix } from "./matrix";

/** Size of every card: the 1.91:1 picture Open Graph and large Twitter/X cards expect. */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** The kinds of page that have a card of their own. */
export type OgKind = CollectionKey | "matrix";

/** What a card shows. */
export interface OgCard {
  kind: OgKind;
  /** "Case study", "Engagement mode 4 of 10", … */
  kindLabel: string;
  title: string;
  /** The line under the title: institution and country, a mode's family, a guide's dimension. */
  subtitle: string;
  /** Mode names shown as chips (at most `MAX_CHIPS`, then "+N more"). */
  modes: string[];
  /** For the matrix card: rows of ticks (one row per institution, one boolean per mode). */
  grid?: boolean[][];
}

/** Chips beyond this many are summed up as "+N more". */
export const MAX_CHIPS = 4;

/** Site path of a page's card, e.g. "/og/case-studies/anrt-cifre.png" or "/og/matrix.png". */
export function ogImagePath(kind: OgKind, id?: string): string {
  if (kind === "matrix") return "/og/matrix.png";
  if (id === undefined) throw new Error(`An Open Graph image of a ${kind} entry needs its id`);
  return `/og/${COLLECTIONS[kind].route}/${id}.png`;
}

/** The chips a card shows: the first few modes, then "+N more". */
export function modeChips(modes: readonly ModeId[]): string[] {
  const labels = modes.map((mode) => MODE_LABELS[mode]);
  if (labels.length <= MAX_CHIPS) return labels;
  return [...labels.slice(0, MAX_CHIPS - 1), `+${labels.length - (MAX_CHIPS - 1)} more`];
}

function modesInOrder(modes: readonly ModeId[]): ModeId[] {
  return MODE_IDS.filter((mode) => modes.includes(mode));
}

/** The card of one entry page. Throws on an unknown id, like the atlas lookups. */
export function entryCard(atlas: Atlas, kind: CollectionKey, id: string): OgCard {
  switch (kind) {
    case "caseStudies": {
      const { data } = atlas.caseStudy(id);
      const institution = atlas.institution(data.institution);
      return {
        kind,
        kindLabel: "Case study",
        title: data.title,
        subtitle: `${institution.data.name} · ${countryName(institution.data.country)}`,
        modes: modeChips(modesInOrder(data.modes)),
      };
    }
    case "institutions": {
      const institution = atlas.institution(id);
      const count = institution.caseStudyIds.length;
      return {
        kind,
        kindLabel: INSTITUTION_TYPE_LABELS[institution.data.type],
        title: institution.data.name,
        subtitle: `${countryName(institution.data.country)} · ${count} ${count === 1 ? "case study" : "case studies"}`,
        modes: modeChips(institution.modeIds),
      };
    }
    case "modes": {
      const mode = atlas.mode(id);
      const count = mode.institutionIds.length;
      return {
        kind,
        kindLabel: `Engagement mode ${mode.data.order} of ${MODE_IDS.length}`,
        title: mode.data.title,
        subtitle: `${MODE_FAMILY_LABELS[mode.data.family]} · practised by ${count} ${count === 1 ? "institution" : "institutions"}`,
        modes: [],
      };
    }
    case "guides": {
      const { data } = atlas.guide(id);
      return {
        kind,
        kindLabel: "Guide",
        title: data.title,
        subtitle: GUIDE_DIMENSION_LABELS[data.dimension],
        modes: modeChips(modesInOrder(data.modes)),
      };
    }
  }
}

/** The matrix page's card: its size in words and a thumbnail of its ticks. */
export function matrixCard(atlas: Atlas): OgCard {
  const matrix = buildMatrix(atlas);
  return {
    kind: "matrix",
    kindLabel: "Summary matrix",
    title: "Who practises which engagement mode",
    subtitle: `${matrix.rows.length} institutions × ${matrix.modes.length} modes, from ${atlas.caseStudies.length} case studies`,
    modes: [],
    grid: matrix.rows.map((row) => matrix.modes.map((mode) => row.cells[mode].length > 0)),
  };
}

/** Alt text of a card: what it says, in one line. */
export function ogImageAlt(card: OgCard): string {
  const modes = card.modes.length > 0 ? ` Modes: ${card.modes.join(", ")}.` : "";
  return `${card.kindLabel}: ${card.title}. ${card.subtitle}.${modes}`;
}

/**
 * Every card the site has, in the order a build renders them: the matrix's card (a static route comes
 * first), then one per entry page in the order of the /og/[kind]/[id] route's getStaticPaths
 * (COLLECTIONS order, then the atlas's order), which is the order og-pool.ts queues them in.
 */
export function allCards(atlas: Atlas): { path: string; card: OgCard }[] {
  const keys = Object.keys(COLLECTIONS) as CollectionKey[];
  return [
    { path: ogImagePath("matrix"), card: matrixCard(atlas) },
    ...keys.flatMap((key) => entryIds(atlas, key).map((id) => ({ path: ogImagePath(key, id), card: entryCard(atlas, key, id) }))),
  ];
}

/** The ids of one collection's entries, in the atlas's order. */
export function entryIds(atlas: Atlas, key: CollectionKey): string[] {
  const entries = { modes: atlas.modes, institutions: atlas.institutions, caseStudies: atlas.caseStudies, guides: atlas.guides }[key];
  return entries.map((entry) => entry.id);
}

/** What an entry page passes to BaseLayout's `ogImage`: the card's path and its alt text. */
export function entryOgImage(atlas: Atlas, kind: CollectionKey, id: string): { path: string; alt: string } {
  return { path: ogImagePath(kind, id), alt: ogImageAlt(entryCard(atlas, kind, id)) };
}

/** What the matrix page passes to BaseLayout's `ogImage`. */
export function matrixOgImage(atlas: Atlas): { path: string; alt: string } {
  return { path: ogImagePath("matrix"), alt: ogImageAlt(matrixCard(atlas)) };
}
