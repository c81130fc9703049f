/**
 * Headers a static host should send with every page. The Content-Security-Policy itself is not
 * written here: it is copied from the <meta> policy Astro generates (with the hashes of this
 * build), so the header and the meta tag can never disagree.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Reads the CSP of a built page's <meta http-equiv="content-security-policy">. */
export function cspFromHtml(html: string): string | undefined {
  const match = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
  return match?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

/**
 * The header policy: the meta policy plus frame-ancestors, which only works as a header.
 * Directives are normalised to "a; b; c".
 */
export function headerPolicy(metaPolicy: string): string {
  const directives = metaPolicy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean);
  directives.push("frame-ancestors 'none'");
  return directives.join("; ");
}

/** A Netlify/Cloudflare-style _headers file applying the headers to every path. */
export function headersFile(metaPolicy: string): string {
  const lines = [
    "# Generated at build time by src/integrations/atlas.ts — do not edit.",
    "/*",
    `  Content-Security-Policy: ${headerPolicy(metaPolicy)}`,
  ];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  return `${lines.join("\n")}\n`;
}
