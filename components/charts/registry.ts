import type { ComponentType } from "react";
import type { Run } from "@/lib/model";
import type { ChartViewProps } from "./ChartFigure";
import type { ChartBase } from "./types";
import { supplyDemandState } from "./supplyDemandState";
import { SupplyDemandChart } from "./SupplyDemandChart";
import { shortageHorizonState } from "./shortageHorizonState";
import { ShortageHorizonChart } from "./ShortageHorizonChart";
import { pricesState } from "./pricesState";
import { PricesChart } from "./PricesChart";

/** A chart: its id, its pure state from a run, and its view. */
export interface ChartEntry<S extends ChartBase = ChartBase> {
  id: string;
  state: (run: Run) => S;
  View: ComponentType<ChartViewProps<S>>;
}

function entry<S extends ChartBase>(id: string, state: (run: Run) => S, View: ComponentType<ChartViewProps<S>>): ChartEntry {
  return { id, state, View: View as unknown as ComponentType<ChartViewProps<ChartBase>> };
}

/** Every chart on the workspace, in page order. */
export const CHARTS: readonly ChartEntry[] = [
  entry("supply-demand", supplyDemandState, SupplyDemandChart),
  entry("shortage-horizon", shortageHorizonState, ShortageHorizonChart),
  entry("prices", pricesState, PricesChart),
];
