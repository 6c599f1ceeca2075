"use client";
import { useEffect, useSyncExternalStore } from "react";
import { formulaEngineReady, loadFormulaEngine } from "@/lib/model";

/** Where the on-demand formula engine stands in this page. */
export type FormulaEngineStatus = "idle" | "loading" | "ready" | "failed";

let status: FormulaEngineStatus = formulaEngineReady() ? "ready" : "idle";
const listeners = new Set<() => void>();
const setStatus = (s: FormulaEngineStatus) => {
  status = s;
  for (const l of listeners) l();
};

/** Starts loading the formula engine (once; again after a failure) and reports when it is ready. */
export function ensureFormulaEngine(): void {
  if (formulaEngineReady()) {
    if (status !== "ready") setStatus("ready");
    return;
  }
  if (status === "loading") return;
  setStatus("loading");
  loadFormulaEngine().then(
    () => setStatus("ready"),
    () => setStatus("failed"),
  );
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The engine's status; loads the engine when `needed` (a scenario with formulas, an open editor). */
export function useFormulaEngine(needed: boolean): FormulaEngineStatus {
  const s = useSyncExternalStore(subscribe, () => status, () => "idle" as const);
  useEffect(() => {
    if (needed) ensureFormulaEngine();
  }, [needed]);
  return s;
}
