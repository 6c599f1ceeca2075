import type { Run } from "@/lib/model";
import { INPUT_NAME } from "../charts/common";
import { bindingSequenceText, clearsAtText, firstShortText, peakMonth, peakPriceText, peakThrottleText, revenueH100Text, shortAgainText } from "./metricText";
import { bindingSequenceDelta, clearsAtDelta, peakPriceDelta, peakThrottleDelta, revenueH100Delta, type MetricDelta } from "./metricDelta";

/** The inputs whose clearing month has a card, in card order. */
export const CLEARS = ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

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
    const note = first ? `short from ${first}${again ? `; short again from ${again}` : ""}` : "supply covers demand";
    return { group: "clears", metric: `clearsAt.${r}`, label: INPUT_NAME[r], value: clearsAtText(run, r), note, delta: b ? clearsAtDelta(run, b, r) : undefined };
  });
  const economics: HeadlineCard[] = [
    { group: "economics", metric: "peakPrice.dram", label: "DRAM peak price", value: peakPriceText(run, "dram"), note: `× 2024-01, in ${peakMonth(run, "peakPrice.dram") ?? "—"}`, delta: b ? peakPriceDelta(run, b, "dram") : undefined },
    { group: "economics", metric: "peakPrice.nand", label: "NAND peak price", value: peakPriceText(run, "nand"), note: `× 2024-01, in ${peakMonth(run, "peakPrice.nand") ?? "—"}`, delta: b ? peakPriceDelta(run, b, "nand") : undefined },
    { group: "economics", metric: "peakThrottleShare", label: "Peak share of tokens unserved", value: peakThrottleText(run), note: `in ${peakMonth(run, "peakThrottleShare") ?? "—"}`, delta: b ? peakThrottleDelta(run, b) : undefined },
    { group: "economics", metric: "revenuePerGpuHour.h100.2027", label: "Revenue per H100-hour, 2027", value: revenueH100Text(run), note: "mean over 2027", delta: b ? revenueH100Delta(run, b) : undefined },
    { group: "economics", metric: "bindingSequence", label: "What binds accelerator output, in turn", value: bindingSequenceText(run), wide: true, delta: b ? bindingSequenceDelta(run, b) : undefined },
  ];
  return [...clears, ...economics];
}
