import type { ComponentType } from "react";
import type { Run } from "@/lib/model";
import type { PassShares } from "./calibrationState";
import type { CalibrationRow } from "@/lib/scenario/calibration";
import type { ChartViewProps } from "./ChartFigure";
import type { ChartBase, ChartOptions } from "./types";
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
export interface ChartContext extends ChartOptions {
  presetId: string;
  /** Each claim's pass share over seeded draws, with the draws and seed; null or absent until computed. */
  passShares?: PassShares | null;
  /** Seed claims checked by the calibration evaluator. */
  calibration: () => CalibrationRow[];
}

/** A chart: its id, its pure state from a run, its view, and whether it draws Monte Carlo bands (reads `ctx.fan`). */
export interface ChartEntry<S extends ChartBase = ChartBase> {
  id: string;
  state: (run: Run, ctx: ChartContext) => S;
  View: ComponentType<ChartViewProps<S>>;
  fans: boolean;
}

function entry<S extends ChartBase>(id: string, state: (run: Run, ctx: ChartContext) => S, View: ComponentType<ChartViewProps<S>>, fans = true): ChartEntry {
  return { id, state, View: View as unknown as ComponentType<ChartViewProps<ChartBase>>, fans };
}

/** Every chart on the workspace, in page order. */
export const CHARTS: readonly ChartEntry[] = [
  entry("supply-demand", (run, ctx) => supplyDemandState(run, ctx), SupplyDemandChart),
  entry("shortage-horizon", (run, ctx) => shortageHorizonState(run, ctx), ShortageHorizonChart, false),
  entry("binding", (run, ctx) => bindingStripState(run, ctx), BindingStripChart, false),
  entry("power-ratio", (run, ctx) => powerRatioState(run, ctx), PowerRatioChart),
  entry("tokens", (run, ctx) => tokensState(run, ctx), TokensChart),
  entry("prices", (run, ctx) => pricesState(run, ctx), PricesChart),
  entry("wafer-allocation", (run, ctx) => waferAllocationState(run, ctx), WaferAllocationChart),
  entry("revenue", (run, ctx) => revenueState(run, ctx), RevenueChart),
  entry("calibration", (run, ctx) => calibrationState(run, ctx.calibration(), ctx.presetId, ctx.passShares, ctx.width), CalibrationChart, false),
];
