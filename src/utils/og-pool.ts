/**
 * Draws the Open Graph cards on worker threads while Astro bundles and renders the HTML pages, so that
 * a clean build at scale does not spend its own time drawing PNGs (12,000 cards ≈ 25 s of CPU).
 *
 * At astro:build:start the build integration calls `prefetchOgCards` with every card, in the order it
 * will write them (src/utils/side-files.ts); the cards not in the cache yet are queued, and worker
 * threads take them from the end of the queue and write the PNGs to the cache (og-image.ts). After the
 * pages, the integration asks for each card in turn: `ogCardPng` reads it from the cache, waits for it
 * if a worker is drawing it, or draws it on this thread if no worker has started it. The main thread
 * works forwards, the workers backwards, and they meet.
 *
 * Workers: one fewer than the machine's cores (so 1 on 2 cores), or ATLAS_OG_WORKERS; 0 draws every
 * card on the main thread. They stop when the queue is empty. A job carries the card's display list
 * (og-image.ts), which the worker draws with og-raster.mjs.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { OgCard } from "./og-card";
import { CACHE_DIR, drawAndCache, fontFiles, ogCacheFile, ogScene } from "./og-image";
import type { OgFonts, OgScene } from "./og-raster.mjs";

type State = "queued" | "drawing" | "done" | "failed";

interface Job {
  id: number;
  file: string;
  /** What to draw; dropped once drawn. */
  scene: OgScene | undefined;
  state: State;
  settled: PromiseWithResolvers<void>;
}

/**
 * One pool per process, kept on globalThis: a module that Vite loads twice (the integration with
 * astro.config.mjs, the dev route in Astro's bundle) still shares one queue and one set of workers.
 */
interface Pool {
  jobs: Map<string, Job>;
  queue: Job[];
  byId: Map<number, Job>;
  workers: number;
  /** Whether this process has queued its cards already. */
  fed: boolean;
}
const POOL = Symbol.for("engagement-atlas.og-pool");
const pool: Pool = ((globalThis as Record<symbol, Pool | undefined>)[POOL] ??= {
  jobs: new Map(),
  queue: [],
  byId: new Map(),
  workers: 0,
  fed: false,
});
const { jobs, byId } = pool;

/** How many worker threads to draw with. */
export function workerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const configured = env["ATLAS_OG_WORKERS"];
  if (configured !== undefined && configured !== "") {
    const count = Number(configured);
    if (!Number.isInteger(count) || count < 0) throw new Error(`ATLAS_OG_WORKERS must be a whole number ≥ 0, got "${configured}"`);
    return count;
  }
  return Math.max(0, cores - 1);
}

/** The worker's entry point: the plain-JavaScript rasteriser in the source tree (Astro's bundle cannot be one). */
function workerScript(): string | undefined {
  const file = join(process.cwd(), "src", "utils", "og-raster.mjs");
  return existsSync(file) ? file : undefined;
}

/** Takes the last queued job, or undefined when none is left. */
function takeLast(): Job | undefined {
  while (pool.queue.length > 0) {
    const job = pool.queue.pop()!;
    if (job.state === "queued") return job;
  }
  return undefined;
}

function settle(job: Job, state: "done" | "failed"): void {
  job.state = state;
  job.scene = undefined;
  byId.delete(job.id);
  job.settled.resolve();
}

function startWorker(script: string, fonts: OgFonts): void {
  const worker = new Worker(script, { workerData: { role: "og-raster" } });
  pool.workers += 1;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    pool.workers -= 1;
    void worker.terminate();
  };
  const next = () => {
    const job = takeLast();
    if (job === undefined) {
      stop();
      return;
    }
    job.state = "drawing";
    byId.set(job.id, job);
    worker.postMessage({ id: job.id, scene: job.scene, fonts, file: job.file });
  };
  worker.on("message", (message: { id: number; error?: string }) => {
    const job = byId.get(message.id);
    if (job !== undefined) settle(job, message.error === undefined ? "done" : "failed");
    next();
  });
  worker.on("error", () => {
    // The main thread draws whatever this worker was drawing or had left.
    for (const job of byId.values()) settle(job, "failed");
    stop();
  });
  next();
}

/**
 * Queues cards to be drawn in the background, in the order they will be asked for. Cards already in
 * the cache are skipped. Starts the workers; without workers it does nothing. Only the first call of a
 * process queues anything (one build, one queue). Returns how many cards it queued.
 */
export function prefetchOgCards(cards: readonly OgCard[], workers = workerCount()): number {
  const script = workerScript();
  if (workers === 0 || script === undefined || pool.fed) return 0;
  pool.fed = true;
  mkdirSync(CACHE_DIR, { recursive: true });
  const fresh: Job[] = [];
  for (const card of cards) {
    const scene = ogScene(card);
    const file = ogCacheFile(scene);
    if (jobs.has(file) || existsSync(file)) continue;
    const job: Job = { id: jobs.size, file, scene, state: "queued", settled: Promise.withResolvers<void>() };
    jobs.set(file, job);
    fresh.push(job);
  }
  if (fresh.length === 0) return 0;
  pool.queue.push(...fresh);
  const fonts = fontFiles();
  for (let i = pool.workers; i < Math.min(workers, pool.queue.length); i += 1) startWorker(script, fonts);
  return fresh.length;
}

/** The card as a PNG: from the cache, from a worker that is drawing it, or drawn here. */
export async function ogCardPng(card: OgCard): Promise<Buffer> {
  const scene = ogScene(card);
  const file = ogCacheFile(scene);
  const job = jobs.get(file);
  if (job?.state === "drawing") await job.settled.promise;
  if (job?.state === "queued") {
    job.state = "drawing";
    const png = drawAndCache(scene, file);
    settle(job, "done");
    return png;
  }
  try {
    return readFileSync(file);
  } catch {
    return drawAndCache(scene, file);
  }
}
