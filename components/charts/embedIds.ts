/** The ids of the charts that `/embed/<chart>` serves (every chart of the workspace, in page order). */
export const EMBED_CHART_IDS = ["supply-demand", "shortage-horizon", "binding", "power-ratio", "tokens", "prices", "wafer-allocation", "revenue", "calibration"] as const;
