import type { AtlasInput } from "../../src/utils/atlas";
import type { MatrixLabels } from "../../src/utils/matrix-view";
import { fixtureInput } from "../helpers/fixtures";

/**
 * The fixture corpus plus two institutions, so views have something to sort and group:
 * - alpha-university (BE, university): industrial PhD; industry mentoring + career days
 * - beta-fund (AT, research funder): joint research (ended)
 * - gamma-institute (DK, research organisation, a name with a comma and quotes): industrial PhD + joint research (pilot)
 * - delta-agency (DK, public agency): no case study
 */
export function richerInput(): AtlasInput {
  const input = fixtureInput();
  const alpha = input.institutions.find((i) => i.id === "alpha-university")!;
  const gamma = structuredClone(alpha);
  gamma.id = "gamma-institute";
  gamma.file = "content/institutions/gamma-institute.mdx";
  gamma.data.name = 'Gamma, the "Quoted" Institute';
  gamma.data.shortName = "Gamma";
  gamma.data.country = "DK";
  gamma.data.type = "research-organisation";
  const delta = structuredClone(alpha);
  delta.id = "delta-agency";
  delta.file = "content/institutions/delta-agency.mdx";
  delta.data.name = "Delta Agency";
  delta.data.shortName = "DA";
  delta.data.country = "DK";
  delta.data.type = "public-agency";
  input.institutions.push(gamma, delta);

  const template = input.caseStudies.find((c) => c.id === "alpha-industrial-doctorates")!;
  const phd = structuredClone(template);
  phd.id = "gamma-phd";
  phd.file = "content/case-studies/gamma-phd.mdx";
  phd.data.title = "Gamma industrial doctorates";
  phd.data.institution = "gamma-institute";
  phd.data.modes = ["industrial-phd", "joint-research"];
  phd.data.status = "pilot";
  phd.data.audiences = ["smes"];
  input.caseStudies.push(phd);
  return input;
}

/** Labels for the countries and institution types of richerInput(), as the matrix page gets them. */
export const richerLabels: MatrixLabels = {
  country: { AT: "Austria", BE: "Belgium", DK: "Denmark" },
  type: { university: "University", "research-funder": "Research funder" },
};
