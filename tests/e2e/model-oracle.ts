// Computes, in Node, what the workspace should show for scenarios given as JSON on argv; prints JSON.
// Run by the end-to-end specs through tsx (Playwright's own loader cannot import the JSON data modules).
import { loadFormulaEngine, simulate } from "@/lib/model";
import { PRESETS, resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { bindingSequenceText, clearsAtText, peakPriceText, peakThrottleText, revenueH100Text } from "@/components/panels/metricText";
import { supplyDemandState } from "@/components/charts/supplyDemandState";
import { PRICED } from "@/components/charts/pricesState";
import { CLEARS } from "@/components/panels/headlineCards";

const scenarios = JSON.parse(process.argv[2] ?? "[]") as ScenarioState[];
// The formula engine (mathjs) only when a scenario has formulas: loading it costs seconds of start-up.
if (scenarios.some((s) => s.formulas && Object.keys(s.formulas).length)) await loadFormulaEngine();
const out = scenarios.map((state) => {
  const run = simulate(resolveScenario(state));
  const cards: Record<string, string> = {};
  for (const r of CLEARS) cards[`clearsAt.${r}`] = clearsAtText(run, r);
  cards["peakPrice.dram"] = peakPriceText(run, "dram");
  cards["peakPrice.nand"] = peakPriceText(run, "nand");
  cards["peakThrottleShare"] = peakThrottleText(run);
  cards["revenuePerGpuHour.h100.2027"] = revenueH100Text(run);
  cards["bindingSequence"] = bindingSequenceText(run);
  return {
    months: run.months,
    cards,
    supplyDemandDescription: supplyDemandState(run).description,
    prices: PRICED.map((r) => Array.from(run.series[`price.${r}`])),
  };
});
process.stdout.write(JSON.stringify({ presets: PRESETS.map((p) => ({ id: p.id, thesis: p.thesis })), runs: out }));
