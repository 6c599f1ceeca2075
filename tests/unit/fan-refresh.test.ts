import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FanResult, JobHandle, MonteCarloPool } from "@/lib/model/mc";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { createUncertaintyStore, FAN_REFRESH_MS, startUncertaintyDriver } from "@/lib/store/uncertainty";

/** A pool whose Monte Carlo jobs the test drives by hand: each call records its update callback. */
function handPool() {
  const jobs: { update: (fan: FanResult) => void; cancelled: boolean }[] = [];
  const never = (): JobHandle => ({ cancel: () => {}, done: new Promise(() => {}) });
  const pool: MonteCarloPool = {
    size: 2,
    monteCarlo(_spec, onUpdate) {
      const job = { update: onUpdate, cancelled: false };
      jobs.push(job);
      let end: (v: "cancelled") => void = () => {};
      const done = new Promise<"cancelled">((r) => (end = r));
      return { cancel: () => ((job.cancelled = true), end("cancelled")), done } as unknown as JobHandle;
    },
    tornado: never,
    passShares: never,
    dispose: () => {},
  };
  return { pool, jobs };
}

/** A workspace with bands on, its results store and a driver on a hand-driven pool, past the driver's debounce. */
async function driven() {
  const workspace = createScenarioStore({ presetId: "baseline", overrides: {} });
  workspace.getState().setMonteCarlo({ on: true, runs: 1000, seed: 1 });
  const results = createUncertaintyStore("clearsAt.gpu");
  const { pool, jobs } = handPool();
  const stop = startUncertaintyDriver(workspace, results, pool, { series: [], metrics: [], clearing: [] }, { tornadoDebounceMs: 1e9, passShares: null });
  await vi.advanceTimersByTimeAsync(100);
  return { workspace, results, jobs, stop };
}

const fan = (runs: number, done = false): FanResult => ({ runs, total: 1000, seed: 1, months: 1, levels: [0.5], seriesIds: [], metricIds: [], clearingIds: [], series: new Float64Array(), metrics: new Float64Array(), cleared: new Float64Array(), done });

describe("fans shown while a Monte Carlo refines", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows a job's first fan and its last at once, and between them at most one every FAN_REFRESH_MS, the newest", async () => {
    const { results, jobs, stop } = await driven();
    expect(jobs).toHaveLength(1);
    const job = jobs[0];
    job.update(fan(64));
    expect(results.getState().fan?.runs).toBe(64);
    // The other shard's first report, and a later one, within the refresh time: the newest is shown when it ends.
    job.update(fan(128));
    job.update(fan(300));
    expect(results.getState().fan?.runs).toBe(64);
    await vi.advanceTimersByTimeAsync(FAN_REFRESH_MS - 1);
    expect(results.getState().fan?.runs).toBe(64);
    await vi.advanceTimersByTimeAsync(1);
    expect(results.getState().fan?.runs).toBe(300);
    // The last fan is shown at once, with the job done.
    job.update(fan(500));
    job.update(fan(1000, true));
    expect(results.getState().fan?.runs).toBe(1000);
    expect(results.getState().status).toBe("done");
    await vi.advanceTimersByTimeAsync(FAN_REFRESH_MS * 2);
    expect(results.getState().fan?.runs).toBe(1000);
    stop();
  });

  it("a fan held back for a job that an edit replaced is never shown", async () => {
    const { workspace, results, jobs, stop } = await driven();
    jobs[0].update(fan(64));
    jobs[0].update(fan(200));
    workspace.getState().setParam("packagingCapacityScale", 1.2);
    await vi.advanceTimersByTimeAsync(FAN_REFRESH_MS * 2);
    expect(jobs).toHaveLength(2);
    expect(jobs[0].cancelled).toBe(true);
    expect(results.getState().fan?.runs).toBe(64);
    jobs[1].update(fan(70));
    expect(results.getState().fan?.runs).toBe(70);
    stop();
  });
});
