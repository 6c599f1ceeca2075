import { createUrlWriteThrottle, decodeScenario, encodeScenario, linkQuery, type DecodedScenario, type UrlIssue } from "@/lib/scenario/url";
import { DEFAULT_MONTECARLO, type MonteCarloSettings, type WorkspaceState, type WorkspaceStore } from "./scenarioStore";

/** The share query of a workspace state: the scenario, when pinned the baseline (`b.*` keys), and the Monte Carlo run count and seed. */
export function queryOf(st: Pick<WorkspaceState, "scenario" | "baseline"> & { montecarlo?: MonteCarloSettings }): string {
  const mc = st.montecarlo;
  return encodeScenario(st.scenario, { ...(st.baseline ? { baseline: st.baseline } : {}), ...(mc ? { montecarlo: { runs: mc.on ? mc.runs : null, seed: mc.seed } } : {}) });
}

/** How a URL write enters the browser history: a new entry (a preset switch) or in place (an edit). */
export type UrlWriteMode = "replace" | "push";

/** A running URL sync: flush before a link is copied or the page is hidden, load a history entry, stop on unmount. */
export interface UrlSync {
  /** Writes any pending change now. */
  flush(): void;
  /** True once the scenario or baseline changed since the link was read (the address bar is then the app's). */
  readonly edited: boolean;
  /** Runs `fn` (loading a link into the store) without writing the URL for the change it makes. */
  quietly(fn: () => void): void;
  stop(): void;
}

/** What the page shows about the link it opened: what was ignored, and what the first edit will drop. */
export interface LinkNotice {
  /** Everything the link held that was not used, with reasons. */
  issues: UrlIssue[];
  /** The link says it comes from a newer version of the app (read best effort). */
  newerVersion: boolean;
  /** Keys (as written, shortened) the first edit will drop from the address bar, which keeps the link until then. */
  dropOnEdit: string[];
}

/** What opening a page's link yields: the decoded scenario (null for an empty link) and the notice to show. */
export interface OpenedLink {
  /** The scenario query read (from the query string, or the fragment for long links). */
  query: string;
  decoded: DecodedScenario | null;
  notice: LinkNotice | null;
}

/**
 * Reads a page's link: `location.search` and `location.hash` as they are. Pure and never throws; this is the
 * function the workspace and the brief load their link with (fuzzed in tests/unit/link-fuzz.test.ts).
 */
export function openLink(search: string, hash: string): OpenedLink {
  const query = linkQuery(search, hash);
  if (!query) return { query, decoded: null, notice: null };
  const decoded = decodeScenario(query);
  const notice: LinkNotice | null = decoded.issues.length
    ? { issues: decoded.issues, newerVersion: decoded.newerVersion === true, dropOnEdit: [...new Set(decoded.issues.map((i) => i.key || "(empty key)"))] }
    : null;
  return { query, decoded, notice };
}

/**
 * Loads a query into the store (an empty query leaves the store as it is) and reports what the link held
 * that could not be used. Never throws: the decoder treats links as untrusted.
 */
export function loadQuery(store: WorkspaceStore, query: string): DecodedScenario | null {
  const opened = openLink(query, "");
  if (!opened.decoded) return null;
  store.getState().loadScenario(opened.decoded.state, opened.decoded.baseline ?? null);
  const mc = opened.decoded.montecarlo;
  store.getState().setMonteCarlo(mc ? { on: mc.runs !== null, runs: mc.runs ?? DEFAULT_MONTECARLO.runs, seed: mc.seed } : DEFAULT_MONTECARLO);
  return opened.decoded;
}

/**
 * Writes the scenario into the URL whenever it (or the baseline) changes: a preset switch as a new history
 * entry (`push`, so Back returns to the scenario before it), every other change in place (`replace`) through
 * the write throttle (at most one history update per `minIntervalMs`). `write` receives the query without "?".
 */
export function startUrlSync(store: WorkspaceStore, write: (query: string, mode: UrlWriteMode) => void, minIntervalMs = 350): UrlSync {
  const throttle = createUrlWriteThrottle((q) => write(q, "replace"), minIntervalMs);
  let quiet = false;
  let edited = false;
  const unsubscribe = store.subscribe((st, prev) => {
    if (quiet || (st.scenario === prev.scenario && st.baseline === prev.baseline && st.montecarlo === prev.montecarlo)) return;
    edited = true;
    if (st.scenario.presetId !== prev.scenario.presetId) {
      // The entry being left keeps the last state shown on it; the new preset gets an entry of its own.
      throttle.flush();
      throttle.cancel();
      write(queryOf(st), "push");
    } else {
      throttle.write(queryOf(st));
    }
  });
  return {
    flush: () => throttle.flush(),
    get edited() {
      return edited;
    },
    quietly(fn) {
      throttle.flush();
      throttle.cancel();
      quiet = true;
      try {
        fn();
      } finally {
        quiet = false;
      }
    },
    stop: () => {
      unsubscribe();
      throttle.flush();
      throttle.cancel();
    },
  };
}
