import { createStore, type StoreApi } from "zustand/vanilla";
import type { ThrottlePolicy } from "@/lib/model";
import { DEFAULT_PRESET_ID, PRESET_BY_ID, type ScenarioState } from "@/lib/scenario/presets";

/** The workspace's state: the scenario being edited and the month under the shared crosshair. */
export interface WorkspaceState {
  /** The scenario: a preset plus what the analyst changed. Model runs are derived from it, never stored. */
  scenario: ScenarioState;
  /** Index of the month under the crosshair, shared by every chart; null when nothing is hovered. */
  hoverMonth: number | null;
  /** Picks a preset and drops every edit made on top of the previous one. */
  choosePreset(presetId: string): void;
  /** Sets one parameter; a value equal to the preset's is still kept as an explicit override. */
  setParam(id: string, value: number): void;
  /** Returns one parameter to its preset value. */
  resetParam(id: string): void;
  /** Returns every parameter to the preset. */
  resetAll(): void;
  /** Chooses the throttling policy. */
  setPolicy(policy: ThrottlePolicy): void;
  /** Moves the shared crosshair. */
  setHoverMonth(index: number | null): void;
}

/** A workspace store instance. */
export type WorkspaceStore = StoreApi<WorkspaceState>;

/** Makes a fresh workspace store (one per page, one per test); there is no global store. */
export function createScenarioStore(initial?: Partial<ScenarioState>): WorkspaceStore {
  const presetId = initial?.presetId && PRESET_BY_ID.has(initial.presetId) ? initial.presetId : DEFAULT_PRESET_ID;
  const scenario: ScenarioState = { presetId, overrides: { ...(initial?.overrides ?? {}) }, ...(initial?.policy ? { policy: initial.policy } : {}) };
  return createStore<WorkspaceState>()((set) => ({
    scenario,
    hoverMonth: null,
    choosePreset: (id) => {
      if (!PRESET_BY_ID.has(id)) return;
      set({ scenario: { presetId: id, overrides: {} } });
    },
    setParam: (id, value) => {
      if (!Number.isFinite(value)) return;
      set((s) => (s.scenario.overrides[id] === value ? s : { scenario: { ...s.scenario, overrides: { ...s.scenario.overrides, [id]: value } } }));
    },
    resetParam: (id) =>
      set((s) => {
        if (!(id in s.scenario.overrides)) return s;
        const overrides = { ...s.scenario.overrides };
        delete overrides[id];
        return { scenario: { ...s.scenario, overrides } };
      }),
    resetAll: () => set((s) => ({ scenario: { presetId: s.scenario.presetId, overrides: {} } })),
    setPolicy: (policy) => set((s) => ({ scenario: { ...s.scenario, policy } })),
    setHoverMonth: (index) => set((s) => (s.hoverMonth === index ? s : { hoverMonth: index })),
  }));
}
