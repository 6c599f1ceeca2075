/**
 * Prints the table of docs/model.md §15: every figure of data/history.json the model has a series and period for,
 * with the default run's value, the public band (accepted band in brackets) and whether it is met. Paste it over
 * the table after a change that moves the model's numbers (the rows are those of `chokepoint history`).
 *   npx tsx scripts/history-table.ts
 */
import { simulate } from "../lib/model";
import { resolveScenario } from "../lib/scenario/presets";
import { compareHistory } from "../lib/scenario/history";
import { fmtBand as band, fmtFigure as fmt, historySummary } from "../lib/scenario/historyFormat";

const rows = compareHistory(simulate(resolveScenario({ presetId: "baseline", overrides: {} })));
const compared = rows.filter((r) => r.model !== null);
console.log("| figure | period | model | public (accepted) | |");
console.log("|---|---|---|---|---|");
for (const r of compared) console.log(`| ${r.quantity} (${r.unit}) | ${r.period} | ${fmt(r.model as number)} | ${band(r.expected)} (${band(r.accepted)}) | ${r.within ? "ok" : "missed"} |`);
console.log(`\n${historySummary(rows)}`);
