"use client";
import { PRESETS } from "@/lib/scenario/presets";
import { useWorkspace } from "@/lib/store/StoreProvider";

/** The named scenarios, each with its thesis and source; choosing one drops the edits made on the previous one. */
export function PresetPicker() {
  const presetId = useWorkspace((s) => s.scenario.presetId);
  const choosePreset = useWorkspace((s) => s.choosePreset);
  return (
    <fieldset className="presets">
      <legend>Scenario</legend>
      {PRESETS.map((p) => (
        <label key={p.id} className={p.id === presetId ? "preset selected" : "preset"} data-preset={p.id} title={`${p.thesis}\nSource: ${p.source}`}>
          <input type="radio" name="preset" value={p.id} checked={p.id === presetId} onChange={() => choosePreset(p.id)} />
          <span className="preset-label">{p.label}</span>
          {/* Every preset shows its thesis and source; the unselected ones are clamped to a line each (full text on hover). */}
          <span className="preset-detail">
            <span className="thesis">{p.thesis}</span>
            <span className="source">Source: {p.source}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
