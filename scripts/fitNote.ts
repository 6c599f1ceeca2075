/**
 * The sentence scripts/fit-assumptions.ts adds to a fitted parameter's reasoning: it names the fitted value, the
 * part of the band the fit may use (the inner 80 %) and, when the value sits within 5 % of the band's width of that
 * limit, says so, since then
 * the seed claims pull the assumption further than its evidence. Replaces any earlier such sentence.
 */
export interface FittedParam {
  default: number;
  low: number;
  high: number;
  unit: string;
  provenance: { reasoning?: string };
}

/** Older forms of the sentence, removed before the new one is added. */
const OLD_NOTES = [
  /\s*Default chosen inside the inner 80% of the low–high range by scripts\/fit-assumptions\.ts against the seed claims\./,
  /\s*Default chosen within the low–high range by scripts\/fit-assumptions\.ts against the seed claims\./,
  /\s*The default, .*? was fitted to the seed claims by scripts\/fit-assumptions\.ts[\s\S]*$/,
];

const fmt = (v: number) => String(Number(v.toPrecision(4)));

/** The reasoning with the fit sentence for this parameter's current default. */
export function withFitNote(p: FittedParam): string {
  let text = p.provenance.reasoning ?? "";
  for (const re of OLD_NOTES) text = text.replace(re, "");
  text = text.trimEnd();
  if (!/[.!?]$/.test(text)) text += ".";
  const w = p.high - p.low, lo = p.low + 0.1 * w, hi = p.high - 0.1 * w;
  const atLimit = Math.abs(p.default - lo) <= 0.05 * w ? "lower" : Math.abs(p.default - hi) <= 0.05 * w ? "upper" : null;
  const limit = atLimit
    ? ` It sits at or near the ${atLimit} limit of that range: the claims pull it further than the evidence above supports.`
    : "";
  return `${text} The default, ${fmt(p.default)} (${p.unit}), was fitted to the seed claims by scripts/fit-assumptions.ts within the inner 80 % of the low–high band (${fmt(lo)}–${fmt(hi)}).${limit}`;
}
