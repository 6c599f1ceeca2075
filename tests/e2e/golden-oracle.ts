// Formats the metrics recorded in tests/golden-urls.json as the workspace's metric cards show them; prints JSON.
// Run by share.spec.ts through tsx. The cards' texts come from the recorded values, not from a new model run
// (the run is used only for the horizon's last year, which "beyond <year>" names).
import golden from "../golden-urls.json";
import { simulate } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { decodeScenario } from "@/lib/scenario/url";
import { MISSING, fmtMultiple, fmtShare, fmtUsd } from "@/components/format";
import { CLEARS } from "@/components/panels/headlineCards";

type Flat = Record<string, number | string | null>;

const out = (golden.links as { name: string; url: string; metrics: Flat }[]).map((link) => {
  const m = link.metrics;
  const run = simulate(resolveScenario(decodeScenario(link.url).state));
  const year = run.months[run.months.length - 1].slice(0, 4);
  const cards: Record<string, string> = {};
  for (const r of CLEARS) {
    const status = m[`shortageStatus.${r}`];
    cards[`clearsAt.${r}`] = status === "none" ? "no shortage" : status === "beyond" ? `beyond ${year}` : typeof m[`clearsAt.${r}`] === "string" ? (m[`clearsAt.${r}`] as string) : MISSING;
  }
  const num = (k: string) => (typeof m[k] === "number" ? (m[k] as number) : NaN);
  cards["peakPrice.dram"] = fmtMultiple(num("peakPrice.dram.value"));
  cards["peakPrice.nand"] = fmtMultiple(num("peakPrice.nand.value"));
  cards["peakThrottleShare"] = fmtShare(num("peakThrottleShare.value"), 1);
  cards["revenuePerGpuHour.h100.2027"] = Number.isFinite(num("revenuePerGpuHour.h100.2027")) ? `${fmtUsd(num("revenuePerGpuHour.h100.2027"))} / GPU-hour` : MISSING;
  cards["bindingSequence"] = typeof m.bindingSequence === "string" && m.bindingSequence ? m.bindingSequence : MISSING;
  return { name: link.name, url: link.url, cards };
});
process.stdout.write(JSON.stringify(out));
