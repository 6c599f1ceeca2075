"use client";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { DRIVERS, FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH, checkDriverFormula, type DriverFormulaCheck, type DriverSpec } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { ensureFormulaEngine, useFormulaEngine, type FormulaEngineStatus } from "@/lib/store/formulaEngineStatus";
import { FormulaPreview } from "./FormulaPreview";

/** The formula's check under the scenario's parameters, or null while the engine loads (or with no text). */
function useFormulaCheck(driverId: string, text: string | undefined, ready: boolean): DriverFormulaCheck | null {
  const scenario = useWorkspace((s) => s.scenario);
  const n = useRun().months.length;
  return useMemo(() => {
    if (!ready || !text || !text.trim()) return null;
    return checkDriverFormula(driverId, text, resolveScenario(scenario).params, n);
  }, [driverId, text, ready, scenario, n]);
}

/** The formula text with a caret under the character a problem points at. */
function ErrorCaret({ text, position }: { text: string; position: number }) {
  return (
    <pre className="formula-caret" aria-hidden="true">
      {text}
      {"\n"}
      {" ".repeat(Math.min(position, text.length))}^
    </pre>
  );
}

/** What a formula check says, in words: the problem (with its position) or that the formula is in use. */
function CheckText({ check, text, status, id }: { check: DriverFormulaCheck | null; text: string; status: FormulaEngineStatus; id: string }) {
  if (status === "loading" || status === "idle") return <p id={id} className="formula-status muted" role="status">Loading the formula engine…</p>;
  if (status === "failed") return <p id={id} className="formula-error" role="alert">The formula engine could not be loaded; reload the page to try again.</p>;
  if (!check) return <p id={id} className="formula-status muted">Type a formula in t, year, base and parameter ids.</p>;
  if (check.outcome.ok) return <p id={id} className="formula-status formula-ok">In use: the driver follows this formula.</p>;
  const { message, position } = check.outcome.problem;
  return (
    <div id={id} className="formula-error" role="alert" data-formula-error="">
      <p>{message} The default path is used.</p>
      {position !== undefined ? <ErrorCaret text={text.trim()} position={position} /> : null}
    </div>
  );
}

/** One driver's row: its default rule, a marker while a formula replaces it, and the inline editor. */
function DriverRow({ spec }: { spec: DriverSpec }) {
  const uid = useId();
  const formula = useWorkspace((s) => s.scenario.formulas?.[spec.id]);
  const setFormula = useWorkspace((s) => s.setFormula);
  const removeFormula = useWorkspace((s) => s.removeFormula);
  const [draft, setDraft] = useState<string | null>(null);
  const editing = draft !== null;
  const status = useFormulaEngine(editing || formula !== undefined);
  const shownText = editing ? draft : formula;
  const check = useFormulaCheck(spec.id, shownText, status === "ready");
  const committedCheck = useFormulaCheck(spec.id, formula, status === "ready");
  const inError = committedCheck !== null && !committedCheck.outcome.ok;

  const apply = () => {
    if (draft === null) return;
    if (draft.trim()) setFormula(spec.id, draft);
    else removeFormula(spec.id);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      if (!check || check.outcome.ok || !draft?.trim()) apply();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDraft(null);
    }
  };
  const draftRefused = editing && check !== null && !check.outcome.ok;

  return (
    <div className={formula !== undefined ? "driver has-formula" : "driver"} data-driver={spec.id} data-formula-state={formula === undefined ? "none" : inError ? "error" : "active"}>
      <div className="driver-head">
        <span className="driver-label" id={`${uid}-l`}>
          {spec.label} <span className="unit">({spec.unit})</span>
        </span>
        {formula !== undefined ? (
          <span className={inError ? "formula-marker error" : "formula-marker"} data-formula-marker="" title={inError ? "A formula is set but not used: see the error" : "A formula replaces the default path"}>
            {inError ? "ƒ formula: error" : "ƒ formula"}
          </span>
        ) : null}
      </div>
      {formula !== undefined && !editing ? (
        <div className="driver-formula">
          <code className="formula-text">{formula}</code>
          <span className="driver-actions">
            <button type="button" onClick={() => setDraft(formula)} aria-label={`Edit the formula for ${spec.label}`}>
              Edit
            </button>
            <button type="button" onClick={() => removeFormula(spec.id)} aria-label={`Remove the formula for ${spec.label} and use its default path`}>
              Remove
            </button>
          </span>
        </div>
      ) : null}
      {formula === undefined && !editing ? (
        <div className="driver-formula">
          <span className="muted driver-rule" title="The default path">
            {spec.defaultRule}
          </span>
          <button type="button" onClick={() => setDraft("base")} onFocus={ensureFormulaEngine} onPointerEnter={ensureFormulaEngine} aria-label={`Replace ${spec.label} by a formula`}>
            ƒ Formula…
          </button>
        </div>
      ) : null}
      {!editing && inError ? <CheckText check={committedCheck} text={formula ?? ""} status={status} id={`${uid}-e`} /> : null}
      {editing ? (
        <div className="formula-editor">
          <input
            type="text"
            className="formula-input"
            value={draft}
            maxLength={MAX_FORMULA_LENGTH}
            spellCheck={false}
            autoComplete="off"
            autoFocus
            aria-label={`Formula for ${spec.label} (${spec.unit}) in t, year, base and parameter ids`}
            aria-describedby={`${uid}-c`}
            aria-invalid={draftRefused}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <CheckText check={check} text={draft} status={status} id={`${uid}-c`} />
          {check ? <FormulaPreview check={check} unit={spec.unit} /> : null}
          <div className="driver-actions">
            <button type="button" onClick={apply} disabled={draftRefused || status !== "ready"}>
              Apply
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
          <details className="formula-help">
            <summary>What a formula can use</summary>
            <p>
              <code>t</code> months since 2024-01, <code>year</code> (fractional), <code>base</code> the default path&apos;s value that month, any parameter id
              (e.g. <code>agentGrowthPerYear</code>), <code>pi</code>, <code>e</code>; <code>+ − * / ^</code>, comparisons, <code>and or not</code>,{" "}
              <code>c ? a : b</code>; functions {Object.keys(FORMULA_FUNCTIONS).join(", ")} (as in mathjs: <code>round(x, 2)</code>, <code>log(x, 10)</code>).
            </p>
          </details>
        </div>
      ) : null}
    </div>
  );
}

/** Every time-path driver, each replaceable by a formula from its own row. */
export function DriverFormulas() {
  const [open, setOpen] = useState<boolean | null>(null);
  const active = useWorkspace((s) => Object.keys(s.scenario.formulas ?? {}).length);
  // Open by default while a formula is active, so its marker is in view.
  const isOpen = open ?? active > 0;
  return (
    <section className="drivers" aria-label="Time paths and formulas">
      <button type="button" className="group-toggle" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        {isOpen ? "▾" : "▸"} Time paths (formulas) <span className="muted">({DRIVERS.length}{active ? `, ${active} by formula` : ""})</span>
      </button>
      {isOpen ? DRIVERS.map((d) => <DriverRow key={d.id} spec={d} />) : null}
    </section>
  );
}
