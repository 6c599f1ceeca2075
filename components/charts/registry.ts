import type { ComponentType } from "react";
import type { Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import type { PassShares } from "./calibrationState";
import type { CalibrationRow } from "@/lib/scenario/calibration";
import type { ChartViewProps } from "./ChartFigure";
import type { ChartBase } from "./types";
import { supplyDemandState } from "./supplyDemandState";
import { SupplyDemandChart } from "./SupplyDemandChart";
import { shortageHorizonState } from "./shortageHorizonState";
import { ShortageHorizonChart } from "./ShortageHorizonChart";
import { pricesState } from "./pricesState";
import { PricesChart } from "./PricesChart";
import { revenueState } from "./revenueState";
import { RevenueChart } from "./RevenueChart";
import { tokensState } from "./tokensState";
import { TokensChart } from "./TokensChart";
import { waferAllocationState } from "./waferAllocationState";
import { WaferAllocationChart } from "./WaferAllocationChart";
import { bindingStripState } from "./bindingStripState";
import { BindingStripChart } from "./BindingStripChart";
import { powerRatioState } from "./powerRatioState";
import { PowerRatioChart } from "./PowerRatioChart";
import { calibrationState } from "./calibrationState";
import { CalibrationChart } from "./CalibrationChart";

/** What a chart state may need beyond the run. */
export interface ChartContext {
  presetId: string;
  /** The pinned baseline's run, overlaid dotted on every time chart; null or absent when none is pinned. */
  baseline?: Run | null;
  /** Monte Carlo quantiles of the current scenario, drawn as fans on every time chart; null or absent when off. */
  fan?: FanResult | null;
  /** Each claim's pass share over seeded draws, with the draws and seed; null or absent until computed. */
  passShares?: PassShares | null;
  /** Seed claims checked by the calibration evaluator. */
  calibration: () => CalibrationRow[];
}

/** A chart: its id, its pure state from a run, and its view. */
export interface ChartEntry<S extends ChartBase = ChartBase> {
  id: string;
  state: (run: Run, ctx: ChartContext) => S;
  View: ComponentType<ChartViewProps<S>>;
}

function entry<S extends ChartBase>(id: string, state: (run: Run, ctx: ChartContext) => S, View: ComponentType<ChartViewProps<S>>): ChartEntry {
  return { id, state, View: View as unknown as ComponentType<ChartViewProps<ChartBase>> };
}

/** Every chart on the workspace, in page order. */
export const CHARTS: readonly ChartEntry[] = [
  entry("supply-demand", (run, ctx) => supplyDemandState(run, ctx.baseline, ctx.fan), SupplyDemandChart),
  entry("shortage-horizon", (run, ctx) => shortageHorizonState(run, ctx.baseline), ShortageHorizonChart),
  entry("binding", (run, ctx) => bindingStripState(run, ctx.baseline), BindingStripChart),
  entry("power-ratio", (run, ctx) => powerRatioState(run, ctx.baseline, ctx.fan), PowerRatioChart),
  entry("tokens", (run, ctx) => tokensState(run, ctx.baseline, ctx.fan), TokensChart),
  entry("prices", (run, ctx) => pricesState(run, ctx.baseline, ctx.fan), PricesChart),
  entry("wafer-allocation", (run, ctx) => waferAllocationState(run, ctx.baseline, ctx.fan), WaferAllocationChart),
  entry("revenue", (run, ctx) => revenueState(run, ctx.baseline, ctx.fan), RevenueChart),
  entry("calibration", (run, ctx) => calibrationState(run, ctx.calibration(), ctx.presetId, ctx.passShares), CalibrationChart),
];
