import type { Provenance } from "../model";

const CONFIDENCE: Record<string, string> = { H: "high", M: "medium", L: "low", "H/M": "high to medium", "M–L": "medium to low" };

/** A provenance in one line: source, date and confidence, or the assumption's reasoning. */
export function provenanceText(p?: Provenance): string {
  if (!p) return "formula written in the link";
  return p.kind === "source" ? `${p.source} (${p.date}; confidence ${CONFIDENCE[p.confidence] ?? p.confidence})` : `Assumption: ${p.reasoning}`;
}
