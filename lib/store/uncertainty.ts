import { createStore, type StoreApi } from "zustand/vanilla";
import { PARAMS } from "@/lib/model";
import type { FanResult, JobHandle, MonteCarloPool, MonteCarloSpec, PassShareRow, TornadoSwing } from "@/lib/model/mc";
import { PRESET_BY_ID, resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import type { MonteCarloSettings, WorkspaceStore } from "./scenarioStore";

/** Where the Monte Carlo stands. */
export type UncertaintyStatus = "off" | "running" | "done" | "cancelled" | "error" | "unavailable";

/** Results computed off the main thread for the current scenario: the fan, the tornado and the claims' pass shares. */
export interface UncertaintyState {
  status: UncertaintyStatus;
  /** The latest merged quantiles (kept while a newer request computes, so bands change rather than blink). */
  fan: FanResult | null;
  /** The scenario the fan was computed for (the current one once its first partial has arrived). */
  fanScenario: ScenarioState | null;
  error: string | null;
  /** The metric the tornado ranks parameters by. */
  tornadoMetric: string;
  /** The swings of the last finished tornado and the metric they are for; null before the first. */
  tornado: { metric: string; swings: TornadoSwing[] } | null;
  tornadoBusy: boolean;
  /** Each claim's pass share over seeded draws, with the draws and seed used; null until computed. */
  passShares: { draws: number; seed: number; rows: PassShareRow[] } | null;
  /** Stops the running Monte Carlo (the bands so far stay, marked as partial). */
  cancel(): void;
  /** Chooses the tornado's metric. */
  setTornadoMetric(id: string): void;
}

/** An uncertainty store instance. */
export type UncertaintyStore = StoreApi<UncertaintyState>;

/** Makes the results store (one per page); `cancel` does nothing until a driver is attached. */
export function createUncertaintyStore(tornadoMetric: string): UncertaintyStore {
  return createStore<UncertaintyState>()((set) => ({
    status: "off",
    fan: null,
    fanScenario: null,
    error: null,
    tornadoMetric,
    tornado: null,
    tornadoBusy: false,
    passShares: null,
    cancel: () => {},
    setTornadoMetric: (id) => set((s) => (s.tornadoMetric === id ? s : { tornadoMetric: id })),
  }));
}

/** What a Monte Carlo request summarises. */
export interface UncertaintyOutputs {
  series: readonly string[];
  metrics: readonly string[];
  clearing: readonly string[];
}

/**
 * The parameters a Monte Carlo holds at the scenario's values: those the analyst set and those the preset sets
 * (its thesis). Every other parameter is drawn over its low–high band.
 */
export function fixedParams(scenario: ScenarioState): string[] {
  const preset = PRESET_BY_ID.get(scenario.presetId);
  return [...new Set([...Object.keys(scenario.overrides), ...Object.keys(preset?.params ?? {})])].filter((id) => PARAMS.some((p) => p.id === id));
}

/** The Monte Carlo request of a scenario under given settings. */
export function monteCarloSpec(scenario: ScenarioState, mc: MonteCarloSettings, out: UncertaintyOutputs): MonteCarloSpec {
  return { base: resolveScenario(scenario), fixed: fixedParams(scenario), runs: mc.runs, seed: mc.seed, series: [...out.series], metrics: [...out.metrics], clearing: [...out.clearing] };
}

/** Options of the driver: waits before starting a job after an edit. */
export interface DriverOptions {
  /** Quiet time after the last edit before a Monte Carlo starts, in ms (a drag does not start a job per frame). */
  debounceMs?: number;
  /** Quiet time before a tornado starts, in ms. */
  tornadoDebounceMs?: number;
  /** Draws and seed of the claims' pass shares (computed once); null to skip them. */
  passShares?: { draws: number; seed: number } | null;
}

/** Least time between two fans shown while a Monte Carlo refines (the first and the last are shown at once). */
export const FAN_REFRESH_MS = 250;

/**
 * Keeps the results store in step with the workspace: a newer scenario or setting cancels the running job and
 * starts another; bands off cancels it. Returns a function that stops everything.
 */
export function startUncertaintyDriver(workspace: WorkspaceStore, results: UncertaintyStore, pool: MonteCarloPool | null, out: UncertaintyOutputs, opts: DriverOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 40, tornadoDebounceMs = opts.tornadoDebounceMs ?? 120;
  if (!pool) {
    results.setState({ status: "unavailable", error: "This browser cannot run background workers, so uncertainty bands are unavailable." });
    return () => {};
  }
  let mcJob: JobHandle | null = null, tornadoJob: JobHandle | null = null;
  let mcTimer: ReturnType<typeof setTimeout> | null = null, tornadoTimer: ReturnType<typeof setTimeout> | null = null;
  let fanTimer: ReturnType<typeof setTimeout> | null = null;

  const startMonteCarlo = () => {
    mcTimer = null;
    const { scenario, montecarlo } = workspace.getState();
    mcJob?.cancel();
    mcJob = null;
    if (fanTimer) clearTimeout(fanTimer);
    fanTimer = null;
    if (!montecarlo.on) {
      results.setState({ status: "off", fan: null, fanScenario: null, error: null });
      return;
    }
    results.setState({ status: "running", error: null });
    // A job's first fan and its last are shown at once; between them at most one every FAN_REFRESH_MS, the newest.
    // Each shard reports on its own, so without this the page redrew every banded chart twice in a row as the first
    // fan arrived, and twice for every refinement after (each redraw a task of 50–160 ms on a loaded two-core machine,
    // in which a key press waits).
    let lastShown = -Infinity, pending: FanResult | null = null;
    const show = (fan: FanResult) => {
      lastShown = performance.now();
      pending = null;
      results.setState({ fan, fanScenario: scenario, status: fan.done ? "done" : "running" });
    };
    const job = pool.monteCarlo(
      monteCarloSpec(scenario, montecarlo, out),
      (fan) => {
        if (lastShown === -Infinity || fan.done) {
          if (fanTimer) clearTimeout(fanTimer);
          fanTimer = null;
          show(fan);
          return;
        }
        pending = fan;
        fanTimer ??= setTimeout(() => {
          fanTimer = null;
          if (pending && mcJob === job) show(pending);
        }, Math.max(0, lastShown + FAN_REFRESH_MS - performance.now()));
      },
      (message) => results.setState({ status: "error", error: message }),
    );
    mcJob = job;
    job.done.then((end) => {
      if (mcJob === job) mcJob = null;
      if (end === "cancelled" && results.getState().status === "running" && mcJob === null) results.setState({ status: "cancelled" });
    });
  };
  const startTornado = () => {
    tornadoTimer = null;
    const scenario = workspace.getState().scenario;
    const metric = results.getState().tornadoMetric;
    results.setState({ tornadoBusy: true });
    tornadoJob = pool.tornado(
      resolveScenario(scenario),
      metric,
      PARAMS.map((p) => p.id),
      (swings) => results.setState({ tornado: { metric, swings }, tornadoBusy: false }),
      (message) => results.setState({ tornadoBusy: false, error: message }),
    );
  };
  const scheduleMonteCarlo = () => {
    if (mcTimer) clearTimeout(mcTimer);
    mcTimer = setTimeout(startMonteCarlo, debounceMs);
  };
  const scheduleTornado = () => {
    if (tornadoTimer) clearTimeout(tornadoTimer);
    tornadoTimer = setTimeout(startTornado, tornadoDebounceMs);
  };

  results.setState({
    cancel: () => {
      if (mcTimer) clearTimeout(mcTimer);
      mcTimer = null;
      if (mcJob) {
        mcJob.cancel();
        mcJob = null;
        results.setState({ status: "cancelled" });
      }
    },
  });
  const unWorkspace = workspace.subscribe((st, prev) => {
    if (st.scenario !== prev.scenario || st.montecarlo !== prev.montecarlo) scheduleMonteCarlo();
    if (st.scenario !== prev.scenario) scheduleTornado();
  });
  const unResults = results.subscribe((st, prev) => {
    if (st.tornadoMetric !== prev.tornadoMetric) scheduleTornado();
  });
  if (workspace.getState().montecarlo.on) scheduleMonteCarlo();
  scheduleTornado();
  if (opts.passShares) {
    const { draws, seed } = opts.passShares;
    pool.passShares(draws, seed, (rows) => results.setState({ passShares: { draws, seed, rows } }), () => {});
  }
  return () => {
    unWorkspace();
    unResults();
    if (mcTimer) clearTimeout(mcTimer);
    if (tornadoTimer) clearTimeout(tornadoTimer);
    if (fanTimer) clearTimeout(fanTimer);
    mcJob?.cancel();
    tornadoJob?.cancel();
    results.setState({ cancel: () => {} });
  };
}
