import { PARAM_BY_ID } from "@/lib/model";
import type { CapacityLever, ShortageWhy } from "@/lib/scenario/explain";
import { fmtCompact, fmtShare } from "../format";
import { INPUT_NAME, joinAnd } from "../charts/common";
import { BINDING_NAME } from "../charts/bindingStripState";
import { TIER_NAME } from "../charts/tokensState";

/** A name inside a sentence: the first letter lowered unless the name starts with an acronym ("DDR DRAM" stays). */
export function inSentence(name: string): string {
  return /^[A-Z][A-Z]/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** The name of a capacity input ("advanced packaging" for packagingCapacityScale); never a raw parameter id. */
export function leverName(paramId: string): string {
  const key = paramId.replace(/CapacityScale$/, "");
  return inSentence(INPUT_NAME[key] ?? PARAM_BY_ID.get(paramId)?.label ?? key);
}

/** "3 months", "1 month". */
function months(k: number): string {
  return `${k} month${k === 1 ? "" : "s"}`;
}

/** The binding sentence: which constraint limits accelerator output in which short months. */
export function bindingSentence(why: ShortageWhy): string {
  if (!why.binding.length) return "No month of this shortage has a binding constraint recorded.";
  const parts = why.binding.map((b) => `${BINDING_NAME[b.binding] ?? b.binding} ${b.from === b.to ? b.from : `${b.from}–${b.to}`}`);
  const top = why.bindingTotals[0];
  const main = `Over its ${months(why.shortMonths)} short, accelerator output is limited by ${parts.join(", then ")}; mostly ${BINDING_NAME[top.binding] ?? top.binding} (${months(top.months)}).`;
  // "demand" means accelerator makers deliver all that is ordered: what is short then is not their output.
  return top.binding === "demand" && why.input !== "gpu" ? `${main} In those months no input limits accelerator output, so the shortage is not one of accelerators being made.` : main;
}

/** The "who is short" sentences, at the worst month. */
export function whoSentences(why: ShortageWhy): string[] {
  const w = why.who;
  const out = [`Worst in ${w.month}: demand is ${w.ratio.toFixed(2)}× supply.`];
  const uses = w.uses.filter((u) => Number.isFinite(u.value));
  if (uses.length) {
    const what = w.useKind === "tokens" ? "Token demand" : w.useKind === "gpu" ? "Accelerators wanted" : "CPU demand";
    out.push(`${what} that month: ${joinAnd(uses.map((u) => `${u.id} ${fmtCompact(u.value)} ${u.unit} (${fmtShare(u.share)})`))}.`);
  }
  const tiers = w.tiers.filter((t) => Number.isFinite(t.demand));
  if (tiers.length) out.push(`Tokens unserved by tier: ${joinAnd(tiers.map((t) => `${TIER_NAME[t.tier] ?? t.tier} ${fmtShare(t.unservedShare, 1)} of ${fmtCompact(t.demand)} tokens / month`))}.`);
  if (why.input === "tokens" && w.tokenCapacity !== null && w.tokenDemand !== null)
    out.push(`Serving capacity is ${fmtCompact(w.tokenCapacity)} of ${fmtCompact(w.tokenDemand)} tokens / month demanded.`);
  return out;
}

/** The summary of the levers: the best one, or that none clears the shortage sooner. */
export function leverSummary(levers: CapacityLever[], why: ShortageWhy): string {
  const best = levers[0];
  if (!best || !(best.status === "none" || (best.monthsEarlier ?? 0) > 0)) return "No capacity input +10 % clears it sooner.";
  return `Soonest: ${leverSentence(best, why)}.`;
}

/** What one capacity lever does, e.g. "packaging +10 % clears it 4 months earlier (2026-07)". */
export function leverSentence(l: CapacityLever, why: ShortageWhy): string {
  const name = `${leverName(l.paramId)} +10 %${l.clamped ? ` (capped at its maximum, ${l.to})` : ""}`;
  if (l.status === "none") return `${name} removes the shortage altogether`;
  if (l.monthsEarlier === null) return `${name} still leaves it short beyond the horizon`;
  if (l.atLeast) return `${name} clears it by ${l.clearsAt}, at least ${months(l.monthsEarlier)} earlier`;
  if (l.monthsEarlier > 0) return `${name} clears it ${months(l.monthsEarlier)} earlier (${l.clearsAt})`;
  if (l.monthsEarlier < 0) return `${name} clears it ${months(-l.monthsEarlier)} later (${l.clearsAt})`;
  return `${name} does not move its clearing (${l.clearsAt ?? why.clearsAt})`;
}
