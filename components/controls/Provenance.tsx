import type { ChoiceSpec, ParamSpec } from "@/lib/model";
import { useProvenanceModule } from "./provenanceLoader";

const CONFIDENCE: Record<string, string> = { H: "high", M: "medium", L: "low", "H/M": "high to medium", "M–L": "medium to low" };

/**
 * Where a parameter's default comes from: source, date and confidence, or the reasoning of an assumption. The
 * source's and reasoning's words load on demand (provenanceLoader.ts); until they are in, one line says so.
 */
export function Provenance({ spec }: { spec: Pick<ParamSpec, "id" | "description" | "provenance"> | Pick<ChoiceSpec, "id" | "provenance"> }) {
  const words = useProvenanceModule();
  const p = words ? words.provenanceOf(spec) : null;
  return (
    <div className="provenance" role="note">
      {"description" in spec && spec.description ? <p>{spec.description}</p> : null}
      {!p ? (
        <p className="muted" role="status">
          Loading the {spec.provenance.kind === "source" ? "source" : "reasoning"}…
        </p>
      ) : p.kind === "source" ? (
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
