"use client";
import { lazy, Suspense, useDeferredValue, useState, type ReactNode } from "react";
import type { Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { useBaselineRun, useRun, useUncertainty, useWorkspace } from "@/lib/store/StoreProvider";
import { clearsAtRangeText, metricRangeText } from "./metricRange";
import { CLEARS, headlineCards, type HeadlineCard } from "./headlineCards";
import { firstShortText } from "./metricText";

/** Loads the "why" panel's code (the shortage explanation and its sentences); the first call starts the fetch. */
const loadWhyPanel = () => import("./ShortageWhyPanel");
/** The "why" panel, loaded when a card's "Why?" is first pointed at, focused or pressed: the first paint does not need it. */
const ShortageWhyPanel = lazy(() => loadWhyPanel().then((m) => ({ default: m.ShortageWhyPanel })));

/** Shown in the panel's place for the moment its code takes to load. */
function WhyLoading({ input }: { input: string }) {
  return (
    <section className="why" data-why-loading={input}>
      <p className="muted" role="status">Loading the explanation…</p>
    </section>
  );
}

/** One headline number; the value element carries `data-metric` with the model's metric id, the change vs a baseline `data-delta`, the Monte Carlo range `data-range`. */
function Card({ card: { metric, label, value, note, wide, delta }, range, why }: { card: HeadlineCard; range?: string | null; why?: { open: boolean; toggle: () => void } }) {
  return (
    <div className={wide ? "card wide" : "card"}>
      <span className="card-label">{label}</span>
      <b className="card-value" data-metric={metric}>{value}</b>
      {range ? <span className="card-range" data-range={metric} title="10th to 90th percentile over the Monte Carlo runs">{range}</span> : null}
      {delta ? <span className={`card-delta ${delta.direction}`} data-delta={metric}>{delta.text}</span> : null}
      {note ? <span className="card-note">{note}</span> : null}
      {why ? (
        <button type="button" className="why-toggle" aria-expanded={why.open} data-why-toggle={metric.replace("clearsAt.", "")} onClick={why.toggle} onPointerEnter={() => void loadWhyPanel()} onFocus={() => void loadWhyPanel()}>
          {why.open ? "Hide why" : "Why?"}
        </button>
      ) : null}
    </div>
  );
}

/** The p10–p90 text of a card's metric over a Monte Carlo fan (none for the binding sequence). */
function rangeOf(run: Run, fan: FanResult | null, metric: string): string | null {
  if (metric.startsWith("clearsAt.")) return clearsAtRangeText(run, fan, metric.slice("clearsAt.".length) as Parameters<typeof clearsAtRangeText>[2]);
  if (metric === "bindingSequence") return null;
  return metricRangeText(fan, metric);
}

/** The headline metric cards of a run, with the change against a pinned baseline's run when there is one (a pure view). */
export function MetricCardsView({ run, baseline, fan, whyOpen, onWhy, whyPanel }: { run: Run; baseline?: Run | null; fan?: FanResult | null; whyOpen?: string | null; onWhy?: (input: string | null) => void; whyPanel?: ReactNode }) {
  const b = baseline ?? null;
  const f = fan ?? null;
  const cards = headlineCards(run, b);
  // A shortage card offers its "why" only when the input is short at some point.
  const whyOf = (c: HeadlineCard) => {
    const r = c.metric.slice("clearsAt.".length);
    return onWhy && firstShortText(run, r as (typeof CLEARS)[number]) ? { open: whyOpen === r, toggle: () => onWhy(whyOpen === r ? null : r) } : undefined;
  };
  return (
    <section className="metrics" aria-label="Headline metrics">
      <h2>When each shortage clears{b ? <span className="muted"> · change vs the pinned baseline</span> : null}</h2>
      <div className="cards">
        {cards.filter((c) => c.group === "clears").map((c) => <Card key={c.metric} card={c} range={rangeOf(run, f, c.metric)} why={whyOf(c)} />)}
      </div>
      {whyPanel}
      <h2>Prices, rationing, earnings</h2>
      <div className="cards">
        {cards.filter((c) => c.group === "economics").map((c) => <Card key={c.metric} card={c} range={rangeOf(run, f, c.metric)} />)}
      </div>
    </section>
  );
}

/**
 * Headline metric cards of the current scenario, against the pinned baseline when there is one; with `explain`
 * (the workspace), each shortage card opens its "why"; a printed brief has no buttons to press.
 */
export function MetricCards({ explain = true }: { explain?: boolean }) {
  const run = useRun();
  const scenario = useWorkspace((s) => s.scenario);
  const setHighlights = useWorkspace((s) => s.setHighlights);
  const on = useWorkspace((s) => s.montecarlo.on);
  const fan = useDeferredValue(useUncertainty((s) => s.fan));
  const [open, setOpen] = useState<string | null>(null);
  const panel = open ? (
    <Suspense fallback={<WhyLoading input={open} />}>
      <ShortageWhyPanel key={open} input={open} run={run} scenario={scenario} onClose={() => setOpen(null)} onHighlight={setHighlights} />
    </Suspense>
  ) : null;
  const baseline = useBaselineRun();
  if (!explain) return <MetricCardsView run={run} baseline={baseline} fan={on ? fan : null} />;
  return <MetricCardsView run={run} baseline={baseline} fan={on ? fan : null} whyOpen={open} onWhy={setOpen} whyPanel={panel} />;
}
