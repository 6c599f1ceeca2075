"use client";
import { useEffect, useId, useMemo, useState } from "react";
import type { Run } from "@/lib/model";
import { clearingLevers, explainShortage, type CapacityLever } from "@/lib/scenario/explain";
import { resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { INPUT_NAME } from "../charts/common";
import { bindingSentence, inSentence, leverSentence, leverSummary, whoSentences } from "./whyText";

const leverCache = new WeakMap<ScenarioState, Map<string, CapacityLever[]>>();

/** Schedules work for when the browser is idle (a timeout where requestIdleCallback is missing); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof window !== "undefined" && "requestIdleCallback" in window) {
    const id = window.requestIdleCallback(fn, { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }
  const t = setTimeout(fn, 30);
  return () => clearTimeout(t);
}

/**
 * Why a shortage happens, computed from the run: binding constraint by month, who is short at the worst month,
 * and what clears it soonest (reruns with each capacity input +10 %, computed when idle after the panel opens).
 * While open, the months in shortage are highlighted on every time chart.
 */
export function ShortageWhyPanel({ input, run, scenario, onClose, onHighlight }: { input: string; run: Run; scenario: ScenarioState; onClose: () => void; onHighlight: (h: { from: number; to: number; label: string }[]) => void }) {
  const uid = useId();
  const why = useMemo(() => explainShortage(run, input), [run, input]);
  const [levers, setLevers] = useState<{ scenario: ScenarioState; input: string; list: CapacityLever[] } | null>(null);

  useEffect(() => {
    if (!why) return onHighlight([]);
    onHighlight(why.shortRuns.map((r) => ({ from: r.from, to: r.to, label: `${INPUT_NAME[input]} short ${run.months[r.from]}–${run.months[r.to]}` })));
  }, [why, input, run, onHighlight]);
  useEffect(() => () => onHighlight([]), [onHighlight]);

  useEffect(() => {
    if (!why) return;
    const cached = leverCache.get(scenario)?.get(input);
    if (cached) { setLevers({ scenario, input, list: cached }); return; }
    return whenIdle(() => {
      const list = clearingLevers(resolveScenario(scenario), run, input);
      let m = leverCache.get(scenario);
      if (!m) leverCache.set(scenario, (m = new Map()));
      m.set(input, list);
      setLevers({ scenario, input, list });
    });
  }, [why, scenario, run, input]);

  const current = levers && levers.scenario === scenario && levers.input === input ? levers.list : null;
  const name = INPUT_NAME[input] ?? input;
  return (
    <section className="why" aria-labelledby={`${uid}-h`} data-why={input}>
      <div className="why-head">
        <h3 id={`${uid}-h`}>Why: the {inSentence(name)} shortage</h3>
        <button type="button" onClick={onClose} aria-label={`Close the explanation of the ${inSentence(name)} shortage`}>✕ Close</button>
      </div>
      {!why ? (
        <p>Supply covers demand for {inSentence(name)} over the whole horizon: there is no shortage to explain.</p>
      ) : (
        <>
          <p data-why-span="">
            Short from {why.firstShort}
            {why.status === "clears" ? `, clearing ${why.clearsAt}` : `, lasting beyond ${run.months[run.months.length - 1]}`}; months in shortage are highlighted on the charts.
          </p>
          <p data-why-binding={JSON.stringify(why.binding.map((b) => ({ binding: b.binding, from: b.from, to: b.to })))}>{bindingSentence(why)}</p>
          <ul className="why-who" data-why-who="">
            {whoSentences(why).map((s, i) => <li key={i}>{s}</li>)}
          </ul>
          <div data-why-levers="">
            <b>What clears it soonest</b> <span className="muted">(the model rerun with each capacity input +10 %)</span>
            {current ? (
              <>
              <p data-why-summary="">{leverSummary(current, why)}</p>
              <ol>
                {current.map((l, i) => (
                  <li key={l.paramId} data-lever={l.paramId} data-months-earlier={l.monthsEarlier ?? ""} data-best={i === 0 && (l.status === "none" || (l.monthsEarlier ?? 0) > 0) ? "true" : undefined}>
                    {leverSentence(l, why)}.
                  </li>
                ))}
              </ol>
              </>
            ) : (
              <p className="muted" role="status">Rerunning the model…</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
