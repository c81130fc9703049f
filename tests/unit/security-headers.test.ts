import { describe, expect, it } from "vitest";
import { cspFromHtml, headerPolicy, headersFile } from "../../src/security-headers";

const html = `<meta http-equiv="content-security-policy" content="default-src 'self';script-src 'self' 'sha256-abc='; style-src 'self';">`;

describe("security headers", () => {
  it("reads the policy from a built page's meta tag", () => {
    expect(cspFromHtml(html)).toBe("default-src 'self';script-src 'self' 'sha256-abc='; style-src 'self';");
  });
  it("adds frame-ancestors, which a meta tag cannot carry", () => {
    expect(headerPolicy("default-src 'self';script-src 'self'")).toBe("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
  });
  it("writes every header under /*", () => {
    const file = headersFile("default-src 'self'");
    expect(file).toMatch(/^\/\*$/m);
    expect(file).toMatch(/^ {2}X-Content-Type-Options: nosniff$/m);
    expect(file).toMatch(/^ {2}Content-Security-Policy: default-src 'self'; frame-ancestors 'none'$/m);
  });
});
