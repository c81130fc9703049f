import { describe, expect, it } from "vitest";
import { capList, formatDate, formatYears, plural } from "../../src/utils/format";

describe("format", () => {
  it("writes dates the British way", () => {
    expect(formatDate(new Date("2026-11-02T00:00:00Z"))).toBe("2 November 2026");
  });
  it("writes a running programme as started–present", () => {
    expect(formatYears(2012, undefined, "active")).toBe("2012–present");
  });
  it("writes an ended programme as a range", () => {
    expect(formatYears(2014, 2020, "ended")).toBe("2014–2020");
  });
  it("does not claim a programme of unclear status is still running", () => {
    expect(formatYears(2016, undefined, "unclear")).toBe("from 2016");
  });
  it("pluralises counts", () => {
    expect(plural(1, "case study", "case studies")).toBe("1 case study");
    expect(plural(3, "case study", "case studies")).toBe("3 case studies");
  });
});

describe("capList", () => {
  it("keeps a short list whole and cuts a long one, counting what it left out", () => {
    expect(capList([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(capList([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(capList([1, 2, 3, 4, 5], 2)).toEqual({ shown: [1, 2], more: 3 });
  });
});
