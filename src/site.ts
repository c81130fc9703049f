import config from "../site.config.json";

/** Site-wide settings, configured in one place: site.config.json. */
export const SITE = config;

/** "Edit this file" on the repository, for an entry's source path (e.g. "content/modes/consultancy.mdx"). */
export function editUrl(file: string): string {
  return `${SITE.repoUrl}/edit/${SITE.repoBranch}/${file.replace(/^\.?\//, "")}`;
}

/** A new-issue link on the repository, prefilled with a title and a body. */
export function issueUrl(title: string, body: string, template = "suggest-a-correction.yml"): string {
  const params = new URLSearchParams({ template, title, body });
  return `${SITE.repoUrl}/issues/new?${params.toString()}`;
}

/** The email route for people who do not use GitHub. */
export function mailtoUrl(subject: string, body: string): string {
  return `mailto:${SITE.contactEmail}?${new URLSearchParams({ subject, body }).toString().replace(/\+/g, "%20")}`;
}
