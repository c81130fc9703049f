/**
 * The benchmark's corpus: a deterministic (seeded) but realistic content directory with the shape of
 * content/ — the ten real modes, the real guides, `institutions` organisations across real ISO
 * countries and every institution type, and `caseStudies` case studies over all ten modes, each with
 * the frontmatter an editor writes (statuses, years, audiences, key figures whose sources are listed,
 * funding) and a 300–500-word body with the four required `##` sections. The same entries are written
 * as the two peer sites' pages (title + description + the same body), so all three sites build the
 * same text.
 *
 * Words: the body text mixes English function words, a domain vocabulary and ~6,000 made-up words
 * drawn with a Zipf distribution (as natural text is), so the search index has a realistic number of
 * distinct words. Two probe words are planted for the search measurements: `quartz` in about 2 % of
 * case studies and `meridian` in about 30 %.
 *
 * `tsx bench/generate.ts <out-dir> [caseStudies] [institutions]` writes a corpus on its own.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import {
  AUDIENCES,
  INSTITUTION_TYPES,
  MODE_IDS,
  STATUSES,
  type Audience,
  type InstitutionType,
  type ModeId,
} from "../src/schemas/vocabularies";
import type { CountryCode } from "../src/schemas/countries";

/** The word planted in ~2 % of case studies (a rare query) and in ~30 % (a common one). */
export const PROBE_RARE = "quartz";
export const PROBE_COMMON = "meridian";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** mulberry32: a small, fast, well-distributed PRNG; the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `count` distinct items, in the list's own order. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An index in [0, n) with Zipf weights (s ≈ 1.05), via a precomputed cumulative table. */
  zipf(cumulative: Float64Array): number {
    const x = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Cumulative Zipf weights 1/(rank + offset)^s; an offset flattens the head a little, as in real vocabularies. */
function zipfTable(n: number, s = 1.05, offset = 0): Float64Array {
  const table = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += 1 / (i + 1 + offset) ** s;
    table[i] = sum;
  }
  return table;
}

// prettier-ignore
const FUNCTION_WORDS = ["the", "of", "and", "to", "a", "in", "for", "is", "that", "on", "with", "as", "by", "it", "are", "from", "at", "this", "be", "or", "which", "an", "their", "they", "its", "was", "has", "have", "more", "not", "also", "each", "but", "who", "can", "into", "than", "other", "most", "some", "both", "after", "before", "when", "where", "while", "over", "through", "between", "about", "per", "every", "all", "one", "two", "three", "first", "new", "often", "usually", "only", "well", "then", "so", "such", "these", "those", "own", "many", "few"];

// prettier-ignore
const DOMAIN_WORDS = ["research", "company", "companies", "university", "universities", "doctoral", "candidate", "candidates", "industry", "industrial", "partner", "partners", "partnership", "project", "projects", "programme", "funding", "funder", "grant", "grants", "salary", "supervisor", "supervision", "laboratory", "laboratories", "collaboration", "contract", "agreement", "intellectual", "property", "licence", "licensing", "patent", "patents", "publication", "publications", "innovation", "technology", "transfer", "knowledge", "staff", "placement", "placements", "secondment", "mobility", "fellowship", "fellowships", "mentor", "mentors", "mentoring", "alumni", "network", "networks", "career", "careers", "employer", "employers", "recruitment", "talent", "skills", "training", "workshop", "workshops", "facility", "facilities", "infrastructure", "equipment", "consultancy", "services", "expertise", "applied", "basic", "science", "engineering", "medicine", "chemistry", "physics", "biology", "materials", "energy", "digital", "software", "data", "manufacturing", "health", "climate", "agriculture", "regional", "national", "european", "public", "private", "small", "medium", "enterprises", "start-ups", "spin-offs", "venture", "market", "product", "products", "prototype", "pilot", "evaluation", "impact", "outcome", "outcomes", "results", "survey", "report", "annual", "budget", "euros", "million", "share", "co-funding", "matching", "call", "calls", "application", "applications", "selection", "panel", "review", "criteria", "eligible", "eligibility", "duration", "months", "years", "weeks", "time", "part-time", "full-time", "host", "hosts", "hosted", "department", "faculty", "school", "centre", "centres", "institute", "institutes", "agency", "ministry", "government", "policy", "strategy", "goals", "objectives", "priority", "priorities", "quality", "standards", "milestones", "deliverables", "reporting", "monitoring", "indicators", "targets", "growth", "jobs", "employment", "graduates", "postdoctoral", "researchers", "scientists", "engineers", "managers", "advisers", "officers", "liaison", "office", "offices", "cluster", "clusters", "ecosystem", "consortium", "consortia", "members", "membership", "events", "fair", "fairs", "day", "days", "visits", "talks", "seminar", "seminars", "courses", "modules", "credits", "thesis", "degree", "doctorate", "doctorates", "students", "master", "interns", "internship", "internships", "apprenticeship", "trust", "culture", "expectations", "incentives", "risk", "risks", "confidentiality", "negotiation", "terms", "costs", "overheads", "fees", "revenue", "income", "savings", "return", "investment", "capacity", "scale", "growth", "learning", "lessons", "challenges", "barriers", "success", "successful", "improved", "increased", "reduced", "launched", "established", "expanded", "renewed", "continued", "completed", "funded", "supported", "matched", "placed", "trained", "hired", "recruited", "signed", "reported", "measured", "assessed", "published", "shared", "joint", "jointly", "long-term", "short-term", "early-stage", "mid-career", "senior", "junior", "open", "competitive", "flexible", "structured", "tailored", "practical", "hands-on", "cross-border", "international", "local"];

// prettier-ignore
const SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "an", "be", "cor", "dun", "el", "fa", "gri", "hal", "is", "jor", "kes", "lun", "mar", "nor", "ost", "pel", "quin", "ros", "sil", "tam", "ul", "var", "wen", "xi", "yor", "zan", "bra", "cle", "dro", "fin", "gal", "hem", "ion", "lex", "mon", "nis", "or", "pra", "rin", "sto", "tri", "vin", "zel"];

/** ~6,000 distinct made-up words (names of methods, places and products that real texts are full of). */
function syntheticWords(dice: Dice, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const parts = dice.int(2, 4);
    let word = "";
    for (let i = 0; i < parts; i += 1) word += dice.pick(SYLLABLES);
    if (word !== PROBE_RARE && word !== PROBE_COMMON) words.add(word);
  }
  return [...words];
}

// Real ISO 3166-1 codes, European-heavy like the real atlas, with a spread of others; weights ≈ how often each appears.
// prettier-ignore
const COUNTRIES: [CountryCode, number][] = [
  ["DE", 12], ["FR", 10], ["GB", 10], ["ES", 8], ["IT", 8], ["NL", 6], ["BE", 5], ["DK", 4], ["SE", 4], ["FI", 3], ["NO", 3], ["AT", 4],
  ["CH", 4], ["IE", 3], ["PT", 3], ["PL", 4], ["CZ", 3], ["SK", 1], ["HU", 2], ["RO", 2], ["BG", 1], ["GR", 2], ["HR", 1], ["SI", 1],
  ["EE", 1], ["LV", 1], ["LT", 1], ["LU", 1], ["MT", 1], ["CY", 1], ["IS", 1], ["RS", 1], ["TR", 2], ["UA", 1], ["IL", 1], ["US", 6],
  ["CA", 3], ["MX", 1], ["BR", 2], ["AR", 1], ["CL", 1], ["CO", 1], ["ZA", 1], ["KE", 1], ["NG", 1], ["EG", 1], ["MA", 1], ["IN", 3],
  ["CN", 3], ["JP", 3], ["KR", 2], ["SG", 1], ["TW", 1], ["AU", 2], ["NZ", 1], ["TH", 1], ["MY", 1], ["VN", 1], ["ID", 1], ["EU", 2],
];

/** Weights per institution type; a Record, so a type added to the vocabulary must be given one. */
const TYPE_SHARES: Record<InstitutionType, number> = {
  university: 50,
  "research-organisation": 16,
  "research-funder": 10,
  "public-agency": 9,
  "learned-society": 5,
  association: 6,
  "international-programme": 4,
};
const TYPE_WEIGHTS: [InstitutionType, number][] = INSTITUTION_TYPES.map((type) => [type, TYPE_SHARES[type]]);

function weighted<T>(dice: Dice, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let x = dice.next() * total;
  for (const [item, weight] of items) {
    x -= weight;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const NAME_PATTERNS: Record<InstitutionType, readonly string[]> = {
  university: ["University of {city}", "{city} University", "{city} University of Technology", "Technical University of {city}"],
  "research-organisation": [
    "{city} Institute for Applied Research",
    "{city} Research Centre",
    "{name} Institute of Materials",
    "{name} Society for Research",
  ],
  "research-funder": ["{name} Research Council", "{name} Science Foundation", "{city} Innovation Fund"],
  "public-agency": ["{name} Agency for Innovation", "{city} Regional Development Agency", "{name} Office for Research and Technology"],
  "learned-society": ["Royal Society of {city}", "{name} Academy of Sciences", "{name} Academy of Engineering"],
  association: ["{name} Association of Doctors", "{city} Research Careers Association", "{name} Network of Research Managers"],
  "international-programme": ["{name} International Mobility Programme", "{name} Doctoral Network", "{name} Partnership Programme"],
};

/** The programme names typical of each mode; a case study's title is built from its first mode. */
const PROGRAMME_NAMES: Record<ModeId, readonly string[]> = {
  "joint-research": ["Joint Research Centre", "Collaborative Research Programme", "Industry Research Partnership", "Co-funded Laboratory"],
  "commercial-rd": ["Contract Research Service", "Commercial R&D Programme", "Technology Development Contracts", "Applied R&D Projects"],
  "temporary-mobility": [
    "Industry Secondment Scheme",
    "Researcher Placement Programme",
    "Staff Exchange Fellowship",
    "Short Industry Fellowship",
  ],
  "industrial-phd": ["Industrial Doctorate Programme", "Industrial PhD Fellowships", "Doctoral Training Partnership", "Company PhD Scheme"],
  "job-offers": ["Research Job Board", "Careers Vacancy Service", "PhD Talent Platform", "Research Jobs Portal"],
  consultancy: ["Expert Consultancy Service", "Academic Consulting Office", "Knowledge Vouchers", "Expertise on Demand"],
  "shared-infrastructure": ["Core Facilities Access", "Shared Pilot Plant", "Open Laboratory Programme", "Research Infrastructure Access"],
  "career-days": ["Researcher Career Day", "PhD Careers Fair", "Industry Meets Science Day", "Career Pathways Forum"],
  "alumni-networks": ["Doctoral Alumni Network", "Research Alumni Circle", "Alumni in Industry Programme", "Graduate Network"],
  "industry-mentoring": [
    "Industry Mentoring Programme",
    "Mentor Network for Researchers",
    "Business Mentoring Scheme",
    "Career Mentoring Circle",
  ],
};

// prettier-ignore
const FIGURE_LABELS = ["Projects funded since the start", "Doctoral candidates taking part", "Companies involved", "Annual budget", "Participants per year", "Placements completed", "Share of graduates employed in industry", "Mentoring pairs formed", "Events held", "Co-funding per project", "New agreements signed in the year", "Applications received"];

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Writes text: sentences of function, domain and Zipf-distributed made-up words. */
class Writer {
  readonly zipf: Float64Array;
  constructor(
    readonly dice: Dice,
    readonly words: readonly string[],
  ) {
    this.zipf = zipfTable(words.length, 1.05, 8);
  }
  word(): string {
    const x = this.dice.next();
    if (x < 0.42) return this.dice.pick(FUNCTION_WORDS);
    if (x < 0.8) return this.dice.pick(DOMAIN_WORDS);
    return this.words[this.dice.zipf(this.zipf)]!;
  }
  sentence(extra?: string): string {
    const length = this.dice.int(9, 19);
    const parts: string[] = [];
    for (let i = 0; i < length; i += 1) parts.push(this.word());
    if (extra !== undefined) parts.splice(this.dice.int(1, parts.length - 1), 0, extra);
    if (this.dice.chance(0.25)) parts.splice(this.dice.int(2, parts.length - 2), 0, `${String(this.dice.int(2, 2025))},`);
    return `${capital(parts.join(" "))}.`;
  }
  paragraph(sentences: number, extra?: string): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i += 1) out.push(this.sentence(i === 0 ? extra : undefined));
    return out.join(" ");
  }
}

/** One generated entry: where it goes, its frontmatter and its Markdown body. */
export interface GeneratedEntry {
  collection: "modes" | "institutions" | "case-studies" | "guides";
  id: string;
  data: Record<string, unknown>;
  body: string;
  /** Title and description for the peer sites. */
  title: string;
  description: string;
}

export interface CorpusOptions {
  caseStudies: number;
  institutions: number;
  seed?: number;
}

export interface CorpusSummary {
  caseStudies: number;
  institutions: number;
  modes: number;
  guides: number;
  /** Entries in all four collections. */
  entries: number;
  /** Words in the case-study bodies, on average. */
  averageCaseStudyWords: number;
  /** Distinct (institution, mode) pairs: matrix cells with a tick. */
  filledCells: number;
  probeHits: { rare: number; common: number };
  bytes: number;
}

const ACCESSED = "2026-09-15";

function frontmatterFile(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

/** Reads the real modes and guides, which the corpus copies as they are. */
function realEntries(folder: "modes" | "guides"): { id: string; path: string }[] {
  const dir = join(REPO, "content", folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx") && !name.startsWith("_"))
    .sort()
    .map((name) => ({ id: name.replace(/\.mdx$/, ""), path: join(dir, name) }));
}

/** Generates the institutions and case studies (the modes and guides are the real ones). */
export function generateEntries(options: CorpusOptions): GeneratedEntry[] {
  const dice = new Dice(random(options.seed ?? 20261122));
  const writer = new Writer(dice, syntheticWords(dice, 6000));
  const entries: GeneratedEntry[] = [];
  const cities = syntheticWords(new Dice(random(7)), 1500).map(capital);
  const peoples = syntheticWords(new Dice(random(11)), 800).map(capital);

  const institutions: { id: string; name: string; shortName: string; host: string }[] = [];
  const usedNames = new Set<string>();
  const usedIds = new Set<string>();
  for (let i = 0; i < options.institutions; i += 1) {
    const type = weighted(dice, TYPE_WEIGHTS);
    const country = weighted(dice, COUNTRIES);
    const city = dice.pick(cities);
    let name = dice.pick(NAME_PATTERNS[type]).replace("{city}", city).replace("{name}", dice.pick(peoples));
    if (usedNames.has(name)) name = `${name} ${i + 1}`;
    usedNames.add(name);
    let id = slugify(name);
    if (usedIds.has(id)) id = `${id}-${i + 1}`;
    usedIds.add(id);
    const initials = name
      .split(/\s+/)
      .filter((word) => /^[A-Z]/.test(word))
      .map((word) => word[0])
      .join("");
    const shortName = initials.length >= 2 ? initials : `${initials}X`;
    const host = `www.${id.slice(0, 40)}.example.org`;
    institutions.push({ id, name, shortName, host });
    const founded = dice.chance(0.7) ? dice.int(1450, 2015) : undefined;
    const summary = `${name} is a ${type.replace(/-/g, " ")} in ${city} that works with industry through ${dice.pick(
      DOMAIN_WORDS,
    )} and ${dice.pick(DOMAIN_WORDS)}. ${writer.sentence()}`.slice(0, 390);
    const data: Record<string, unknown> = {
      name,
      shortName,
      country,
      city,
      type,
      website: `https://${host}`,
      ...(founded === undefined ? {} : { founded }),
      summary,
      sources: [{ title: `About ${name}`, url: `https://${host}/about`, publisher: name, accessed: ACCESSED }],
      lastReviewed: ACCESSED,
      aliases: [],
    };
    const body = [
      "## Working with industry",
      "",
      writer.paragraph(dice.int(3, 5)),
      "",
      "## Good to know",
      "",
      writer.paragraph(dice.int(2, 3)),
    ].join("\n");
    entries.push({ collection: "institutions", id, data, body, title: name, description: summary });
  }

  // Case studies spread over institutions with a skew: a few run many programmes, many run one or two.
  const institutionWeights = zipfTable(institutions.length, 0.6);
  const rareEvery = 50;
  const titles = new Set<string>();
  for (let i = 0; i < options.caseStudies; i += 1) {
    const institution = institutions[dice.zipf(institutionWeights)]!;
    const modeCount = dice.chance(0.55) ? 1 : dice.chance(0.7) ? 2 : 3;
    const modes = dice.some(MODE_IDS, modeCount);
    const first = modes[dice.int(0, modes.length - 1)]!;
    let title = `${institution.shortName} ${dice.pick(PROGRAMME_NAMES[first])}`;
    if (titles.has(title.toLowerCase())) title = `${title} ${dice.pick(cities)}`;
    if (titles.has(title.toLowerCase())) title = `${title} ${i + 1}`;
    titles.add(title.toLowerCase());
    const id = `${slugify(title).slice(0, 60).replace(/-+$/, "")}-${(i + 1).toString(36)}`;
    const status = weighted<(typeof STATUSES)[number]>(dice, [
      ["active", 60],
      ["pilot", 8],
      ["ended", 22],
      ["unclear", 10],
    ]);
    const started = dice.int(1975, 2024);
    const ended = status === "ended" ? Math.min(2026, started + dice.int(1, 15)) : undefined;
    const audiences = dice.some<Audience>(AUDIENCES, dice.int(1, 4));
    const sourceCount = dice.int(1, 4);
    const sources = Array.from({ length: sourceCount }, (_, k) => ({
      title: `${title}: ${k === 0 ? "programme page" : `report ${2014 + k * 3}`}`,
      url: `https://${institution.host}/programmes/${id}/${k === 0 ? "" : `report-${2014 + k * 3}`}`,
      publisher: institution.name,
      accessed: ACCESSED,
    }));
    const toolkitConfirmed = dice.chance(0.01);
    if (toolkitConfirmed) {
      sources.push({
        title: "Academia–Business Engagement tool: case study",
        url: `https://euraxess.ec.europa.eu/career-development/engagement-tool/${id}`,
        publisher: "EURAXESS",
        accessed: ACCESSED,
      });
    }
    const keyFigures = Array.from({ length: dice.int(0, 4) }, () => {
      const kind = dice.int(0, 2);
      const value =
        kind === 0 ? dice.int(12, 9800).toLocaleString("en") : kind === 1 ? `€${dice.int(1, 250)} million` : `${dice.int(10, 95)} %`;
      return {
        label: dice.pick(FIGURE_LABELS),
        value,
        year: dice.int(Math.max(started, 2000), 2025),
        source: dice.pick(sources).url,
        ...(dice.chance(0.3) ? { note: "Cumulative since the start of the programme." } : {}),
      };
    });
    const summary = `${title} is run by ${institution.name}. ${writer.sentence()} ${writer.sentence()}`.slice(0, 395);
    const data: Record<string, unknown> = {
      title,
      institution: institution.id,
      modes,
      summary: summary.length >= 80 ? summary : `${summary} ${writer.sentence()}`.slice(0, 395),
      status,
      started,
      ...(ended === undefined ? {} : { ended }),
      audiences,
      keyFigures,
      funding: `${capital(dice.pick(["the ministry", "the regional government", "the host company", "the research council"]))} pays ${dice.int(
        20,
        80,
      )} % of the costs; ${dice.pick(["the partner company", "the university", "the participating firm"])} pays the rest.`,
      sources,
      lastReviewed: ACCESSED,
      toolkitConfirmed,
      aliases: [],
    };
    const probe = i % rareEvery === 7 ? PROBE_RARE : undefined;
    const common = dice.chance(0.3) ? PROBE_COMMON : undefined;
    const body = [
      "## How it works",
      "",
      writer.paragraph(dice.int(4, 6), probe),
      "",
      writer.paragraph(dice.int(3, 5)),
      "",
      writer.paragraph(dice.int(2, 4)),
      "",
      "## Who it is for",
      "",
      `${writer.sentence()} [${institution.name}](/institutions/${institution.id}/) ${writer.sentence().toLowerCase()}`,
      writer.paragraph(dice.int(1, 3), common),
      "",
      "## Outcomes",
      "",
      writer.paragraph(dice.int(4, 6)),
      "",
      "## Lessons",
      "",
      ...Array.from({ length: dice.int(3, 5) }, () => `- ${writer.sentence()}`),
    ].join("\n");
    entries.push({ collection: "case-studies", id, data, body, title, description: String(data["summary"]) });
  }
  return entries;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[a-z0-9]/i.test(word)).length;
}

/** Writes the corpus in content/'s layout (our site reads it through ATLAS_CONTENT_DIR). */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  const entries = generateEntries(options);
  let bytes = 0;
  for (const folder of ["modes", "institutions", "case-studies", "guides"]) mkdirSync(join(root, folder), { recursive: true });
  for (const entry of entries) {
    const text = frontmatterFile(entry.data, entry.body);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(root, entry.collection, `${entry.id}.mdx`), text);
  }
  const modes = realEntries("modes");
  const guides = realEntries("guides");
  for (const { id, path } of modes) copyFileSync(path, join(root, "modes", `${id}.mdx`));
  for (const { id, path } of guides) copyFileSync(path, join(root, "guides", `${id}.mdx`));
  const caseStudies = entries.filter((entry) => entry.collection === "case-studies");
  const cells = new Set(
    caseStudies.flatMap((entry) => (entry.data["modes"] as string[]).map((mode) => `${String(entry.data["institution"])}|${mode}`)),
  );
  return {
    caseStudies: caseStudies.length,
    institutions: options.institutions,
    modes: modes.length,
    guides: guides.length,
    entries: entries.length + modes.length + guides.length,
    averageCaseStudyWords: Math.round(
      caseStudies.reduce((sum, entry) => sum + countWords(entry.body), 0) / Math.max(1, caseStudies.length),
    ),
    filledCells: cells.size,
    probeHits: {
      rare: caseStudies.filter((entry) => entry.body.includes(PROBE_RARE)).length,
      common: caseStudies.filter((entry) => entry.body.includes(PROBE_COMMON)).length,
    },
    bytes,
  };
}

/**
 * Writes the same entries as a peer site's pages: `<pagesDir>/<collection>/<id>.mdx` with the
 * frontmatter a docs page has (title, description) and the same body, so /<collection>/<id>/ is the
 * same URL on all three sites. The real modes and guides are converted the same way.
 */
export function writePeerPages(pagesDir: string, options: CorpusOptions): number {
  const root = resolve(pagesDir);
  rmSync(root, { recursive: true, force: true });
  const entries = generateEntries(options);
  for (const folder of ["modes", "institutions", "case-studies", "guides"]) mkdirSync(join(root, folder), { recursive: true });
  const write = (collection: string, id: string, title: string, description: string, body: string) =>
    writeFileSync(
      join(root, collection, `${id}.mdx`),
      frontmatterFile({ title, description: description.replace(/\s+/g, " ").trim() }, body),
    );
  for (const entry of entries) write(entry.collection, entry.id, entry.title, entry.description, entry.body);
  let count = entries.length;
  for (const folder of ["modes", "guides"] as const) {
    for (const { id, path } of realEntries(folder)) {
      const text = readFileSync(path, "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      const yaml = match?.[1] ?? "";
      const title = /^title:\s*(.+)$/m.exec(yaml)?.[1]?.replace(/^"|"$/g, "") ?? id;
      const summary = /^summary:\s*>-?\n((?:\s{2}.*\n?)+)/m.exec(yaml)?.[1] ?? /^summary:\s*(.+)$/m.exec(yaml)?.[1] ?? title;
      write(folder, id, title, summary, text.slice(match?.[0].length ?? 0));
      count += 1;
    }
  }
  return count;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, caseStudies = "1000", institutions = "2000"] = process.argv.slice(2);
  if (out === undefined) {
    console.error("Usage: tsx bench/generate.ts <out-dir> [caseStudies=1000] [institutions=2000]");
    process.exit(1);
  }
  const summary = writeCorpus(out, { caseStudies: Number(caseStudies), institutions: Number(institutions) });
  console.log(JSON.stringify(summary, null, 2));
}
