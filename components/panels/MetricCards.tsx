"use client";
import { useDeferredValue } from "react";
import type { Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { useBaselineRun, useRun, useUncertainty, useWorkspace } from "@/lib/store/StoreProvider";
import { clearsAtRangeText, metricRangeText } from "./metricRange";
import { INPUT_NAME } from "../charts/common";
import { bindingSequenceText, clearsAtText, firstShortText, peakMonth, peakPriceText, peakThrottleText, revenueH100Text, shortAgainText } from "./metricText";
import { bindingSequenceDelta, clearsAtDelta, peakPriceDelta, peakThrottleDelta, revenueH100Delta, type MetricDelta } from "./metricDelta";

const CLEARS = ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

/** One headline number; the value element carries `data-metric` with the model's metric id, the change vs a baseline `data-delta`. */
function Card({ metric, label, value, note, wide, delta, range }: { metric: string; label: string; value: string; note?: string | null; wide?: boolean; delta?: MetricDelta; range?: string | null }) {
  return (
    <div className={wide ? "card wide" : "card"}>
      <span className="card-label">{label}</span>
      <b className="card-value" data-metric={metric}>{value}</b>
      {range ? <span className="card-range" data-range={metric} title="10th to 90th percentile over the Monte Carlo runs">{range}</span> : null}
      {delta ? <span className={`card-delta ${delta.direction}`} data-delta={metric}>{delta.text}</span> : null}
      {note ? <span className="card-note">{note}</span> : null}
    </div>
  );
}

/** The headline metric cards of a run, with the change against a pinned baseline's run when there is one (a pure view). */
export function MetricCardsView({ run, baseline, fan }: { run: Run; baseline?: Run | null; fan?: FanResult | null }) {
  const b = baseline ?? null;
  const f = fan ?? null;
  return (
    <section className="metrics" aria-label="Headline metrics">
      <h2>When each shortage clears{b ? <span className="muted"> · change vs the pinned baseline</span> : null}</h2>
      <div className="cards">
        {CLEARS.map((r) => {
          const first = firstShortText(run, r);
          const again = shortAgainText(run, r);
          const note = first ? `short from ${first}${again ? `; short again from ${again}` : ""}` : "supply covers demand";
          return <Card key={r} metric={`clearsAt.${r}`} label={INPUT_NAME[r]} value={clearsAtText(run, r)} note={note} delta={b ? clearsAtDelta(run, b, r) : undefined} range={clearsAtRangeText(run, f, r)} />;
        })}
      </div>
      <h2>Prices, rationing, earnings</h2>
      <div className="cards">
        <Card metric="peakPrice.dram" label="DRAM peak price" value={peakPriceText(run, "dram")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.dram") ?? "—"}`} delta={b ? peakPriceDelta(run, b, "dram") : undefined} range={metricRangeText(f, "peakPrice.dram")} />
        <Card metric="peakPrice.nand" label="NAND peak price" value={peakPriceText(run, "nand")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.nand") ?? "—"}`} delta={b ? peakPriceDelta(run, b, "nand") : undefined} range={metricRangeText(f, "peakPrice.nand")} />
        <Card metric="peakThrottleShare" label="Peak share of tokens unserved" value={peakThrottleText(run)} note={`in ${peakMonth(run, "peakThrottleShare") ?? "—"}`} delta={b ? peakThrottleDelta(run, b) : undefined} range={metricRangeText(f, "peakThrottleShare")} />
        <Card metric="revenuePerGpuHour.h100.2027" label="Revenue per H100-hour, 2027" value={revenueH100Text(run)} note="mean over 2027" delta={b ? revenueH100Delta(run, b) : undefined} range={metricRangeText(f, "revenuePerGpuHour.h100.2027")} />
        <Card metric="bindingSequence" label="What binds accelerator output, in turn" value={bindingSequenceText(run)} wide delta={b ? bindingSequenceDelta(run, b) : undefined} />
      </div>
    </section>
  );
}

/** Headline metric cards of the current scenario, against the pinned baseline when there is one. */
export function MetricCards() {
  const on = useWorkspace((s) => s.montecarlo.on);
  const fan = useDeferredValue(useUncertainty((s) => s.fan));
  return <MetricCardsView run={useRun()} baseline={useBaselineRun()} fan={on ? fan : null} />;
}
