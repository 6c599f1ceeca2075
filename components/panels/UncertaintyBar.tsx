"use client";
import { useState } from "react";
import { MAX_RUNS, MIN_RUNS } from "@/lib/model/mc/types";
import { useUncertainty, useWorkspace } from "@/lib/store/StoreProvider";

/** Run counts offered; any count from MIN_RUNS to MAX_RUNS may come in a link. */
const RUN_CHOICES = [1000, 2000, 5000, 10000];

const fmt = (v: number) => v.toLocaleString("en-US");

/** The uncertainty controls: bands on or off, runs and seed (both in the link), progress of the running Monte Carlo and its cancel. */
export function UncertaintyBar() {
  const mc = useWorkspace((s) => s.montecarlo);
  const setMc = useWorkspace((s) => s.setMonteCarlo);
  const status = useUncertainty((s) => s.status);
  const fan = useUncertainty((s) => s.fan);
  const error = useUncertainty((s) => s.error);
  const cancel = useUncertainty((s) => s.cancel);
  const [seedText, setSeedText] = useState<string | null>(null);
  const choices = RUN_CHOICES.includes(mc.runs) ? RUN_CHOICES : [...RUN_CHOICES, mc.runs].sort((a, b) => a - b);
  const done = fan?.runs ?? 0, total = fan?.total ?? mc.runs;
  const running = mc.on && status === "running";
  const statusText = !mc.on
    ? "Bands off: lines show this scenario only."
    : status === "unavailable" || status === "error"
      ? error ?? "The Monte Carlo failed."
      : status === "cancelled"
        ? `Cancelled at ${fmt(done)} of ${fmt(total)} runs; the bands shown are from those runs.`
        : status === "done" && fan
          ? `${fmt(fan.runs)} runs done (seed ${fan.seed}).`
          : `Running: ${fmt(done)} of ${fmt(total)} runs…`;
  return (
    <div className="uncertainty-bar" role="group" aria-label="Uncertainty bands">
      <label className="check">
        <input type="checkbox" checked={mc.on} onChange={(e) => setMc({ on: e.target.checked })} data-fans-toggle="" />
        Uncertainty bands
      </label>
      <label>
        Runs{" "}
        <select value={mc.runs} onChange={(e) => setMc({ runs: Number(e.target.value) })} aria-label={`Monte Carlo runs (${fmt(MIN_RUNS)} to ${fmt(MAX_RUNS)})`}>
          {choices.map((n) => <option key={n} value={n}>{fmt(n)}</option>)}
        </select>
      </label>
      <label>
        Seed{" "}
        <input
          type="number"
          className="seed"
          min={0}
          max={4294967295}
          step={1}
          value={seedText ?? String(mc.seed)}
          aria-label="Monte Carlo seed (a whole number; the same seed gives the same bands)"
          onChange={(e) => {
            setSeedText(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value !== "" && Number.isInteger(v) && v >= 0 && v <= 4294967295) setMc({ seed: v });
          }}
          onBlur={() => setSeedText(null)}
        />
      </label>
      {mc.on ? (
        <progress max={total} value={done} aria-label="Monte Carlo runs done" data-mc-progress="" data-runs-done={done} data-runs-total={total}>
          {fmt(done)} of {fmt(total)}
        </progress>
      ) : null}
      {running ? (
        <button type="button" onClick={cancel} data-mc-cancel="">
          Cancel
        </button>
      ) : null}
      <span className="muted" role="status" aria-live="polite" data-mc-status={mc.on ? status : "off"}>
        {statusText}
      </span>
    </div>
  );
}
