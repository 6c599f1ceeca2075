"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Run } from "@/lib/model";
import type { ScenarioState } from "@/lib/scenario/presets";
import { createScenarioStore, type WorkspaceState, type WorkspaceStore } from "./scenarioStore";
import { hasFormulas, runOf } from "./derive";
import { useFormulaEngine } from "./formulaEngineStatus";

const StoreContext = createContext<WorkspaceStore | null>(null);

/** Creates the page's workspace store once and hands it to the components below. */
export function StoreProvider({ initial, children }: { initial?: Partial<ScenarioState>; children: ReactNode }) {
  const [store] = useState(() => createScenarioStore(initial));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The workspace store of the enclosing provider. */
export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useWorkspace must be used inside <StoreProvider>.");
  return store;
}

/** Selects a slice of the workspace state. */
export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(useWorkspaceStore(), selector);
}

/** The model run of the current scenario (derived and memoized, recomputed when the scenario changes). */
export function useRun(): Run {
  const scenario = useWorkspace((s) => s.scenario);
  // Re-renders when the formula engine has loaded, so a scenario with formulas gets its real run.
  useFormulaEngine(hasFormulas(scenario));
  return runOf(scenario);
}

/** The model run of the pinned baseline, or null when none is pinned. */
export function useBaselineRun(): Run | null {
  const baseline = useWorkspace((s) => s.baseline);
  useFormulaEngine(hasFormulas(baseline));
  return baseline ? runOf(baseline) : null;
}
