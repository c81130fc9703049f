import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildAtlas } from "../../src/utils/atlas";
import { buildCatalog, entryUrl } from "../../src/utils/catalog";
import { splitFrontmatter } from "../../src/utils/content-check";
import { buildDatapackage, caseStudiesCsv, jsonSchemaOf, matrixFields, toCsv, type PublishedSchema } from "../../src/utils/exports";
import { escapeXml, FEED_LIMIT, institutionFeed, modeFeed, newestFirst, renderRss, siteFeed } from "../../src/utils/feeds";
import { buildMatrix } from "../../src/utils/matrix";
import { matrixToCsv, matrixToJson } from "../../src/utils/matrix-export";
import { aliasPathsOf, aliasRedirects } from "../../src/utils/redirects";
import { caseStudyJsonLd, institutionJsonLd, jsonLdScript } from "../../src/utils/structured-data";
import { parseCsv, tableProblems, type TableField } from "../helpers/csv";
import { fixtureFiles, fixtureInput } from "../helpers/fixtures";
import { schemaValidator } from "../helpers/json-schema";

const SITE = { siteUrl: "https://atlas.test", title: "Engagement Atlas", tagline: "A tagline.", repoUrl: "https://github.com/o/r" };
const atlas = () => buildAtlas(fixtureInput());
/** Round-trips through JSON, as a reader of the published file gets it. */
const published = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("catalog.json", () => {
  it("validates against its own published JSON Schema", () => {
    expect(schemaValidator(jsonSchemaOf("catalog", SITE.siteUrl))(published(buildCatalog(atlas(), SITE)))).toEqual([]);
  });

  it("is rejected by its schema when a field is wrong, so the check can fail", () => {
    const catalog = published(buildCatalog(atlas(), SITE)) as { caseStudies: { status: string }[] };
    catalog.caseStudies[0]!.status = "running";
    expect(schemaValidator(jsonSchemaOf("catalog", SITE.siteUrl))(catalog).join("\n")).toMatch(
      /\/caseStudies\/0\/status must be equal to one of the allowed values/,
    );
  });

  it("publishes a source address written with non-ASCII characters as a valid, percent-encoded URI", () => {
    const input = fixtureInput();
    const data = input.caseStudies.find((c) => c.id === "alpha-mentoring")!.data;
    data.sources[0]!.url = "https://www.example.org/academia–industry";
    data.keyFigures[0]!.source = data.sources[0]!.url;
    const catalog = buildCatalog(buildAtlas(input), SITE);
    const entry = catalog.caseStudies.find((c) => c.id === "alpha-mentoring")!;
    expect(entry.sources[0]!.url).toBe("https://www.example.org/academia%E2%80%93industry");
    expect(entry.keyFigures[0]!.source).toBe(entry.sources[0]!.url);
    expect(schemaValidator(jsonSchemaOf("catalog", SITE.siteUrl))(published(catalog))).toEqual([]);
  });

  it("lists every entry with its page, and resolves every link to an entry it lists", () => {
    const catalog = buildCatalog(atlas(), SITE);
    const urls = new Set([...catalog.modes, ...catalog.institutions, ...catalog.caseStudies, ...catalog.guides].map((entry) => entry.url));
    expect(catalog.caseStudies.map((c) => c.id).sort()).toEqual(
      fixtureInput()
        .caseStudies.map((c) => c.id)
        .sort(),
    );
    expect(catalog.caseStudies.find((c) => c.id === "alpha-mentoring")?.url).toBe("https://atlas.test/case-studies/alpha-mentoring/");
    const links = [
      ...catalog.caseStudies.flatMap((c) => [c.institution, ...c.modes]),
      ...catalog.institutions.flatMap((i) => [...i.modes, ...i.caseStudies]),
      ...catalog.modes.flatMap((m) => [...m.related, ...m.institutions, ...m.caseStudies, ...m.guides]),
      ...catalog.guides.flatMap((g) => g.modes),
    ];
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(urls, link.url).toContain(link.url);
    expect(catalog.counts).toEqual({
      modes: 10,
      institutions: 2,
      caseStudies: 3,
      guides: 1,
      filledCells: buildMatrix(atlas()).rows.reduce((n, r) => n + r.modeCount, 0),
    });
  });

  it("says which matrix cells each case study fills, the same cells matrix.json credits it with", () => {
    const catalog = buildCatalog(atlas(), SITE);
    const matrix = JSON.parse(matrixToJson(buildMatrix(atlas()))) as { rows: { id: string; cells: Record<string, string[]> }[] };
    const fromMatrix = matrix.rows.flatMap((row) =>
      Object.entries(row.cells).flatMap(([mode, ids]) => ids.map((id) => `${id} ${SITE.siteUrl}/matrix/${row.id}/${mode}/`)),
    );
    const fromCatalog = catalog.caseStudies.flatMap((c) => c.matrixCells.map((cell) => `${c.id} ${cell}`));
    expect(fromCatalog.sort()).toEqual(fromMatrix.sort());
  });
});

describe("CSV files and datapackage.json", () => {
  const datapackage = () => buildDatapackage(atlas(), SITE);
  const resource = (name: string) => {
    const found = datapackage().resources.find((r) => r.name === name) as { path: string; schema?: { fields: TableField[] } } | undefined;
    if (!found) throw new Error(`no resource ${name}`);
    return found;
  };

  it("writes case-studies.csv rows that satisfy their Table Schema in datapackage.json", () => {
    const rows = parseCsv(caseStudiesCsv(atlas(), SITE.siteUrl));
    expect(rows).toHaveLength(1 + fixtureInput().caseStudies.length);
    expect(tableProblems(rows, resource("case-studies").schema!.fields)).toEqual([]);
  });

  it("describes matrix.csv with exactly the columns matrixToCsv writes, and its rows satisfy the schema", () => {
    const rows = parseCsv(matrixToCsv(buildMatrix(atlas())));
    expect(rows[0]).toEqual(matrixFields().map((f) => f.name));
    expect(tableProblems(rows, resource("matrix").schema!.fields)).toEqual([]);
  });

  it("finds a row that breaks the schema, so the consistency checks can fail", () => {
    const rows = parseCsv(caseStudiesCsv(atlas(), SITE.siteUrl));
    rows[1]![rows[0]!.indexOf("started")] = "2012a";
    expect(tableProblems(rows, resource("case-studies").schema!.fields)).toEqual(['row 2, started = "2012a": not an integer']);
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    const csv = toCsv([{ name: "a", type: "string", description: "", value: (v: string) => v }], ['x, "y"\nz']);
    expect(csv).toBe('a\r\n"x, ""y""\nz"\r\n');
    expect(parseCsv(csv)).toEqual([["a"], ['x, "y"\nz']]);
  });

  it("licenses the data CC BY 4.0 and points every resource at a file and schema of the data folder", () => {
    const pkg = datapackage();
    expect(pkg.licenses).toEqual([
      { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: expect.stringContaining("Attribution 4.0") },
    ]);
    expect(pkg.resources.map((r) => r.path)).toEqual(["matrix.csv", "case-studies.csv", "catalog.json", "matrix.json"]);
    expect(pkg.resources.flatMap((r) => ("jsonSchema" in r ? [r.jsonSchema] : []))).toEqual([
      "schema/catalog.schema.json",
      "schema/matrix.schema.json",
    ]);
  });
});

describe("JSON Schemas", () => {
  it("matrix.json validates against its published schema", () => {
    expect(schemaValidator(jsonSchemaOf("matrix", SITE.siteUrl))(JSON.parse(matrixToJson(buildMatrix(atlas()))))).toEqual([]);
  });

  const kinds: Record<string, PublishedSchema> = { modes: "mode", institutions: "institution", caseStudies: "case-study", guides: "guide" };

  it("the editors' frontmatter schemas accept every fixture file as written", () => {
    for (const file of fixtureFiles()) {
      const data: unknown = parseDocument(splitFrontmatter(file.text)!.yaml).toJS();
      expect(schemaValidator(jsonSchemaOf(kinds[file.collection]!, SITE.siteUrl))(data), file.path).toEqual([]);
    }
  });

  it("the case-study frontmatter schema refuses an unknown mode, a plain http source and a bad date", () => {
    const file = fixtureFiles().find((f) => f.path.endsWith("alpha-mentoring.mdx"))!;
    const data = parseDocument(splitFrontmatter(file.text)!.yaml).toJS() as {
      modes: string[];
      sources: { url: string; accessed: string }[];
    };
    data.modes[0] = "industrial-phds";
    data.sources[0]!.url = "http://www.example.org/";
    data.sources[0]!.accessed = "1 November";
    const problems = schemaValidator(jsonSchemaOf("case-study", SITE.siteUrl))(data).join("\n");
    expect(problems).toMatch(/\/modes\/0 must be equal to one of the allowed values/);
    expect(problems).toMatch(/\/sources\/0\/url must match pattern "\^https:\/\/"/);
    expect(problems).toMatch(/\/sources\/0\/accessed must match format "date"/);
  });

  it("names each schema by its address on the site", () => {
    expect(jsonSchemaOf("guide", SITE.siteUrl)).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://atlas.test/data/schema/guide.schema.json",
    });
  });
});

describe("feeds", () => {
  it("lists the site's case studies newest first, each dated by its last review", () => {
    const input = fixtureInput();
    input.caseStudies.find((c) => c.id === "beta-joint-research")!.data.lastReviewed = new Date("2026-11-10");
    const feed = siteFeed(buildAtlas(input), SITE);
    expect(feed.items.map((item) => item.url)[0]).toBe("https://atlas.test/case-studies/beta-joint-research/");
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]!.guid).toBe("https://atlas.test/case-studies/beta-joint-research/#reviewed-2026-11-10");
  });

  it("gives a mode and an institution only their own case studies", () => {
    expect(modeFeed(atlas(), "industry-mentoring", SITE).items.map((i) => i.title)).toEqual(["Alpha mentoring for researchers"]);
    expect(institutionFeed(atlas(), "beta-fund", SITE).items.map((i) => i.url)).toEqual([
      entryUrl(SITE.siteUrl, "caseStudies", "beta-joint-research"),
    ]);
    expect(modeFeed(atlas(), "consultancy", SITE).items).toEqual([]);
  });

  it("keeps a feed to the newest items", () => {
    const caseStudies = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => ({ ...fixtureInput().caseStudies[0]!, id: `c${i}` }));
    expect(newestFirst(caseStudies)).toHaveLength(FEED_LIMIT);
  });

  it("renders RSS 2.0 with escaped text and a self link", () => {
    const feed = siteFeed(atlas(), SITE);
    feed.items[0]!.title = "R&D <now>";
    const xml = renderRss(feed);
    expect(xml).toContain('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<atom:link href="https://atlas.test/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain("<title>R&amp;D &lt;now&gt;</title>");
    expect(xml).toContain("<pubDate>Sun, 01 Nov 2026 00:00:00 GMT</pubDate>");
    expect(escapeXml(`"'`)).toBe("&quot;&apos;");
  });
});

describe("schema.org JSON-LD", () => {
  it("describes a case study as an Article about its institution, citing its sources", () => {
    const a = atlas();
    const ld = caseStudyJsonLd(a, a.caseStudy("alpha-mentoring"), SITE);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "Alpha mentoring for researchers",
      url: "https://atlas.test/case-studies/alpha-mentoring/",
      dateModified: "2026-11-01",
      about: { "@type": "CollegeOrUniversity", name: "Alpha University", url: "https://atlas.test/institutions/alpha-university/" },
      citation: [{ "@type": "CreativeWork", url: "https://www.example.org/annual-report-2024" }],
    });
  });

  it("describes an institution as an organisation with its country", () => {
    expect(institutionJsonLd(atlas().institution("beta-fund"), SITE)).toMatchObject({
      "@type": "Organization",
      name: "Beta Research Fund",
      address: { addressCountry: "AT" },
    });
  });

  it("escapes '<' so content cannot close the script element", () => {
    expect(jsonLdScript({ name: "</script><script>alert(1)</script>" })).toBe(
      '{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
  });
});

describe("redirects for renamed entries", () => {
  it("turns each alias into a redirect from the old address to the entry's page", () => {
    const input = fixtureInput();
    input.caseStudies.find((c) => c.id === "alpha-mentoring")!.data.aliases = ["alpha-mentors", "alpha-mentoring-scheme"];
    input.institutions.find((i) => i.id === "beta-fund")!.data.aliases = ["beta"];
    expect(aliasRedirects(input).map((r) => `${r.from} → ${r.to}`)).toEqual([
      "/case-studies/alpha-mentoring-scheme/ → /case-studies/alpha-mentoring/",
      "/case-studies/alpha-mentors/ → /case-studies/alpha-mentoring/",
      "/institutions/beta/ → /institutions/beta-fund/",
    ]);
  });

  it("finds the same old addresses in raw files, for the sitemap filter", () => {
    const files = fixtureFiles().map((file) =>
      file.path.endsWith("alpha-mentoring.mdx") ? { ...file, text: file.text.replace("aliases: []", "aliases:\n  - alpha-mentors") } : file,
    );
    expect([...aliasPathsOf(files)]).toEqual(["/case-studies/alpha-mentors/"]);
  });
});
