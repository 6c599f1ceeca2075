import { createUrlWriteThrottle, decodeScenario, encodeScenario, type DecodedScenario } from "@/lib/scenario/url";
import { DEFAULT_MONTECARLO, type MonteCarloSettings, type WorkspaceState, type WorkspaceStore } from "./scenarioStore";

/** The share query of a workspace state: the scenario, when pinned the baseline (`b.*` keys), and the Monte Carlo run count and seed. */
export function queryOf(st: Pick<WorkspaceState, "scenario" | "baseline"> & { montecarlo?: MonteCarloSettings }): string {
  const mc = st.montecarlo;
  return encodeScenario(st.scenario, { ...(st.baseline ? { baseline: st.baseline } : {}), ...(mc ? { montecarlo: { runs: mc.on ? mc.runs : null, seed: mc.seed } } : {}) });
}

/** A running URL sync: flush before a link is copied, stop on unmount. */
export interface UrlSync {
  flush(): void;
  stop(): void;
}

/**
 * Loads a query into the store (an empty query leaves the store as it is) and reports what the link held
 * that could not be used. Never throws: the decoder treats links as untrusted.
 */
export function loadQuery(store: WorkspaceStore, query: string): DecodedScenario | null {
  if (!query.replace(/^\?/, "")) return null;
  const decoded = decodeScenario(query);
  store.getState().loadScenario(decoded.state, decoded.baseline ?? null);
  const mc = decoded.montecarlo;
  store.getState().setMonteCarlo(mc ? { on: mc.runs !== null, runs: mc.runs ?? DEFAULT_MONTECARLO.runs, seed: mc.seed } : DEFAULT_MONTECARLO);
  return decoded;
}

/**
 * Writes the scenario into the URL whenever it (or the baseline) changes, through the write throttle
 * (at most one history update per `minIntervalMs`). `write` receives the query without "?".
 */
export function startUrlSync(store: WorkspaceStore, write: (query: string) => void, minIntervalMs = 350): UrlSync {
  const throttle = createUrlWriteThrottle(write, minIntervalMs);
  const unsubscribe = store.subscribe((st, prev) => {
    if (st.scenario !== prev.scenario || st.baseline !== prev.baseline || st.montecarlo !== prev.montecarlo) throttle.write(queryOf(st));
  });
  return {
    flush: () => throttle.flush(),
    stop: () => {
      unsubscribe();
      throttle.flush();
      throttle.cancel();
    },
  };
}
