"use client";
import { useState, type ReactNode } from "react";
import type { Run } from "@/lib/model";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { ShortageWhyPanel } from "./ShortageWhyPanel";
import { INPUT_NAME } from "../charts/common";
import { asPeak } from "../format";
import { bindingSequenceText, clearsAtText, firstShortText, peakMonth, peakPriceText, peakThrottleText, revenueH100Text, shortAgainText } from "./metricText";
import { bindingSequenceDelta, clearsAtDelta, peakPriceDelta, peakThrottleDelta, revenueH100Delta, type MetricDelta } from "./metricDelta";

const CLEARS = ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

/** One headline number; the value element carries `data-metric` with the model's metric id, the change vs a baseline `data-delta`. */
function Card({ metric, label, value, note, wide, delta, why }: { metric: string; label: string; value: string; note?: string | null; wide?: boolean; delta?: MetricDelta; why?: { open: boolean; toggle: () => void } }) {
  return (
    <div className={wide ? "card wide" : "card"}>
      <span className="card-label">{label}</span>
      <b className="card-value" data-metric={metric}>{value}</b>
      {delta ? <span className={`card-delta ${delta.direction}`} data-delta={metric}>{delta.text}</span> : null}
      {note ? <span className="card-note">{note}</span> : null}
      {why ? (
        <button type="button" className="why-toggle" aria-expanded={why.open} data-why-toggle={metric.replace("clearsAt.", "")} onClick={why.toggle}>
          {why.open ? "Hide why" : "Why?"}
        </button>
      ) : null}
    </div>
  );
}

/** When the peak share unserved is reached: none unserved, the model's first month, or the month. */
function throttleNote(run: Run): string {
  const p = asPeak(run.metrics["peakThrottleShare"]);
  if (!p) return "—";
  if (!(p.value > 0)) return "every token served";
  return p.month === run.months[0] ? `in the model's first month (${p.month})` : `in ${p.month}`;
}

/** The headline metric cards of a run, with the change against a pinned baseline's run when there is one (a pure view). */
export function MetricCardsView({ run, baseline, whyOpen, onWhy, whyPanel }: { run: Run; baseline?: Run | null; whyOpen?: string | null; onWhy?: (input: string | null) => void; whyPanel?: ReactNode }) {
  const b = baseline ?? null;
  return (
    <section className="metrics" aria-label="Headline metrics">
      <h2>When each shortage clears{b ? <span className="muted"> · change vs the pinned baseline</span> : null}</h2>
      <div className="cards">
        {CLEARS.map((r) => {
          const first = firstShortText(run, r);
          const again = shortAgainText(run, r);
          const atStart = first !== null && first === run.months[0];
          const note = first ? `short ${atStart ? `from the model's first month (${first})` : `from ${first}`}${again ? `; short again from ${again}` : ""}` : "supply covers demand";
          const why = onWhy && first ? { open: whyOpen === r, toggle: () => onWhy(whyOpen === r ? null : r) } : undefined;
          return <Card key={r} metric={`clearsAt.${r}`} label={INPUT_NAME[r]} value={clearsAtText(run, r)} note={note} delta={b ? clearsAtDelta(run, b, r) : undefined} why={why} />;
        })}
      </div>
      {whyPanel}
      <h2>Prices, rationing, earnings</h2>
      <div className="cards">
        <Card metric="peakPrice.dram" label="DRAM peak price" value={peakPriceText(run, "dram")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.dram") ?? "—"}`} delta={b ? peakPriceDelta(run, b, "dram") : undefined} />
        <Card metric="peakPrice.nand" label="NAND peak price" value={peakPriceText(run, "nand")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.nand") ?? "—"}`} delta={b ? peakPriceDelta(run, b, "nand") : undefined} />
        <Card metric="peakThrottleShare" label="Peak share of tokens unserved" value={peakThrottleText(run)} note={throttleNote(run)} delta={b ? peakThrottleDelta(run, b) : undefined} />
        <Card metric="revenuePerGpuHour.h100.2027" label="Revenue per H100-hour, 2027" value={revenueH100Text(run)} note="mean over 2027" delta={b ? revenueH100Delta(run, b) : undefined} />
        <Card metric="bindingSequence" label="What binds accelerator output, in turn" value={bindingSequenceText(run)} wide delta={b ? bindingSequenceDelta(run, b) : undefined} />
      </div>
    </section>
  );
}

/** Headline metric cards of the current scenario, against the pinned baseline when there is one; each shortage card opens its "why". */
export function MetricCards() {
  const run = useRun();
  const scenario = useWorkspace((s) => s.scenario);
  const setHighlights = useWorkspace((s) => s.setHighlights);
  const [open, setOpen] = useState<string | null>(null);
  const panel = open ? <ShortageWhyPanel key={open} input={open} run={run} scenario={scenario} onClose={() => setOpen(null)} onHighlight={setHighlights} /> : null;
  return <MetricCardsView run={run} baseline={useBaselineRun()} whyOpen={open} onWhy={setOpen} whyPanel={panel} />;
}
