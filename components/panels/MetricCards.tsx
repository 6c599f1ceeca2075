"use client";
import type { Run } from "@/lib/model";
import { useRun } from "@/lib/store/StoreProvider";
import { INPUT_NAME } from "../charts/common";
import { bindingSequenceText, clearsAtText, firstShortText, peakMonth, peakPriceText, peakThrottleText, revenueH100Text, shortAgainText } from "./metricText";

const CLEARS = ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

/** One headline number; the value element carries `data-metric` with the model's metric id. */
function Card({ metric, label, value, note, wide }: { metric: string; label: string; value: string; note?: string | null; wide?: boolean }) {
  return (
    <div className={wide ? "card wide" : "card"}>
      <span className="card-label">{label}</span>
      <b className="card-value" data-metric={metric}>{value}</b>
      {note ? <span className="card-note">{note}</span> : null}
    </div>
  );
}

/** The headline metric cards of a run (a pure view, used by the connected component and by tests). */
export function MetricCardsView({ run }: { run: Run }) {
  return (
    <section className="metrics" aria-label="Headline metrics">
      <h2>When each shortage clears</h2>
      <div className="cards">
        {CLEARS.map((r) => {
          const first = firstShortText(run, r);
          const again = shortAgainText(run, r);
          const note = first ? `short from ${first}${again ? `; short again from ${again}` : ""}` : "supply covers demand";
          return <Card key={r} metric={`clearsAt.${r}`} label={INPUT_NAME[r]} value={clearsAtText(run, r)} note={note} />;
        })}
      </div>
      <h2>Prices, rationing, earnings</h2>
      <div className="cards">
        <Card metric="peakPrice.dram" label="DRAM peak price" value={peakPriceText(run, "dram")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.dram") ?? "—"}`} />
        <Card metric="peakPrice.nand" label="NAND peak price" value={peakPriceText(run, "nand")} note={`× 2024-01, in ${peakMonth(run, "peakPrice.nand") ?? "—"}`} />
        <Card metric="peakThrottleShare" label="Peak share of tokens unserved" value={peakThrottleText(run)} note={`in ${peakMonth(run, "peakThrottleShare") ?? "—"}`} />
        <Card metric="revenuePerGpuHour.h100.2027" label="Revenue per H100-hour, 2027" value={revenueH100Text(run)} note="mean over 2027" />
        <Card metric="bindingSequence" label="What binds accelerator output, in turn" value={bindingSequenceText(run)} wide />
      </div>
    </section>
  );
}

/** Headline metric cards of the current scenario. */
export function MetricCards() {
  return <MetricCardsView run={useRun()} />;
}
