// For a link, computes in Node (from the model alone, not from the page's explanation code) when each shortage
// clears, the binding label of every month, and, for every capacity input of the catalog, when the shortage
// clears with that input +10 % (capped at its maximum). Prints JSON. Run by why.spec.ts through tsx.
import { PARAMS, simulate } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { decodeScenario } from "@/lib/scenario/url";

const query = process.argv[2] ?? "";
const input = process.argv[3] ?? "tokens";
const scenario = resolveScenario(decodeScenario(query).state);
const run = simulate(scenario);
const clearing = (r: typeof run) => ({ status: r.metrics[`shortageStatus.${input}`], clearsAt: r.metrics[`clearsAt.${input}`] ?? null });
const reruns = PARAMS.filter((p) => p.id.endsWith("CapacityScale")).map((p) => {
  const to = Math.min(p.max, scenario.params[p.id] * 1.1);
  return { paramId: p.id, ...clearing(simulate({ ...scenario, params: { ...scenario.params, [p.id]: to } })) };
});
process.stdout.write(JSON.stringify({ months: run.months, binding: run.labels["gpu.binding"], base: clearing(run), reruns }));
