/**
 * Closed vocabularies of Engagement Atlas. Every schema, filter, facet and label is built
 * from these constants, so adding a value here is the one change needed to make it valid
 * everywhere. Order matters: it is the display order.
 */

/** The ten engagement modes, in the order of the EURAXESS Academia–Business Engagement toolkit. */
export const MODE_IDS = [
  "joint-research",
  "commercial-rd",
  "temporary-mobility",
  "industrial-phd",
  "job-offers",
  "consultancy",
  "shared-infrastructure",
  "career-days",
  "alumni-networks",
  "industry-mentoring",
] as const;
export type ModeId = (typeof MODE_IDS)[number];

/** Short labels for the modes, as the toolkit names them (used in matrix headers and chips). */
export const MODE_LABELS: Record<ModeId, string> = {
  "joint-research": "Joint research",
  "commercial-rd": "Commercial R&D",
  "temporary-mobility": "Temporary mobility",
  "industrial-phd": "Industrial PhD",
  "job-offers": "Sharing job offers",
  consultancy: "Consultancy for business",
  "shared-infrastructure": "Sharing infrastructures",
  "career-days": "Researcher career days",
  "alumni-networks": "Alumni networks",
  "industry-mentoring": "Industry mentoring",
};

/**
 * Families group modes that serve a similar purpose. Each family is a contiguous run of the
 * toolkit's order, so the matrix can group its columns without reordering them.
 */
export const MODE_FAMILIES = ["research-and-innovation", "people-and-mobility", "services-and-facilities", "careers-and-networks"] as const;
export type ModeFamily = (typeof MODE_FAMILIES)[number];

export const MODE_FAMILY_LABELS: Record<ModeFamily, string> = {
  "research-and-innovation": "Research and innovation",
  "people-and-mobility": "People and mobility",
  "services-and-facilities": "Services and facilities",
  "careers-and-networks": "Careers and networks",
};

/** Why an institution or a company engages; the mode finder narrows modes by these. */
export const GOALS = [
  "recruit-talent",
  "co-develop-technology",
  "commercialise-results",
  "access-expertise",
  "access-facilities",
  "develop-careers",
  "build-networks",
] as const;
export type Goal = (typeof GOALS)[number];

export const GOAL_LABELS: Record<Goal, string> = {
  "recruit-talent": "Recruit talent",
  "co-develop-technology": "Co-develop technology",
  "commercialise-results": "Commercialise results",
  "access-expertise": "Access expertise",
  "access-facilities": "Access facilities",
  "develop-careers": "Develop researchers' careers",
  "build-networks": "Build long-term networks",
};

/** Who a programme or a piece of guidance is for. */
export const AUDIENCES = [
  "doctoral-candidates",
  "early-career-researchers",
  "established-researchers",
  "companies",
  "smes",
  "knowledge-transfer-staff",
  "careers-advisers",
  "policy-makers",
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  "doctoral-candidates": "Doctoral candidates",
  "early-career-researchers": "Early-career researchers",
  "established-researchers": "Established researchers",
  companies: "Companies",
  smes: "SMEs and start-ups",
  "knowledge-transfer-staff": "Knowledge-transfer staff",
  "careers-advisers": "Careers advisers",
  "policy-makers": "Policy makers and funders",
};

/** What kind of organisation an institution is. */
export const INSTITUTION_TYPES = [
  "university",
  "research-organisation",
  "research-funder",
  "public-agency",
  "learned-society",
  "association",
  "international-programme",
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  university: "University",
  "research-organisation": "Research organisation",
  "research-funder": "Research funder",
  "public-agency": "Public agency",
  "learned-society": "Learned society",
  association: "Association or society",
  "international-programme": "International programme",
};

/** The five dimensions of strategic collaboration that the guides cover. */
export const GUIDE_DIMENSIONS = ["alignment", "ip-and-regulation", "funding", "culture", "collaboration-model"] as const;
export type GuideDimension = (typeof GUIDE_DIMENSIONS)[number];

export const GUIDE_DIMENSION_LABELS: Record<GuideDimension, string> = {
  alignment: "Aligning expectations and incentives",
  "ip-and-regulation": "IP and regulation",
  funding: "Funding tools",
  culture: "Cultural differences",
  "collaboration-model": "Collaboration models",
};

/** Whether a programme still runs. `unclear` is honest when sources are silent or stale. */
export const STATUSES = ["active", "pilot", "ended", "unclear"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  active: "Active",
  pilot: "Pilot",
  ended: "Ended",
  unclear: "Status unclear",
};
