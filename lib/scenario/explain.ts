/**
 * Why a shortage happens and what clears it soonest, computed from a model run (nothing here is written by hand):
 * the months short, which input binds accelerator output in those months, who is short at the worst month
 * (tokens by tier, demand by use), and the model rerun with each capacity input +10 %.
 */
import { PARAMS, simulate, TIERS, type ParamSpec, type Run, type Scenario } from "../model";
import { SHORTAGE_TOLERANCE } from "../model/metrics";
import { clearingIndex } from "./clearing";

/** Relative step of the capacity reruns: each capacity input is multiplied by 1 + this. */
export const CAPACITY_STEP = 0.1;

/** A stretch of consecutive short months with one binding constraint on accelerator output. */
export interface BindingStretch {
  binding: string;
  from: string;
  to: string;
  /** First and last month index. */
  fromIndex: number;
  toIndex: number;
  months: number;
}

/** Demand of one use (or tier) at the worst month, with its share of the total. */
export interface UseDemand {
  id: string;
  value: number;
  unit: string;
  share: number;
}

/** One token tier at the worst month: demanded, served and the share left unserved. */
export interface TierShortfall {
  tier: string;
  demand: number;
  served: number;
  unservedShare: number;
}

/** Who is short at a shortage's worst month. */
export interface WhoIsShort {
  month: string;
  index: number;
  /** Demand ÷ supply of the shortage that month. */
  ratio: number;
  tiers: TierShortfall[];
  /** Which uses drive demand for this shortage: token uses, accelerator uses or CPU uses. */
  useKind: "tokens" | "gpu" | "cpu";
  uses: UseDemand[];
  /** Token serving capacity and demand that month (tokens / month), when the run has them. */
  tokenCapacity: number | null;
  tokenDemand: number | null;
}

/** The explanation of one shortage in a run. */
export interface ShortageWhy {
  input: string;
  status: "clears" | "beyond";
  firstShort: string;
  clearsAt: string | null;
  /** Runs of consecutive months in shortage, as month indices. */
  shortRuns: { from: number; to: number }[];
  shortMonths: number;
  /** The binding constraint on accelerator output during the short months, stretch by stretch. */
  binding: BindingStretch[];
  /** Months short under each binding constraint, most first. */
  bindingTotals: { binding: string; months: number }[];
  who: WhoIsShort;
}

/** The model rerun with one capacity input raised by CAPACITY_STEP, and what it does to the shortage's clearing. */
export interface CapacityLever {
  paramId: string;
  label: string;
  from: number;
  to: number;
  /** True when +10 % would pass the parameter's maximum, so the rerun used the maximum. */
  clamped: boolean;
  status: "none" | "clears" | "beyond";
  clearsAt: string | null;
  /** Months earlier than in the run explained (negative: later; null: neither run clears within the horizon). */
  monthsEarlier: number | null;
  /** True when the run explained lasts beyond the horizon, so the gain is at least `monthsEarlier`. */
  atLeast: boolean;
}

/** The catalog's capacity inputs: every parameter whose id ends in "CapacityScale" (new ones are picked up). */
export function capacityParams(params: readonly ParamSpec[] = PARAMS): ParamSpec[] {
  return params.filter((p) => p.id.endsWith("CapacityScale"));
}

const isShort = (r: number) => r > 1 + SHORTAGE_TOLERANCE;

/** Runs of consecutive indices where a predicate holds. */
function runsOf(n: number, pred: (i: number) => boolean): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let s = -1;
  for (let i = 0; i <= n; i++) {
    const on = i < n && pred(i);
    if (on && s < 0) s = i;
    if (!on && s >= 0) { out.push({ from: s, to: i - 1 }); s = -1; }
  }
  return out;
}

/** Value of a series in a month, NaN when absent. */
function val(run: Run, id: string, i: number): number {
  const s = run.series[id];
  return s && i >= 0 && i < s.length ? s[i] : NaN;
}

/** The series a shortage's demand splits into by use, and the kind of use. */
function usesFor(input: string): { kind: WhoIsShort["useKind"]; ids: { id: string; series: string }[] } {
  if (input === "tokens") return { kind: "tokens", ids: [{ id: "chat", series: "tokens.demand.chat" }, { id: "agents", series: "tokens.demand.agents" }] };
  if (input === "cpu" || input === "dram" || input === "nand")
    return { kind: "cpu", ids: [{ id: "general-purpose", series: "cpu.vcpu.demand.gp" }, { id: "agents", series: "cpu.vcpu.demand.agents" }, { id: "RL verifiers", series: "cpu.vcpu.demand.rl" }] };
  return { kind: "gpu", ids: [{ id: "training", series: "gpu.desired.training.h100e" }, { id: "inference", series: "gpu.desired.inference.h100e" }] };
}

/** Why a shortage happens in a run, or null when the run has no such shortage. */
export function explainShortage(run: Run, input: string): ShortageWhy | null {
  const ratio = run.series[`shortage.${input}`];
  const status = run.metrics[`shortageStatus.${input}`];
  const first = run.metrics[`firstShortAt.${input}`];
  if (!ratio || (status !== "clears" && status !== "beyond") || typeof first !== "string") return null;
  const n = run.months.length;
  const shortRuns = runsOf(n, (i) => isShort(ratio[i]));
  const labels = run.labels["gpu.binding"] ?? [];
  const binding: BindingStretch[] = [];
  for (const r of shortRuns) {
    let s = r.from;
    for (let i = r.from + 1; i <= r.to + 1; i++) {
      if (i > r.to || labels[i] !== labels[s]) {
        binding.push({ binding: labels[s] ?? "unknown", from: run.months[s], to: run.months[i - 1], fromIndex: s, toIndex: i - 1, months: i - s });
        s = i;
      }
    }
  }
  const totals = new Map<string, number>();
  for (const b of binding) totals.set(b.binding, (totals.get(b.binding) ?? 0) + b.months);
  let worst = shortRuns.length ? shortRuns[0].from : Math.max(0, run.months.indexOf(first));
  for (const r of shortRuns) for (let i = r.from; i <= r.to; i++) if (ratio[i] > ratio[worst]) worst = i;
  const tiers = TIERS.filter((t) => run.series[`tokens.demand.${t}`]).map((t) => {
    const demand = val(run, `tokens.demand.${t}`, worst), served = val(run, `tokens.served.${t}`, worst);
    return { tier: t, demand, served, unservedShare: demand > 0 ? Math.max(0, 1 - served / demand) : 0 };
  });
  const u = usesFor(input);
  const present = u.ids.filter((x) => run.series[x.series]);
  const total = present.reduce((a, x) => a + Math.max(0, val(run, x.series, worst)), 0);
  const uses = present.map((x) => {
    const v = val(run, x.series, worst);
    return { id: x.id, value: v, unit: run.meta[x.series]?.unit ?? "", share: total > 0 ? Math.max(0, v) / total : 0 };
  });
  const cap = val(run, "tokens.capacity", worst), dem = val(run, "tokens.demand", worst);
  const clears = run.metrics[`clearsAt.${input}`];
  return {
    input,
    status,
    firstShort: first,
    clearsAt: typeof clears === "string" ? clears : null,
    shortRuns,
    shortMonths: shortRuns.reduce((a, r) => a + r.to - r.from + 1, 0),
    binding,
    bindingTotals: [...totals].map(([b, m]) => ({ binding: b, months: m })).sort((a, b) => b.months - a.months),
    who: { month: run.months[worst], index: worst, ratio: ratio[worst], tiers, useKind: u.kind, uses, tokenCapacity: Number.isFinite(cap) ? cap : null, tokenDemand: Number.isFinite(dem) ? dem : null },
  };
}

/** The scenario with one parameter raised by CAPACITY_STEP (clamped to its maximum). */
export function raisedScenario(scenario: Scenario, spec: ParamSpec): { scenario: Scenario; from: number; to: number; clamped: boolean } {
  const from = scenario.params[spec.id] ?? spec.default;
  const wanted = from * (1 + CAPACITY_STEP);
  const to = Math.min(spec.max, wanted);
  return { scenario: { ...scenario, params: { ...scenario.params, [spec.id]: to } }, from, to, clamped: to < wanted - 1e-12 };
}

/**
 * Reruns the model with each capacity input +10 % and reports when the shortage clears in each, best first
 * (earliest clearing; ties keep catalog order). `run` is the run of `scenario`.
 */
export function clearingLevers(scenario: Scenario, run: Run, input: string, sim: (s: Scenario) => Run = simulate): CapacityLever[] {
  const base = clearingIndex(run, input);
  const n = run.months.length;
  const levers = capacityParams().map((spec) => {
    const raised = raisedScenario(scenario, spec);
    const r = sim(raised.scenario);
    const idx = clearingIndex(r, input);
    const status = (r.metrics[`shortageStatus.${input}`] as CapacityLever["status"]) ?? "beyond";
    const clears = r.metrics[`clearsAt.${input}`];
    // A shortage gone entirely counts as clearing at its first month short in the run explained.
    const first = run.metrics[`firstShortAt.${input}`];
    const newIdx = idx < 0 ? Math.max(0, typeof first === "string" ? run.months.indexOf(first) : 0) : idx;
    const monthsEarlier = base >= n && newIdx >= n ? null : base - newIdx;
    return { paramId: spec.id, label: spec.label, from: raised.from, to: raised.to, clamped: raised.clamped, status, clearsAt: typeof clears === "string" ? clears : null, monthsEarlier, atLeast: base >= n && newIdx < n, rank: newIdx };
  });
  return levers
    .map((l, k) => ({ l, k }))
    .sort((a, b) => a.l.rank - b.l.rank || a.k - b.k)
    .map(({ l }) => {
      const { rank: _rank, ...rest } = l;
      return rest;
    });
}
