/**
 * schema.org JSON-LD for entry pages, so search engines and other tools read what a page is about:
 * a case study or guide is an Article citing its sources, an institution an Organization, a mode a
 * DefinedTerm explained by an article. Built only from content; rendered as a data block
 * (<script type="application/ld+json">), which browsers never execute and CSP does not govern.
 */
import type { Source } from "../schemas";
import { countryName } from "../schemas/countries";
import { MODE_IDS, MODE_LABELS, type InstitutionType } from "../schemas/vocabularies";
import type { Atlas, CaseStudy, Guide, Institution, Mode } from "./atlas";
import { DATA_LICENCE, entryUrl } from "./catalog";

type JsonLd = Record<string, unknown>;

interface SiteInfo {
  siteUrl: string;
  title: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function website(site: SiteInfo): JsonLd {
  return { "@type": "WebSite", name: site.title, url: new URL("/", site.siteUrl).href };
}

function citations(sources: readonly Source[]): JsonLd[] {
  return sources.map((source) => ({
    "@type": "CreativeWork",
    name: source.title,
    url: source.url,
    ...(source.publisher !== undefined && { publisher: { "@type": "Organization", name: source.publisher } }),
  }));
}

/** The schema.org type closest to each institution type. */
const ORGANIZATION_TYPES: Record<InstitutionType, string> = {
  university: "CollegeOrUniversity",
  "research-organisation": "ResearchOrganization",
  "research-funder": "Organization",
  "public-agency": "GovernmentOrganization",
  "learned-society": "Organization",
  association: "Organization",
  "international-programme": "Organization",
};

function article(
  site: SiteInfo,
  page: string,
  entry: { data: { title: string; summary: string; lastReviewed: Date; sources: Source[] } },
  extra: JsonLd,
): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    "@id": `${page}#article`,
    headline: entry.data.title,
    description: entry.data.summary,
    url: page,
    mainEntityOfPage: page,
    inLanguage: "en",
    dateModified: day(entry.data.lastReviewed),
    license: DATA_LICENCE.url,
    isPartOf: website(site),
    publisher: { "@type": "Organization", name: site.title, url: new URL("/", site.siteUrl).href },
    citation: citations(entry.data.sources),
    ...extra,
  };
}

/** A case study: an Article about one institution's programme, in its modes. */
export function caseStudyJsonLd(atlas: Atlas, caseStudy: CaseStudy, site: SiteInfo): JsonLd {
  const institution = atlas.institution(caseStudy.data.institution);
  const modes = MODE_IDS.filter((mode) => caseStudy.data.modes.includes(mode));
  return article(site, entryUrl(site.siteUrl, "caseStudies", caseStudy.id), caseStudy, {
    about: {
      "@type": ORGANIZATION_TYPES[institution.data.type],
      name: institution.data.name,
      url: entryUrl(site.siteUrl, "institutions", institution.id),
      sameAs: institution.data.website,
    },
    keywords: modes.map((mode) => MODE_LABELS[mode]).join(", "),
    mentions: modes.map((mode) => ({ "@type": "DefinedTerm", name: MODE_LABELS[mode], url: entryUrl(site.siteUrl, "modes", mode) })),
  });
}

/** An institution: the Organization itself, described by its page. */
export function institutionJsonLd(institution: Institution, site: SiteInfo): JsonLd {
  const { data } = institution;
  const page = entryUrl(site.siteUrl, "institutions", institution.id);
  return {
    "@context": "https://schema.org",
    "@type": ORGANIZATION_TYPES[data.type],
    "@id": `${page}#organization`,
    name: data.name,
    ...(data.shortName !== data.name && { alternateName: data.shortName }),
    description: data.summary,
    url: data.website,
    mainEntityOfPage: page,
    address: {
      "@type": "PostalAddress",
      addressCountry: data.country === "EU" ? countryName(data.country) : data.country,
      ...(data.city !== undefined && { addressLocality: data.city }),
    },
    ...(data.founded !== undefined && { foundingDate: String(data.founded) }),
  };
}

/** A mode: an Article that explains a DefinedTerm of the toolkit's vocabulary. */
export function modeJsonLd(mode: Mode, site: SiteInfo): JsonLd {
  const page = entryUrl(site.siteUrl, "modes", mode.id);
  return article(site, page, mode, {
    about: { "@type": "DefinedTerm", name: mode.data.title, description: mode.data.summary, url: page },
  });
}

/** A guide: an Article. */
export function guideJsonLd(guide: Guide, site: SiteInfo): JsonLd {
  return article(site, entryUrl(site.siteUrl, "guides", guide.id), guide, {
    keywords: guide.data.modes.map((mode) => MODE_LABELS[mode]).join(", "),
  });
}

/**
 * JSON for a <script type="application/ld+json"> body: "<" is escaped so no text from content can
 * close the element early.
 */
export function jsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
