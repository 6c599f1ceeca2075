"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { ParamSpec } from "@/lib/model";
import { useWorkspace } from "@/lib/store/StoreProvider";
import { Provenance } from "./Provenance";
import { decimalsOf, fmtParam } from "./paramFormat";

/**
 * One catalog parameter: a native range slider (WAI-ARIA slider semantics: arrows, Page Up/Down, Home/End,
 * value text with the unit), a paired numeric input, a mark at the preset's value, a reset and its provenance.
 * Pointer drags are coalesced to one model run per animation frame; keyboard steps apply at once.
 */
export function ParamSlider({ spec, presetValue }: { spec: ParamSpec; presetValue: number }) {
  const uid = useId();
  const override = useWorkspace((s) => s.scenario.overrides[spec.id]);
  const setParam = useWorkspace((s) => s.setParam);
  const resetParam = useWorkspace((s) => s.resetParam);
  const value = override ?? presetValue;
  const [draft, setDraft] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [showSource, setShowSource] = useState(false);
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  const fromKeyboard = useRef(false);
  const shown = draft ?? value;
  const decimals = decimalsOf(spec.step);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const flush = () => {
    frame.current = 0;
    const v = pending.current;
    pending.current = null;
    setDraft(null);
    if (v !== null) setParam(spec.id, v);
  };
  const commit = (raw: number, now: boolean) => {
    const v = Number(Math.min(spec.max, Math.max(spec.min, raw)).toFixed(decimals));
    pending.current = v;
    if (now) {
      cancelAnimationFrame(frame.current);
      flush();
      return;
    }
    // Only the latest value of a drag is simulated, once per frame: a drag never queues stale runs.
    setDraft(v);
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };

  const overridden = override !== undefined && override !== presetValue;
  const markAt = (presetValue - spec.min) / (spec.max - spec.min || 1);
  const valueText = fmtParam(shown, spec);

  return (
    <div className={overridden ? "param changed" : "param"} data-param={spec.id}>
      <div className="param-head">
        <label id={`${uid}-l`} htmlFor={`${uid}-r`} title={spec.description}>{spec.label}</label>
        <span className="param-value">
          <input
            type="number"
            aria-label={`${spec.label} (${spec.unit})`}
            value={text ?? String(Number(shown.toFixed(decimals)))}
            min={spec.min}
            max={spec.max}
            step={spec.step}
            onChange={(e) => {
              setText(e.target.value);
              const v = e.target.valueAsNumber;
              if (Number.isFinite(v) && v >= spec.min && v <= spec.max) commit(v, true);
            }}
            onBlur={() => setText(null)}
          />
          <span className="unit">{spec.unit}</span>
        </span>
      </div>
      <div className="param-track">
        <input
          id={`${uid}-r`}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={shown}
          aria-valuetext={valueText}
          aria-describedby={`${uid}-p`}
          onKeyDown={() => (fromKeyboard.current = true)}
          onPointerDown={() => (fromKeyboard.current = false)}
          onChange={(e) => {
            commit(e.target.valueAsNumber, fromKeyboard.current);
            fromKeyboard.current = false;
          }}
        />
        <span className="preset-mark" style={{ left: `calc(8px + (100% - 16px) * ${markAt.toFixed(4)})` }} title={`Preset: ${fmtParam(presetValue, spec)}`} aria-hidden="true" />
      </div>
      <div className="param-foot">
        <span id={`${uid}-p`} className="muted">preset {fmtParam(presetValue, spec)}</span>
        <button type="button" className="linklike" disabled={!overridden} onClick={() => resetParam(spec.id)} aria-label={`Reset ${spec.label} to the preset`}>
          reset
        </button>
        <button type="button" className="linklike" aria-expanded={showSource} onClick={() => setShowSource((v) => !v)} aria-label={`Source of ${spec.label}`}>
          {spec.provenance.kind === "source" ? "source" : "assumption"}
        </button>
      </div>
      {showSource ? <Provenance spec={spec} /> : null}
    </div>
  );
}
