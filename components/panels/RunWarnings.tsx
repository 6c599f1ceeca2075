"use client";
import { useState } from "react";
import { hasFormulas } from "@/lib/store/derive";
import { useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { useFormulaEngine } from "@/lib/store/formulaEngineStatus";

/** The model's warnings about the current run (e.g. a formula not used, and why); dismissible until they change. */
export function RunWarnings() {
  const run = useRun();
  const needsEngine = useWorkspace((s) => hasFormulas(s.scenario) || hasFormulas(s.baseline));
  const engine = useFormulaEngine(needsEngine);
  const key = run.warnings.join("\n");
  const [dismissed, setDismissed] = useState<string | null>(null);
  const loading = needsEngine && (engine === "loading" || engine === "idle");
  return (
    <>
      {loading ? (
        <p className="engine-status" role="status" data-engine-loading="">
          Loading the formula engine… the charts show the default paths until it is ready.
        </p>
      ) : null}
      {needsEngine && engine === "failed" ? (
        <p className="notice" role="alert">
          The formula engine could not be loaded, so formulas are not applied; reload the page to try again.
        </p>
      ) : null}
      {run.warnings.length && dismissed !== key ? (
        <div className="notice run-warnings" role="status" aria-live="polite" aria-label="Model warnings" data-run-warnings="">
          <div className="notice-head">
            <b>The model reported {run.warnings.length === 1 ? "a warning" : `${run.warnings.length} warnings`} for this scenario.</b>
            <button type="button" onClick={() => setDismissed(key)} aria-label="Dismiss the model's warnings">
              Dismiss
            </button>
          </div>
          <ul>
            {run.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
