"use client";
import { createContext } from "react";
import type { ScaleMode } from "./scales";

/** A stretch of months to highlight on every time chart, as first and last month indices, with what it stands for. */
export interface MonthHighlight {
  from: number;
  to: number;
  label: string;
}

/** What the workspace lets a figure change or show beyond its own state: the y-axis mode and highlighted months. */
export interface ChartUi {
  setScaleMode?(chartId: string, mode: ScaleMode): void;
  highlights: MonthHighlight[];
}

/** The workspace's chart UI; a figure outside it offers no switch and highlights nothing. */
export const ChartUiContext = createContext<ChartUi>({ highlights: [] });
