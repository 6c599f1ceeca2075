/** Where each chart's numbers come from, for the source line of its exports. */
const COMMON = ["parameter catalog with a source or reasoning per value (data/parameters.json)", "planned capacity paths (data/paths.json)"];
const GPUS = "GPU generations (data/gpus.json), shipped in 2024–25 in Epoch AI's mix (AI Chip Sales, MIT licence; data/generation-mix.json)";
const BASE = "installed base: Epoch AI, AI Chip Sales, MIT licence (data/installed-base.json)";

/** Data sources behind a chart, by chart id. */
export const CHART_SOURCES: Record<string, string[]> = {
  "supply-demand": COMMON,
  "shortage-horizon": COMMON,
  binding: [...COMMON, GPUS],
  "power-ratio": [...COMMON, GPUS, BASE],
  tokens: [...COMMON, GPUS, BASE],
  prices: COMMON,
  "wafer-allocation": [...COMMON, GPUS],
  revenue: [...COMMON, GPUS, BASE],
  calibration: ["seed claims with their sources (data/calibration.json)", "presets (data/presets.json)"],
};

/** The units of each chart's axes, for the units line of its exports. */
export const CHART_UNITS: Record<string, string> = {
  "supply-demand": "wafers / month (leading-edge wafers), CoWoS wafers / month (packaging), GB / month (HBM, DDR DRAM), TB / month (NAND / SSD), MW (power)",
  "shortage-horizon": "months, 2024-01 to the end of the horizon",
  binding: "binding constraint by month; output in H100-equivalents (H100e) / month, log scale",
  "power-ratio": "MW of CPU power per MW of GPU power",
  tokens: "tokens / month (log scale); share of tokens unserved (%)",
  prices: "price index, × the 2024-01 price (log scale)",
  "wafer-allocation": "share of leading-edge wafer capacity (%)",
  revenue: "USD per GPU-hour",
  calibration: "count of seed claims by verdict",
};
