"use client";
import { useEffect, useMemo, useState } from "react";
import { PARAMS, type ParamSpec } from "@/lib/model";
import { presetParams } from "@/lib/scenario/presets";
import { useWorkspace } from "@/lib/store/StoreProvider";
import { ParamSlider } from "./ParamSlider";
import { PARAM_FOCUS_EVENT } from "../charts/paramFocus";

const GROUPS: { id: ParamSpec["group"]; label: string }[] = [
  { id: "supply", label: "Supply" },
  { id: "demand", label: "Demand" },
  { id: "serving", label: "Serving" },
  { id: "prices", label: "Prices" },
  { id: "horizon", label: "Horizon" },
];

/** Whether a parameter matches a search (by label, id or description; every word must match). */
export function paramMatches(p: ParamSpec, query: string): boolean {
  const hay = `${p.label} ${p.id} ${p.description}`.toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/** Every catalog parameter as a slider, grouped, with a search by name. */
export function ParamControls() {
  const presetId = useWorkspace((s) => s.scenario.presetId);
  // Everything "Reset all" returns to the preset: parameters, formulas and the policy.
  const changed = useWorkspace((s) => Object.keys(s.scenario.overrides).length + Object.keys(s.scenario.formulas ?? {}).length + (s.scenario.policy ? 1 : 0));
  const resetAll = useWorkspace((s) => s.resetAll);
  const preset = useMemo(() => presetParams(presetId), [presetId]);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Record<string, boolean>>({ supply: true });
  const q = query.trim();
  const [focusId, setFocusId] = useState<string | null>(null);

  // Another view (the tornado) asks for a parameter's slider: open its group, clear a search that hides it, focus it.
  useEffect(() => {
    const onFocus = (e: Event) => {
      const id = (e as CustomEvent<{ id: string }>).detail?.id;
      const spec = PARAMS.find((p) => p.id === id);
      if (!spec) return;
      setQuery((cur) => (cur.trim() && !paramMatches(spec, cur.trim()) ? "" : cur));
      setOpen((o) => ({ ...o, [spec.group]: true }));
      setFocusId(spec.id);
    };
    window.addEventListener(PARAM_FOCUS_EVENT, onFocus);
    return () => window.removeEventListener(PARAM_FOCUS_EVENT, onFocus);
  }, []);
  useEffect(() => {
    if (!focusId) return;
    const el = document.querySelector<HTMLInputElement>(`[data-param="${CSS.escape(focusId)}"] input[type="range"]`);
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    }
    setFocusId(null);
  }, [focusId, open, query]);
  return (
    <section className="params" aria-label="Parameters">
      <div className="params-head">
        <input type="search" placeholder="Search parameters…" aria-label="Search parameters by name" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={resetAll} disabled={!changed} title="Return every parameter, formula and the policy to the preset">
          Reset all{changed ? ` (${changed})` : ""}
        </button>
      </div>
      {GROUPS.map((g) => {
        const items = PARAMS.filter((p) => p.group === g.id && (!q || paramMatches(p, q)));
        if (!items.length) return null;
        const isOpen = q ? true : !!open[g.id];
        return (
          <div key={g.id} className="param-group" data-group={g.id}>
            <button type="button" className="group-toggle" aria-expanded={isOpen} onClick={() => setOpen((o) => ({ ...o, [g.id]: !isOpen }))}>
              {isOpen ? "▾" : "▸"} {g.label} <span className="muted">({items.length})</span>
            </button>
            {isOpen ? items.map((p) => <ParamSlider key={`${presetId}:${p.id}`} spec={p} presetValue={preset[p.id]} />) : null}
          </div>
        );
      })}
      {q && !PARAMS.some((p) => paramMatches(p, q)) ? <p className="muted">No parameter matches “{q}”.</p> : null}
    </section>
  );
}
