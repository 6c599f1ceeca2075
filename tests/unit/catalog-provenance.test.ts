import { describe, expect, it } from "vitest";
import { PARAMS } from "../../lib/model";
import { withFitNote } from "../../scripts/fitNote";

/** The reasoning of an assumption ("" for a sourced value). */
const reasoning = (p: (typeof PARAMS)[number]) => (p.provenance.kind === "assumption" ? p.provenance.reasoning : "");
/** Parameters whose default scripts/fit-assumptions.ts fitted to the seed claims. */
const FITTED = PARAMS.filter((p) => reasoning(p).includes("scripts/fit-assumptions.ts"));

describe("the provenance of fitted assumptions matches their values", () => {
  it("there are fitted assumptions to check", () => {
    expect(FITTED.length).toBeGreaterThan(10);
  });
  for (const p of FITTED) {
    it(`${p.id}: its reasoning names the fitted default and says when it sits at the limit of what the fit may use`, () => {
      // The sentence the fit writes, for today's default: a default changed without its text fails here.
      expect(reasoning(p)).toBe(withFitNote({ ...p, provenance: { reasoning: reasoning(p) } }));
      expect(reasoning(p)).toContain(`The default, ${Number(p.default.toPrecision(4))} (`);
    });
  }
  it("a default within 5 % of the band's width of the inner 80 % limit is flagged as pulled by the claims", () => {
    const unflagged = FITTED.filter((p) => {
      const w = p.high - p.low;
      const near = Math.abs(p.default - (p.low + 0.1 * w)) <= 0.05 * w || Math.abs(p.default - (p.high - 0.1 * w)) <= 0.05 * w;
      return near && !reasoning(p).includes("the claims pull it further than the evidence above supports");
    });
    expect(unflagged.map((p) => p.id)).toEqual([]);
  });
});
