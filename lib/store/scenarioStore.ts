import { createStore, type StoreApi } from "zustand/vanilla";
import { DRIVERS, type ThrottlePolicy } from "@/lib/model";
import { DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, MIN_RUNS } from "@/lib/model/mc/types";
import { DEFAULT_PRESET_ID, PRESET_BY_ID, type ScenarioState } from "@/lib/scenario/presets";
import { emptyHistory, recordEdit, redoEdit, undoEdit, type EditHistory } from "./history";

/** The workspace's state: the scenario being edited, a pinned baseline, the edit history and the crosshair month. */
export interface WorkspaceState {
  /** The scenario: a preset plus what the analyst changed. Model runs are derived from it, never stored. */
  scenario: ScenarioState;
  /** The scenario pinned for comparison, or null; every chart overlays its run and the cards show the change. */
  baseline: ScenarioState | null;
  /** Undo/redo of scenario edits (not of pinning, hovering or loading a link). */
  history: EditHistory<ScenarioState>;
  /** Index of the month under the crosshair, shared by every chart; null when nothing is hovered. */
  hoverMonth: number | null;
  /** Stretches of months highlighted on every time chart (by an open shortage explanation); not part of the link. */
  highlights: { from: number; to: number; label: string }[];
  /** Uncertainty bands: shown or not, the number of Monte Carlo runs and the seed (they travel in the link). */
  montecarlo: MonteCarloSettings;
  /** Shows or hides the bands, or changes the run count or seed (not an undoable scenario edit). */
  setMonteCarlo(patch: Partial<MonteCarloSettings>): void;
  /** Picks a preset and drops every edit made on top of the previous one. */
  choosePreset(presetId: string): void;
  /** Sets one parameter; a value equal to the preset's is still kept as an explicit override. */
  setParam(id: string, value: number): void;
  /** Returns one parameter to its preset value. */
  resetParam(id: string): void;
  /** Returns every parameter to the preset. */
  resetAll(): void;
  /** Replaces a driver's default path by a formula (text as typed; an empty text removes it). */
  setFormula(driverId: string, text: string): void;
  /** Returns a driver to its default path. */
  removeFormula(driverId: string): void;
  /** Chooses the throttling policy. */
  setPolicy(policy: ThrottlePolicy): void;
  /** Steps back one edit. */
  undo(): void;
  /** Steps forward one undone edit. */
  redo(): void;
  /** Pins the current scenario as the baseline. */
  pinBaseline(): void;
  /** Drops the baseline. */
  unpinBaseline(): void;
  /** Replaces scenario and baseline with what a link holds (not an edit: the history starts afresh). */
  loadScenario(scenario: ScenarioState, baseline?: ScenarioState | null): void;
  /** Moves the shared crosshair. */
  setHoverMonth(index: number | null): void;
  /** Replaces the highlighted months (an empty list clears them). */
  setHighlights(highlights: { from: number; to: number; label: string }[]): void;
}

/** Monte Carlo settings of the workspace. */
export interface MonteCarloSettings {
  on: boolean;
  runs: number;
  seed: number;
}

/** Bands off, 1,000 runs, seed 1. */
export const DEFAULT_MONTECARLO: MonteCarloSettings = { on: false, runs: DEFAULT_RUNS, seed: DEFAULT_SEED };

/** A workspace store instance. */
export type WorkspaceStore = StoreApi<WorkspaceState>;

/** Options of a store: the clock used to coalesce edits (tests pass their own). */
export interface StoreOptions {
  now?: () => number;
}

/** A scenario as the store holds it: a known preset, copied overrides, policy and formulas only when set. */
function cleanScenario(initial?: Partial<ScenarioState> | null): ScenarioState {
  const presetId = initial?.presetId && PRESET_BY_ID.has(initial.presetId) ? initial.presetId : DEFAULT_PRESET_ID;
  const formulas = initial?.formulas && Object.keys(initial.formulas).length ? { ...initial.formulas } : undefined;
  return { presetId, overrides: { ...(initial?.overrides ?? {}) }, ...(initial?.policy ? { policy: initial.policy } : {}), ...(formulas ? { formulas } : {}) };
}

/** Formulas in the catalog's driver order, so equal scenarios compare (and encode) equal. */
function orderedFormulas(formulas: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of DRIVERS) if (Object.prototype.hasOwnProperty.call(formulas, d.id)) out[d.id] = formulas[d.id];
  return out;
}

/** The scenario without a driver's formula (the same object when it has none). */
function withoutFormula(s: ScenarioState, driverId: string): ScenarioState {
  if (!s.formulas || !(driverId in s.formulas)) return s;
  const { [driverId]: _removed, ...rest } = s.formulas;
  const next: ScenarioState = { ...s };
  if (Object.keys(rest).length) next.formulas = rest;
  else delete next.formulas;
  return next;
}

/** Makes a fresh workspace store (one per page, one per test); there is no global store. */
export function createScenarioStore(initial?: Partial<ScenarioState>, opts: StoreOptions = {}): WorkspaceStore {
  const now = opts.now ?? (() => Date.now());
  return createStore<WorkspaceState>()((set) => {
    /**
     * Applies an edit to the scenario and records it for undo under `key`; an edit that changes nothing is dropped.
     * Only continuous edits (a slider's moves, `coalesce`) join the previous step of the same key; a discrete one (a
     * formula applied or removed, a preset, a policy, a reset) is always a step of its own, however soon it follows.
     */
    const edit = (key: string, change: (s: ScenarioState) => ScenarioState, coalesce = false) =>
      set((st) => {
        const next = change(st.scenario);
        if (next === st.scenario) return st;
        return { scenario: next, history: recordEdit(st.history, st.scenario, key, now(), coalesce ? undefined : -1) };
      });
    return {
      scenario: cleanScenario(initial),
      baseline: null,
      history: emptyHistory<ScenarioState>(),
      hoverMonth: null,
      highlights: [],
      montecarlo: DEFAULT_MONTECARLO,
      setMonteCarlo: (patch) =>
        set((st) => {
          const m = { ...st.montecarlo, ...patch };
          const runs = Number.isInteger(m.runs) ? Math.min(MAX_RUNS, Math.max(MIN_RUNS, m.runs)) : st.montecarlo.runs;
          const seed = Number.isInteger(m.seed) && m.seed >= 0 && m.seed <= 0xffffffff ? m.seed : st.montecarlo.seed;
          const next = { on: !!m.on, runs, seed };
          const cur = st.montecarlo;
          return next.on === cur.on && next.runs === cur.runs && next.seed === cur.seed ? st : { montecarlo: next };
        }),
      choosePreset: (id) => {
        if (!PRESET_BY_ID.has(id)) return;
        edit("preset", (s) => (s.presetId === id && !Object.keys(s.overrides).length && !s.policy && !s.formulas ? s : { presetId: id, overrides: {} }));
      },
      setParam: (id, value) => {
        if (!Number.isFinite(value)) return;
        edit(`param:${id}`, (s) => (s.overrides[id] === value ? s : { ...s, overrides: { ...s.overrides, [id]: value } }), true);
      },
      resetParam: (id) =>
        edit(`reset:${id}`, (s) => {
          if (!(id in s.overrides)) return s;
          const overrides = { ...s.overrides };
          delete overrides[id];
          return { ...s, overrides };
        }),
      resetAll: () => edit("resetAll", (s) => (Object.keys(s.overrides).length || s.policy || s.formulas ? { presetId: s.presetId, overrides: {} } : s)),
      setFormula: (driverId, text) => {
        const t = text.trim();
        if (!t) return edit(`formula:${driverId}`, (s) => withoutFormula(s, driverId));
        edit(`formula:${driverId}`, (s) => (s.formulas?.[driverId] === t ? s : { ...s, formulas: orderedFormulas({ ...s.formulas, [driverId]: t }) }));
      },
      removeFormula: (driverId) => edit(`formula:${driverId}`, (s) => withoutFormula(s, driverId)),
      setPolicy: (policy) => edit("policy", (s) => (s.policy === policy ? s : { ...s, policy })),
      undo: () =>
        set((st) => {
          const r = undoEdit(st.history, st.scenario);
          return r ? { scenario: r.state, history: r.history } : st;
        }),
      redo: () =>
        set((st) => {
          const r = redoEdit(st.history, st.scenario);
          return r ? { scenario: r.state, history: r.history } : st;
        }),
      pinBaseline: () => set((st) => ({ baseline: st.scenario })),
      unpinBaseline: () => set((st) => (st.baseline ? { baseline: null } : st)),
      loadScenario: (scenario, baseline = null) =>
        set({ scenario: cleanScenario(scenario), baseline: baseline ? cleanScenario(baseline) : null, history: emptyHistory<ScenarioState>() }),
      setHoverMonth: (index) => set((s) => (s.hoverMonth === index ? s : { hoverMonth: index })),
      setHighlights: (highlights) => set((s) => (!highlights.length && !s.highlights.length ? s : { highlights })),
    };
  });
}
