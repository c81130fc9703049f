/**
 * The map of Europe, computed at build time: a projected base map (land and borders as SVG path
 * data), countries shaded by how many case studies they have, and one marker per institution.
 *
 * Geography comes from Natural Earth through the `world-atlas` package (1:110m countries), drawn
 * with d3-geo in the ETRS89 Lambert azimuthal equal-area projection the EU uses for statistical
 * maps (equal-area, so shaded countries compare fairly). Nothing here touches the network or
 * astro:*; the page passes the result to src/components/map/EuropeMap.astro.
 *
 * Institutions have a country but no coordinates, so markers are placed honestly at country level:
 * around a representative point of the country's main landmass, spread apart so none hides another.
 * Countries outside the European frame (e.g. the US) get a labelled inset; EU-wide programmes
 * (country "EU") belong to no country and are listed beside the map instead of placed on it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  geoArea,
  geoAzimuthalEqualArea,
  geoCentroid,
  geoPath,
  type GeoContext,
  type GeoPermissibleObjects,
  type GeoProjection,
} from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import isoCountries from "i18n-iso-countries";
import { countryName, type CountryCode } from "../schemas/countries";
import type { ModeId } from "../schemas/vocabularies";
import type { AtlasInput } from "./atlas";

/** Width of the map's SVG coordinate system; the height follows from the European frame. */
export const MAP_WIDTH = 800;
/** Radius of an institution marker, in map units. */
export const MARKER_RADIUS = 6.5;
/** The pseudo-country of EU-wide programmes: never placed on the map. */
export const EU_WIDE: CountryCode = "EU";

/**
 * The European frame, in degrees: Iceland to the western Black Sea, Crete to central Scandinavia
 * (the north is clipped: no content lies there and the map stays wide rather than tall). The map is
 * fitted to this box and clipped to it; a country with an institution outside it gets an inset.
 */
export const EUROPE_FRAME = { west: -25, east: 32, south: 34, north: 67 } as const;

// ---------------------------------------------------------------------------------------------
// Data: case studies and institutions per country (pure, from the content)

/** One institution as the map shows it. */
export interface MapInstitution {
  id: string;
  name: string;
  shortName: string;
  country: CountryCode;
  /** Its case studies that count on this map (all, or those in the map's mode). */
  caseStudyCount: number;
}

/** A country (or "EU") with the institutions and case studies the map counts for it. */
export interface CountryCount {
  code: CountryCode;
  name: string;
  caseStudyCount: number;
  institutions: MapInstitution[];
}

/**
 * Case studies and institutions per country, optionally only those in one mode ("where this mode is
 * practised"). Institutions without a counted case study are left out; countries are sorted by
 * case studies (most first), then by name. "EU" is included like a country; the map lists it apart.
 */
export function countByCountry(input: Pick<AtlasInput, "institutions" | "caseStudies">, mode?: ModeId): CountryCount[] {
  const perInstitution = new Map<string, number>();
  for (const caseStudy of input.caseStudies) {
    if (mode !== undefined && !caseStudy.data.modes.includes(mode)) continue;
    perInstitution.set(caseStudy.data.institution, (perInstitution.get(caseStudy.data.institution) ?? 0) + 1);
  }
  const countries = new Map<CountryCode, CountryCount>();
  const institutions = [...input.institutions].sort((a, b) => a.data.name.localeCompare(b.data.name, "en"));
  for (const institution of institutions) {
    const count = perInstitution.get(institution.id) ?? 0;
    if (count === 0) continue;
    const code = institution.data.country;
    let country = countries.get(code);
    if (country === undefined) {
      country = { code, name: countryName(code), caseStudyCount: 0, institutions: [] };
      countries.set(code, country);
    }
    country.caseStudyCount += count;
    country.institutions.push({
      id: institution.id,
      name: institution.data.name,
      shortName: institution.data.shortName,
      country: code,
      caseStudyCount: count,
    });
  }
  return [...countries.values()].sort((a, b) => b.caseStudyCount - a.caseStudyCount || a.name.localeCompare(b.name, "en"));
}

// ---------------------------------------------------------------------------------------------
// Shading buckets

/** One class of the sequential shading scale: counts from `min` to `max` inclusive. */
export interface ShadeBucket {
  /** 1 = lightest shade (fewest case studies) … `buckets.length` = darkest. */
  level: number;
  min: number;
  max: number;
  /** "1–2 case studies", "3 case studies". */
  label: string;
}

function caseStudiesLabel(min: number, max: number): string {
  if (min === max) return `${min} ${min === 1 ? "case study" : "case studies"}`;
  return `${min}–${max} case studies`;
}

/**
 * Splits the counts 1…max into at most `classes` equal ranges of whole numbers (a legend a reader can
 * check against the table). With max ≤ classes every count gets its own shade. Zero is never a bucket:
 * a country without case studies keeps the plain land colour.
 */
export function shadeBuckets(counts: readonly number[], classes = 4): ShadeBucket[] {
  const max = Math.max(0, ...counts);
  if (max === 0) return [];
  const step = Math.ceil(max / classes);
  const buckets: ShadeBucket[] = [];
  for (let min = 1; min <= max; min += step) {
    const top = Math.min(max, min + step - 1);
    buckets.push({ level: buckets.length + 1, min, max: top, label: caseStudiesLabel(min, top) });
  }
  return buckets;
}

/** The shade level (1…n) of a count, or 0 for none. */
export function shadeLevel(count: number, buckets: readonly ShadeBucket[]): number {
  if (count <= 0) return 0;
  return buckets.find((bucket) => count >= bucket.min && count <= bucket.max)?.level ?? buckets.length;
}

// ---------------------------------------------------------------------------------------------
// Compact SVG path data

/**
 * A d3-geo path context that writes short SVG path data: relative commands, coordinates rounded to
 * one decimal, and points closer than `tolerance` to the previous one dropped (a radial-distance
 * simplification, plenty at 1:110m for a map a few hundred pixels wide).
 */
class CompactPath implements GeoContext {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private pending: [number, number] | undefined;
  private ringStart = 0;
  private ringPoints = 0;
  constructor(private readonly tolerance: number) {}

  private static num(tenths: number): string {
    const text = String(tenths / 10);
    return text.startsWith("0.") ? text.slice(1) : text.startsWith("-0.") ? `-${text.slice(2)}` : text;
  }
  private static pair(dx: number, dy: number): string {
    const y = CompactPath.num(dy);
    return `${CompactPath.num(dx)}${y.startsWith("-") ? "" : " "}${y}`;
  }
  private emit(tx: number, ty: number): void {
    if (tx === this.x && ty === this.y) return;
    this.parts.push(`l${CompactPath.pair(tx - this.x, ty - this.y)}`);
    this.x = tx;
    this.y = ty;
    this.ringPoints += 1;
  }
  moveTo(px: number, py: number): void {
    this.flush();
    const tx = Math.round(px * 10);
    const ty = Math.round(py * 10);
    this.ringStart = this.parts.length;
    this.ringPoints = 1;
    this.parts.push(`M${CompactPath.pair(tx, ty)}`);
    this.x = tx;
    this.y = ty;
  }
  lineTo(px: number, py: number): void {
    const tx = Math.round(px * 10);
    const ty = Math.round(py * 10);
    const far = Math.hypot(tx - this.x, ty - this.y) >= this.tolerance * 10;
    if (far) {
      this.pending = undefined;
      this.emit(tx, ty);
    } else this.pending = [tx, ty];
  }
  private flush(): void {
    if (this.pending !== undefined) this.emit(...this.pending);
    this.pending = undefined;
  }
  closePath(): void {
    this.flush();
    // A ring that simplified down to a speck is not worth its bytes.
    if (this.ringPoints < 3) this.parts.length = this.ringStart;
    else this.parts.push("z");
  }
  beginPath(): void {
    /* one path per object: nothing to reset */
  }
  arc(): void {
    /* points only: no circles are drawn through this context */
  }
  result(): string {
    this.flush();
    return this.parts.join("");
  }
}

function pathData(projection: GeoProjection, object: GeoPermissibleObjects, tolerance = 0.9): string {
  const context = new CompactPath(tolerance);
  geoPath(projection, context).pointRadius(0)(object);
  return context.result();
}

// ---------------------------------------------------------------------------------------------
// Geography

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

let world: WorldTopology | undefined;

/** Natural Earth 1:110m countries from the world-atlas package (read once per build). */
export function loadWorld(): WorldTopology {
  if (world === undefined) {
    const require = createRequire(import.meta.url);
    world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8")) as WorldTopology;
  }
  return world;
}

/** ISO 3166-1 numeric code (world-atlas feature ids) of an alpha-2 code; undefined for "EU". */
export function numericCode(code: CountryCode): string | undefined {
  return isoCountries.alpha2ToNumeric(code);
}

/** The largest polygon of a country: metropolitan France without French Guiana, the contiguous US. */
export function mainLandmass(country: CountryFeature): Feature<Polygon> {
  const polygons: Position[][][] = country.geometry.type === "Polygon" ? [country.geometry.coordinates] : country.geometry.coordinates;
  let best: Position[][] = polygons[0] ?? [];
  let bestArea = -1;
  for (const rings of polygons) {
    const area = geoArea({ type: "Polygon", coordinates: rings });
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: best } };
}

function frameOutline(): Feature<Geometry> {
  const { west, east, south, north } = EUROPE_FRAME;
  // Sample the box's edges: parallels are curves in this projection, so corners alone are not enough.
  const points: Position[] = [];
  for (let i = 0; i <= 16; i += 1) {
    const lon = west + ((east - west) * i) / 16;
    points.push([lon, south], [lon, north]);
  }
  for (let i = 0; i <= 16; i += 1) {
    const lat = south + ((north - south) * i) / 16;
    points.push([west, lat], [east, lat]);
  }
  return { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: points } };
}

/** Where an inset for a country beyond the frame sits on the map (bottom-left, over the Atlantic). */
export interface Inset {
  code: CountryCode;
  name: string;
  /** Box in map units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Outline of the country's main landmass, fitted into the box. */
  d: string;
  /** Where its markers cluster, in map units. */
  anchor: [number, number];
}

/** The base map shared by every page: land, borders and a projection fitted to the European frame. */
export interface BaseMap {
  width: number;
  height: number;
  projection: GeoProjection;
  land: string;
  borders: string;
  countries: Map<string, CountryFeature>;
}

let baseMap: BaseMap | undefined;

/** Projects and clips the base map once per build; every map on the site reuses it. */
export function europeBaseMap(topology: WorldTopology = loadWorld()): BaseMap {
  if (baseMap !== undefined && topology === world) return baseMap;
  const projection = geoAzimuthalEqualArea().rotate([-10, -52]).precision(1);
  projection.fitWidth(MAP_WIDTH, frameOutline());
  const [[, y0], [, y1]] = geoPath(projection).bounds(frameOutline());
  const height = Math.ceil(y1 - y0);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const countries = new Map<string, CountryFeature>();
  for (const country of collection.features) if (country.id !== undefined) countries.set(String(country.id), country);
  const result: BaseMap = {
    width: MAP_WIDTH,
    height,
    projection,
    land: pathData(projection, feature(topology, topology.objects.land)),
    borders: pathData(
      projection,
      mesh(topology, topology.objects.countries, (a, b) => a !== b),
      1.2,
    ),
    countries,
  };
  if (topology === world) baseMap = result;
  return result;
}

function isInFrame(base: BaseMap, point: [number, number] | null): point is [number, number] {
  return point !== null && point[0] >= 0 && point[0] <= base.width && point[1] >= 0 && point[1] <= base.height;
}

// ---------------------------------------------------------------------------------------------
// Markers

/** An institution's marker: where it is drawn and what it links to. */
export interface MapMarker extends MapInstitution {
  x: number;
  y: number;
  href: string;
  /** "Fraunhofer-Gesellschaft, Germany: 3 case studies", the link's accessible name. */
  label: string;
}

/**
 * Offsets for n markers around a point: the n cells of a hexagonal grid nearest its centre,
 * re-centred, so a cluster stays compact and no two markers overlap.
 */
export function clusterOffsets(n: number, spacing: number): [number, number][] {
  const cells: [number, number][] = [];
  const reach = Math.ceil(Math.sqrt(n)) + 1;
  for (let row = -reach; row <= reach; row += 1) {
    for (let col = -reach; col <= reach; col += 1) {
      cells.push([(col + (row % 2 === 0 ? 0 : 0.5)) * spacing, row * spacing * (Math.sqrt(3) / 2)]);
    }
  }
  // Nearest first; ties go to the same row first (two markers sit side by side), then top-to-bottom,
  // left-to-right, so the layout is deterministic.
  const distance = (cell: [number, number]) => Math.round(Math.hypot(...cell) * 1000); // hex neighbours tie exactly
  cells.sort((a, b) => distance(a) - distance(b) || Math.abs(a[1]) - Math.abs(b[1]) || a[1] - b[1] || a[0] - b[0]);
  const chosen = cells.slice(0, n);
  const mx = chosen.reduce((sum, c) => sum + c[0], 0) / Math.max(1, n);
  const my = chosen.reduce((sum, c) => sum + c[1], 0) / Math.max(1, n);
  return chosen.map(([x, y]) => [round1(x - mx), round1(y - my)]);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Pushes apart markers of neighbouring countries (Belgium and the Netherlands, say) until no two
 * overlap, keeping each as close to its place as it can. Deterministic: same input, same picture.
 */
export function separate(points: { x: number; y: number }[], minDistance: number, bounds: { width: number; height: number }): void {
  for (let round = 0; round < 200; round += 1) {
    let moved = false;
    // Only points in the same or a neighbouring grid cell (cells minDistance wide) can overlap: a
    // round costs O(n), not O(n²), which matters with thousands of markers. Any pair that overlaps at
    // the start of a round is in neighbouring cells, so a round that moves nothing proves none overlap.
    const grid = new Map<string, number[]>();
    const cellOf = (point: { x: number; y: number }) => [Math.floor(point.x / minDistance), Math.floor(point.y / minDistance)] as const;
    points.forEach((point, index) => {
      const [cx, cy] = cellOf(point);
      const key = `${cx},${cy}`;
      const cell = grid.get(key);
      if (cell === undefined) grid.set(key, [index]);
      else cell.push(index);
    });
    for (let i = 0; i < points.length; i += 1) {
      const [cx, cy] = cellOf(points[i]!);
      const neighbours: number[] = [];
      for (let gx = cx - 1; gx <= cx + 1; gx += 1)
        for (let gy = cy - 1; gy <= cy + 1; gy += 1) for (const j of grid.get(`${gx},${gy}`) ?? []) if (j > i) neighbours.push(j);
      neighbours.sort((a, b) => a - b);
      for (const j of neighbours) {
        const a = points[i]!;
        const b = points[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= minDistance - 1e-6) continue;
        if (distance < 1e-6) {
          dx = 1;
          dy = 0;
          distance = 1;
        }
        const push = (minDistance - distance) / 2 + 0.05;
        a.x -= (dx / distance) * push;
        a.y -= (dy / distance) * push;
        b.x += (dx / distance) * push;
        b.y += (dy / distance) * push;
        moved = true;
      }
    }
    for (const point of points) {
      point.x = Math.min(bounds.width - minDistance / 2, Math.max(minDistance / 2, point.x));
      point.y = Math.min(bounds.height - minDistance / 2, Math.max(minDistance / 2, point.y));
    }
    if (!moved) break;
  }
  for (const point of points) {
    point.x = round1(point.x);
    point.y = round1(point.y);
  }
}

// ---------------------------------------------------------------------------------------------
// The whole map

/** A shaded country on the map. */
export interface ShadedCountry extends CountryCount {
  level: number;
  /** Path data (map units); empty for a country drawn in an inset. */
  d: string;
}

/** Everything EuropeMap.astro draws. */
export interface EuropeMapView {
  width: number;
  height: number;
  land: string;
  borders: string;
  buckets: ShadeBucket[];
  shaded: ShadedCountry[];
  insets: Inset[];
  markers: MapMarker[];
  /** Countries (and "EU") with their counts, most case studies first: the table alternative. */
  countries: (CountryCount & { level: number; placement: "map" | "inset" | "listed" })[];
  /** EU-wide institutions: listed beside the map, not placed on it. */
  unplaced: MapInstitution[];
  /** Countries the geography package has no shape for (none today); listed, never dropped. */
  missing: CountryCode[];
  total: { caseStudies: number; institutions: number };
}

const INSET = { width: 150, height: 96, margin: 10 };

function markerLabel(institution: MapInstitution, mode: ModeId | undefined): string {
  const what = institution.caseStudyCount === 1 ? "case study" : "case studies";
  return `${institution.name}, ${countryName(institution.country)}: ${institution.caseStudyCount} ${what}${mode === undefined ? "" : " in this mode"}`;
}

/**
 * The map view model for a set of content: shaded countries, insets for countries beyond Europe,
 * one marker per institution (those with case studies in `mode`, if given) and the data for the table.
 */
export function buildEuropeMap(
  input: Pick<AtlasInput, "institutions" | "caseStudies">,
  options: { mode?: ModeId; base?: BaseMap } = {},
): EuropeMapView {
  const base = options.base ?? europeBaseMap();
  const counts = countByCountry(input, options.mode);
  const placedCounts = counts.filter((country) => country.code !== EU_WIDE);
  const buckets = shadeBuckets(placedCounts.map((country) => country.caseStudyCount));
  const shaded: ShadedCountry[] = [];
  const insets: Inset[] = [];
  const missing: CountryCode[] = [];
  const anchors = new Map<CountryCode, [number, number]>();
  const placement = new Map<CountryCode, "map" | "inset" | "listed">();

  for (const country of placedCounts) {
    const level = shadeLevel(country.caseStudyCount, buckets);
    const numeric = numericCode(country.code);
    const shape = numeric === undefined ? undefined : base.countries.get(numeric);
    if (shape === undefined) {
      missing.push(country.code);
      placement.set(country.code, "listed");
      continue;
    }
    const main = mainLandmass(shape);
    const anchor = base.projection(geoCentroid(main));
    if (isInFrame(base, anchor)) {
      shaded.push({ ...country, level, d: pathData(base.projection, shape, 0.6) });
      anchors.set(country.code, anchor);
      placement.set(country.code, "map");
      continue;
    }
    // Beyond the frame: an inset box in the bottom-left corner (open Atlantic), stacked upwards.
    const y = base.height - INSET.margin - (insets.length + 1) * (INSET.height + INSET.margin) + INSET.margin;
    const box = { x: INSET.margin, y, width: INSET.width, height: INSET.height };
    const insetProjection = geoAzimuthalEqualArea()
      .rotate(geoCentroid(main).map((v) => -v) as [number, number])
      .precision(1)
      .fitExtent(
        [
          [box.x + 8, box.y + 20],
          [box.x + box.width - 8, box.y + box.height - 8],
        ],
        main,
      );
    const insetAnchor = insetProjection(geoCentroid(main)) ?? [box.x + box.width / 2, box.y + box.height / 2];
    insets.push({ code: country.code, name: country.name, ...box, d: pathData(insetProjection, main, 0.6), anchor: insetAnchor });
    shaded.push({ ...country, level, d: "" });
    anchors.set(country.code, insetAnchor);
    placement.set(country.code, "inset");
  }

  const spacing = MARKER_RADIUS * 2 + 3;
  const markers: MapMarker[] = [];
  for (const country of placedCounts) {
    const anchor = anchors.get(country.code);
    if (anchor === undefined) continue;
    const offsets = clusterOffsets(country.institutions.length, spacing);
    country.institutions.forEach((institution, index) => {
      const [dx, dy] = offsets[index] ?? [0, 0];
      markers.push({
        ...institution,
        x: anchor[0] + dx,
        y: anchor[1] + dy,
        href: `/institutions/${institution.id}/`,
        label: markerLabel(institution, options.mode),
      });
    });
  }
  separate(markers, spacing, base);

  const eu = counts.find((country) => country.code === EU_WIDE);
  return {
    width: base.width,
    height: base.height,
    land: base.land,
    borders: base.borders,
    buckets,
    shaded,
    insets,
    markers,
    countries: counts.map((country) => ({
      ...country,
      level: country.code === EU_WIDE ? 0 : shadeLevel(country.caseStudyCount, buckets),
      placement: placement.get(country.code) ?? "listed",
    })),
    unplaced: eu?.institutions ?? [],
    missing,
    total: {
      caseStudies: counts.reduce((sum, country) => sum + country.caseStudyCount, 0),
      institutions: counts.reduce((sum, country) => sum + country.institutions.length, 0),
    },
  };
}
