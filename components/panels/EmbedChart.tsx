"use client";
import { useEffect, useMemo, useState } from "react";
import { exportSourceLine, MODEL_VERSION, scenarioLink } from "@/lib/export";
import { calibrationRows } from "@/lib/store/derive";
import { useBaselineRun, useRun, useWorkspace } from "@/lib/store/StoreProvider";
import { useUrlScenario } from "@/lib/store/useUrlScenario";
import { queryOf } from "@/lib/store/urlSync";
import { CHARTS } from "../charts/registry";
import { CHART_SOURCES } from "../charts/sources";

/** One chart alone, for an <iframe>: its title and reading, the source line and a link to the full scenario; no controls. */
export function EmbedChart({ chartId }: { chartId: string }) {
  const url = useUrlScenario({ sync: false });
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const run = useRun();
  const baselineRun = useBaselineRun();
  const entry = CHARTS.find((c) => c.id === chartId);
  const state = useMemo(() => entry?.state(run, { presetId: scenario.presetId, calibration: calibrationRows, baseline: baselineRun }), [entry, run, scenario.presetId, baselineRun]);
  const link = scenarioLink(origin ?? "", "/", queryOf({ scenario, baseline }));
  if (!entry || !state) return <p role="alert">No chart is called “{chartId}”.</p>;
  return (
    <div className="embed" data-embed={chartId} data-scenario-ready={url.ready && origin ? "true" : "false"}>
      <entry.View state={state} hover={null} />
      <p className="embed-foot">
        <span className="embed-source">Source: {exportSourceLine(MODEL_VERSION, CHART_SOURCES[chartId] ?? [])}.</span>{" "}
        <a href={link} target="_blank" rel="noopener" data-scenario-link="">Open the full scenario in Chokepoint ↗</a>
      </p>
    </div>
  );
}
