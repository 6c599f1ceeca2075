"use client";
import { CHOICES, type ThrottlePolicy } from "@/lib/model";
import { PRESET_BY_ID } from "@/lib/scenario/presets";
import { useWorkspace } from "@/lib/store/StoreProvider";

const SPEC = CHOICES.find((c) => c.id === "throttlePolicy")!;

/** How capacity is rationed among token customers when it is short. */
export function PolicyChoice() {
  const presetId = useWorkspace((s) => s.scenario.presetId);
  const policy = useWorkspace((s) => s.scenario.policy) ?? PRESET_BY_ID.get(presetId)?.policy ?? (SPEC.default as ThrottlePolicy);
  const setPolicy = useWorkspace((s) => s.setPolicy);
  return (
    <fieldset className="policy">
      <legend>{SPEC.label}</legend>
      {SPEC.options.map((o) => {
        const [name, ...rest] = o.label.split(" — ");
        return (
          <label key={o.id} data-policy={o.id}>
            <input type="radio" name="policy" value={o.id} checked={o.id === policy} onChange={() => setPolicy(o.id as ThrottlePolicy)} />
            <span>
              <b>{name}</b> {rest.length ? <span className="muted">— {rest.join(" — ")}</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
