/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  grey: "#8C8C8C",
} as const;

/** One colour per supply-chain input and product. */
export const INPUT_COLOR: Record<string, string> = {
  wafer: OKABE_ITO.blue,
  packaging: OKABE_ITO.vermillion,
  hbm: OKABE_ITO.purple,
  dram: OKABE_ITO.green,
  nand: OKABE_ITO.orange,
  power: OKABE_ITO.black,
  gpu: OKABE_ITO.skyBlue,
  cpu: OKABE_ITO.grey,
  tokens: "#7A5195",
};

/** One colour per binding constraint. */
export const BINDING_COLOR: Record<string, string> = {
  wafers: OKABE_ITO.blue,
  packaging: OKABE_ITO.vermillion,
  hbm: OKABE_ITO.purple,
  power: OKABE_ITO.black,
  demand: "#C9D3DD",
};

/** One colour per token tier. */
export const TIER_COLOR: Record<string, string> = {
  enterprise: OKABE_ITO.blue,
  onDemand: OKABE_ITO.orange,
  consumer: OKABE_ITO.green,
};

/**
 * Colours for accelerator generations, oldest first: alternating light and dark Okabe–Ito hues so neighbours
 * (A100/H100, H200/B200 …) never share a hue family; each also has its own dash in GENERATION_DASHES.
 */
export const GENERATION_COLORS = [
  OKABE_ITO.grey,
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.black,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.purple,
  "#882255",
];

/** Dash patterns in order of use ("" is solid): with the colour, every series of a chart differs in two ways. */
export const DASHES = ["", "7 3", "2 2", "9 3 2 3", "4 4", "1 3", "12 3", "5 2 1 2 1 2", "3 6"] as const;

/** One dash pattern per generation, oldest first (parallel to GENERATION_COLORS). */
export const GENERATION_DASHES: readonly string[] = DASHES;

/** One dash pattern per supply-chain input (parallel to INPUT_COLOR). */
export const INPUT_DASH: Record<string, string> = {
  wafer: "",
  packaging: DASHES[1],
  hbm: DASHES[2],
  dram: DASHES[3],
  nand: DASHES[4],
  power: DASHES[6],
};

/** One dash pattern per binding constraint's limit line. */
export const BINDING_DASH: Record<string, string> = { wafers: "", packaging: DASHES[1], hbm: DASHES[2], power: DASHES[3] };

/** One dash pattern per token tier (the tier's served line; its demand is drawn thinner in the same pattern). */
export const TIER_DASH: Record<string, string> = { enterprise: "", onDemand: DASHES[1], consumer: DASHES[2] };

/** Shading of months in shortage. */
export const SHORTAGE_FILL = "rgba(213, 94, 0, 0.13)";

/** Colour of the pinned baseline's marks where a series has no colour of its own; drawn as a wide pale band. */
export const BASELINE_COLOR = "#3d4651";
