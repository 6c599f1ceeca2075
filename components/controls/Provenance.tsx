import type { ChoiceSpec, ParamSpec } from "@/lib/model";

const CONFIDENCE: Record<string, string> = { H: "high", M: "medium", L: "low", "H/M": "high to medium", "M–L": "medium to low" };

/** Where a parameter's default comes from: source, date and confidence, or the reasoning of an assumption. */
export function Provenance({ spec }: { spec: Pick<ParamSpec, "description" | "provenance"> | Pick<ChoiceSpec, "provenance"> }) {
  const p = spec.provenance;
  return (
    <div className="provenance" role="note">
      {"description" in spec && spec.description ? <p>{spec.description}</p> : null}
      {p.kind === "source" ? (
        <p>
          <b>Source:</b> {p.source} · <b>date</b> {p.date} · <b>confidence</b> {CONFIDENCE[p.confidence] ?? p.confidence}
        </p>
      ) : (
        <p>
          <b>Assumption:</b> {p.reasoning}
        </p>
      )}
    </div>
  );
}
