import { minIndex } from "d3-array";
import { yearActiveMean, type Run } from "@/lib/model";
import { INPUT_NAME } from "../charts/common";
import { asPeak, fmtCompact, fmtShare, fmtUsd } from "../format";
import { bindingSequenceText, clearsAtText, firstShortText, peakMonth, peakPriceText, peakThrottleText, revenueH100Text, shortAgainText } from "./metricText";
import { bindingSequenceDelta, clearsAtDelta, peakPriceDelta, peakThrottleDelta, revenueH100Delta, type MetricDelta } from "./metricDelta";

/** The inputs whose clearing month has a card, in card order. */
export const CLEARS = ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

/** When the peak share unserved is reached: none unserved, the model's first month, or the month. */
function throttleNote(run: Run): string {
  const p = asPeak(run.metrics["peakThrottleShare"]);
  if (!p) return "—";
  if (!(p.value > 0)) return "every token served";
  return p.month === run.months[0] ? `in the model's first month (${p.month})` : `in ${p.month}`;
}

/**
 * The CPU card's note when CPU servers are made as ordered: agent work the installed AI CPU fleet could not host at
 * worst, and whether servers were then waiting for power (the CPU shortage counts production, not hosting).
 */
function cpuHostingNote(run: Run): string | null {
  const share = run.series["agents.cpuServedShare"], waiting = run.series["cpu.servers.inventory"];
  if (!share) return null;
  const k = minIndex(share);
  if (k < 0 || !(share[k] < 0.99)) return null;
  const why = waiting && waiting[k] > 0 ? `, ${fmtCompact(waiting[k])} servers waiting for power` : "";
  return `made as ordered; agents hosted ${fmtShare(share[k])} at worst (${run.months[k]})${why}`;
}

/**
 * The revenue card's note: the H100's rent over the same months (2027, months in service), so what a GPU-hour earns
 * from tokens reads against what the hour costs (docs/model.md §15).
 */
export function revenueH100Note(run: Run): string {
  const rent = run.series["rent.h100"];
  const mean = rent ? yearActiveMean(rent, run.months, 2027) : 0;
  return mean > 0 && Number.isFinite(mean) ? `mean over 2027; rent ${fmtUsd(mean)} / GPU-hour` : "mean over 2027";
}

/** One headline card: the model's metric id, label, value text, note, and the change against a baseline. */
export interface HeadlineCard {
  metric: string;
  label: string;
  value: string;
  note?: string | null;
  wide?: boolean;
  delta?: MetricDelta;
  /** "clears" for the shortage cards, "economics" for prices, rationing and earnings. */
  group: "clears" | "economics";
}

/** Every headline card of a run, with the change against a pinned baseline's run when there is one (pure). */
export function headlineCards(run: Run, baseline?: Run | null): HeadlineCard[] {
  const b = baseline ?? null;
  const clears = CLEARS.map((r): HeadlineCard => {
    const first = firstShortText(run, r);
    const again = shortAgainText(run, r);
    const atStart = first !== null && first === run.months[0];
    const note = first ? `short ${atStart ? `from the model's first month (${first})` : `from ${first}`}${again ? `; short again from ${again}` : ""}` : ((r === "cpu" ? cpuHostingNote(run) : null) ?? "supply covers demand");
    return { group: "clears", metric: `clearsAt.${r}`, label: INPUT_NAME[r], value: clearsAtText(run, r), note, delta: b ? clearsAtDelta(run, b, r) : undefined };
  });
  const economics: HeadlineCard[] = [
    { group: "economics", metric: "peakPrice.dram", label: "DRAM peak price", value: peakPriceText(run, "dram"), note: `× 2024-01, in ${peakMonth(run, "peakPrice.dram") ?? "—"}`, delta: b ? peakPriceDelta(run, b, "dram") : undefined },
    { group: "economics", metric: "peakPrice.nand", label: "NAND peak price", value: peakPriceText(run, "nand"), note: `× 2024-01, in ${peakMonth(run, "peakPrice.nand") ?? "—"}`, delta: b ? peakPriceDelta(run, b, "nand") : undefined },
    { group: "economics", metric: "peakThrottleShare", label: "Peak share of tokens unserved", value: peakThrottleText(run), note: throttleNote(run), delta: b ? peakThrottleDelta(run, b) : undefined },
    { group: "economics", metric: "revenuePerGpuHour.h100.2027", label: "Revenue per H100-hour, 2027", value: revenueH100Text(run), note: revenueH100Note(run), delta: b ? revenueH100Delta(run, b) : undefined },
    { group: "economics", metric: "bindingSequence", label: "What binds accelerator output, in turn", value: bindingSequenceText(run), wide: true, delta: b ? bindingSequenceDelta(run, b) : undefined },
  ];
  return [...clears, ...economics];
}
