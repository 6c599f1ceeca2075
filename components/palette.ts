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

/** Colours for accelerator generations, oldest first. */
export const GENERATION_COLORS = [
  OKABE_ITO.grey,
  OKABE_ITO.black,
  OKABE_ITO.skyBlue,
  OKABE_ITO.blue,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
  "#44AA99",
];

/** Shading of months in shortage. */
export const SHORTAGE_FILL = "rgba(213, 94, 0, 0.13)";

/** Colour of the pinned baseline's marks where a series has no colour of its own. */
export const BASELINE_COLOR = "#3d4651";
