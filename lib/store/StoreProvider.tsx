"use client";
import { createContext, useContext, useDeferredValue, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Run } from "@/lib/model";
import type { ScenarioState } from "@/lib/scenario/presets";
import { createScenarioStore, type WorkspaceState, type WorkspaceStore } from "./scenarioStore";
import { hasFormulas, runOf } from "./derive";
import { useFormulaEngine } from "./formulaEngineStatus";
import { createUncertaintyStore, type UncertaintyState, type UncertaintyStore } from "./uncertainty";
import { DEFAULT_TORNADO_METRIC } from "@/components/charts/tornadoState";

const StoreContext = createContext<WorkspaceStore | null>(null);
const UncertaintyContext = createContext<UncertaintyStore | null>(null);

/** Creates the page's workspace store once and hands it to the components below. */
export function StoreProvider({ initial, children }: { initial?: Partial<ScenarioState>; children: ReactNode }) {
  const [store] = useState(() => createScenarioStore(initial));
  const [uncertainty] = useState(() => createUncertaintyStore(DEFAULT_TORNADO_METRIC));
  return (
    <StoreContext.Provider value={store}>
      <UncertaintyContext.Provider value={uncertainty}>{children}</UncertaintyContext.Provider>
    </StoreContext.Provider>
  );
}

/** The page's Monte Carlo results store. */
export function useUncertaintyStore(): UncertaintyStore {
  const store = useContext(UncertaintyContext);
  if (!store) throw new Error("useUncertainty must be used inside <StoreProvider>.");
  return store;
}

/** Selects a slice of the Monte Carlo results. */
export function useUncertainty<T>(selector: (s: UncertaintyState) => T): T {
  return useStore(useUncertaintyStore(), selector);
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

/**
 * The model run of the current scenario (derived and memoized, recomputed when the scenario changes). Deferred:
 * the controls answer an edit first, and the charts and cards follow in an interruptible render.
 */
export function useRun(): Run {
  const scenario = useDeferredValue(useWorkspace((s) => s.scenario));
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
