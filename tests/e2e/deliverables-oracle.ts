// Computes, in Node, the model's series behind one chart for a scenario given as JSON on argv; prints JSON.
// Run by deliverables.spec.ts through tsx, so downloads are checked against the model rerun in the test.
import { simulate } from "@/lib/model";
import { resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { CHARTS } from "@/components/charts/registry";

const [state, chartId] = JSON.parse(process.argv[2] ?? "[]") as [ScenarioState, string];
const run = simulate(resolveScenario(state));
const chart = CHARTS.find((c) => c.id === chartId)!.state(run, { presetId: state.presetId, calibration: () => [], baseline: null });
const series = (chart.csvSeries ?? []).filter((id) => run.series[id]).map((id) => ({ id, label: run.meta[id].label, unit: run.meta[id].unit, values: Array.from(run.series[id]) }));
process.stdout.write(JSON.stringify({ months: run.months, title: chart.title, description: chart.description, series }));
