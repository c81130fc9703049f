import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/content/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "dist",
          include: ["tests/dist/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "lighthouse",
          include: ["tests/lighthouse/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Two cores: one browser at a time keeps timings stable and memory low.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The benchmark's 100-entry smoke run (bench/run.ts --smoke): builds its own copy of the site.
          name: "bench",
          include: ["tests/bench/**/*.test.ts"],
          environment: "node",
          testTimeout: 240_000,
        },
      },
    ],
  },
});
