import { describe, expect, it } from "vitest";
import { eachResultData, type PagefindResult, type PagefindResultData } from "../../src/scripts/pagefind";

/** A result whose data arrives when the test says so. */
function deferredResult(id: string) {
  let arrive: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const data = new Promise<PagefindResultData>((resolve, reject) => {
    arrive = () => resolve({ url: `/${id}/`, excerpt: "", meta: { title: id }, filters: {}, sub_results: [] });
    fail = reject;
  });
  let asked = 0;
  const result: PagefindResult = {
    id,
    score: 1,
    data: () => {
      asked += 1;
      return data;
    },
  };
  return { result, arrive: () => arrive(), fail: (error: Error) => fail(error), asked: () => asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("result data for a page of results", () => {
  it("asks for the whole page at once and hands each result over as soon as it and those before it have arrived", async () => {
    const results = ["a", "b", "c", "d"].map(deferredResult);
    const handed: string[] = [];
    const done = eachResultData(
      results.map((r) => r.result),
      1,
      2,
      (data, index) => {
        handed.push(`${index}:${data.meta["title"]}`);
        return true;
      },
    );
    expect(results.map((r) => r.asked())).toEqual([0, 1, 1, 0]);
    results[2]!.arrive();
    await settle();
    expect(handed, "c waits for b, which comes before it").toEqual([]);
    results[1]!.arrive();
    await settle();
    expect(handed).toEqual(["0:b", "1:c"]);
    expect(await done).toBe(2);
  });

  it("shows the first result before a slow later one", async () => {
    const results = ["a", "b"].map(deferredResult);
    const handed: string[] = [];
    const done = eachResultData(
      results.map((r) => r.result),
      0,
      2,
      (data) => {
        handed.push(data.meta["title"] ?? "");
        return true;
      },
    );
    results[0]!.arrive();
    await settle();
    expect(handed).toEqual(["a"]);
    results[1]!.arrive();
    expect(await done).toBe(2);
  });

  it("stops when the answer has gone stale", async () => {
    const results = ["a", "b", "c"].map(deferredResult);
    for (const r of results) r.arrive();
    const handed: string[] = [];
    const count = await eachResultData(
      results.map((r) => r.result),
      0,
      3,
      (data) => {
        handed.push(data.meta["title"] ?? "");
        return handed.length < 2;
      },
    );
    expect(handed).toEqual(["a", "b"]);
    expect(count).toBe(1);
  });

  it("rejects when a fragment fails to load, even one after a slow first result", async () => {
    const results = ["a", "b"].map(deferredResult);
    const done = eachResultData(
      results.map((r) => r.result),
      0,
      2,
      () => true,
    );
    results[1]!.fail(new Error("404 fetching fragment"));
    await settle();
    results[0]!.arrive();
    await expect(done).rejects.toThrow(/404/);
  });
});
