/**
 * Prints the table of docs/model.md §15: every figure of data/history.json the model has a series and period for,
 * with the default run's value, the public band (accepted band in brackets) and whether it is met. Paste it over
 * the table after a change that moves the model's numbers (the rows are those of `chokepoint history`).
 *   npx tsx scripts/history-table.ts
 */
import { simulate } from "../lib/model";
import { resolveScenario } from "../lib/scenario/presets";
import { compareHistory, type Band } from "../lib/scenario/history";

/** A figure as the table writes it: 3 significant digits, thousands separated below a million, powers of ten above. */
function fmt(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) {
    const [m, e] = x.toExponential(2).split("e");
    return `${Number(m)}e${Number(e)}`;
  }
  if (a >= 1000) return Math.round(x).toLocaleString("en-US");
  return String(Number(x.toPrecision(3)));
}

/** A band as "low–high", one value when both ends agree, or "≥ low" / "≤ high" when one end is open. */
function band(b: Band): string {
  if (b.low !== null && b.high !== null) return fmt(b.low) === fmt(b.high) ? fmt(b.low) : `${fmt(b.low)}–${fmt(b.high)}`;
  return b.low !== null ? `≥ ${fmt(b.low)}` : `≤ ${fmt(b.high as number)}`;
}

const rows = compareHistory(simulate(resolveScenario({ presetId: "baseline", overrides: {} })));
const compared = rows.filter((r) => r.model !== null);
console.log("| figure | period | model | public (accepted) | |");
console.log("|---|---|---|---|---|");
for (const r of compared) console.log(`| ${r.quantity} (${r.unit}) | ${r.period} | ${fmt(r.model as number)} | ${band(r.expected)} (${band(r.accepted)}) | ${r.within ? "ok" : "missed"} |`);
const met = compared.filter((r) => r.within).length;
console.log(`\n${met} met, ${compared.length - met} missed, ${rows.length - compared.length} not comparable (series or period outside the model) of ${rows.length}.`);
