/**
 * The model's state: per-run constants, month-by-month paths computed before the loop, the
 * evolving stocks, and the output series. One plain object of one shape, shared by the stage
 * modules (docs/model.md §3–§10), so the monthly loop passes a single reference around.
 */

/** Input ids with an induced capacity response, in the order of `M.induced*` arrays. */
export const INDUCED_INPUTS = ["wafer", "packaging", "hbm", "dram", "nand", "power"] as const;

/** Everything the stages read and write during one run. */
/** A memory market's state carried from month to month (docs/model.md §7). */
export interface MemoryMarket {
  /** Makers' inventory (GB for DRAM, TB for NAND). */
  stock: number;
  /** Last month's weeks of demand the inventory covered. */
  weeks: number;
  /** Share of wafer capacity running (for DRAM, of what HBM leaves). */
  util: number;
  /** Contract price index, 1 at the start. */
  price: number;
  /** Datacenter buyers' own stock beyond their use, built while makers run short (GB for DRAM, TB for NAND). */
  buyers: number;
}

export interface M {
  n: number;
  G: number;
  /** Parameters by id (catalog defaults overlaid by the scenario; plus derived ones). */
  p: Record<string, number>;
  policy: "proportional" | "priority" | "degrade";

  // ---- per generation constants
  h100e: Float64Array;
  unitKW: Float64Array;
  /** All-in kW per H100e of each generation. */
  kwPerH100e: Float64Array;
  hbmGB: Float64Array;
  launch: Int32Array;
  /** Software multiplier of each generation by month: sw[t * G + g] (1 at launch or at the start). */
  sw: Float64Array;
  /** Output share (of H100e) of each generation by month: mix[t * G + g]. */
  mix: Float64Array;

  // ---- per month paths (computed before the loop)
  /** Leading-edge wafers, N3 wafers, CoWoS wafers, HBM wafers (before stack yield), HBM GB, kW and units per H100e of output. */
  perWafer: Float64Array;
  perN3Wafer: Float64Array;
  perCowos: Float64Array;
  perHbmWafer: Float64Array;
  perHbmGB: Float64Array;
  perKW: Float64Array;
  perUnit: Float64Array;
  /** Dollar cost of the inputs of one H100e of output at index-1 prices: wafers, packaging, HBM. */
  costWafer: Float64Array;
  costCowos: Float64Array;
  costHbm: Float64Array;
  /** Accelerator list price per H100e of output (USD). */
  listPerH100e: Float64Array;
  ddrGBPerWafer: Float64Array;
  /** HBM wanted for accelerators outside the counted vendors (GB a month), and the DRAM wafers it asks for (stack yield counted). */
  hbmOutsideGB: Float64Array;
  hbmOutsideWafers: Float64Array;
  /** Token demand at the base price (before scarcity): chat and agents, after edge offload. */
  chatBase: Float64Array;
  agentBase: Float64Array;
  /** Base token prices (USD per million): chat blend and agent (frontier) tokens. */
  chatPrice0: Float64Array;
  agentPrice0: Float64Array;
  trainWanted: Float64Array;
  gpVcpuWanted: Float64Array;
  gpVcpuPerNew: Float64Array;
  aiVcpuPerNew: Float64Array;
  memCost: Float64Array;
  consumerWaferRef: Float64Array;
  consumerDramRef: Float64Array;
  consumerNandRef: Float64Array;
  planned: Float64Array[]; // by INDUCED_INPUTS
  capacity: Float64Array[]; // planned + induced, filled as the run goes
  inducedArrivals: Float64Array[]; // capacity arriving at month t (started L months before)
  inducedStock: Float64Array; // induced capacity built so far, by input
  inducedPipeline: Float64Array; // started, not yet arrived, by input
  lead: Int32Array;
  rlVcpuPerGpuHour: Float64Array;
  rlShare: Float64Array;
  edgeShare: Float64Array;
  vcpuAgentHour: number;
  tokensPerAgentHour: number;

  // ---- stocks
  installed: Float64Array; // H100e by generation
  inventory: Float64Array; // H100e by generation, delivered and waiting for power
  retireAt: Float64Array; // H100e retiring by month and generation: [t * G + g], months 0..n
  retireTotal: Float64Array; // H100e due to retire by month, all generations: Σ_g retireAt[t * G + g]
  gpuKW: number;
  backlog: number; // H100e ordered, not delivered
  dueCum: number; // orders that have reached their delivery month, cumulative
  deliveredCum: number;
  orders: Float64Array; // orders placed by month
  cpuAiServers: number;
  cpuAiVcpu: number;
  cpuGpServers: number;
  cpuGpVcpu: number;
  cpuKW: number;
  cpuInventoryKW: number; // CPU servers made, waiting for power (kW)
  cpuInvAi: number; // servers
  cpuInvGp: number;
  cpuRetire: Float64Array; // [t*4 + k]: k = 0 ai servers, 1 ai vCPU, 2 gp servers, 3 gp vCPU
  cpuRetireKW: Float64Array;
  dram: MemoryMarket; // stock in GB
  nand: MemoryMarket; // stock in TB
  priceWafer: number;
  pricePackaging: number;
  priceHbm: number;
  serverCostIndex: number;
  contractRent: number; // USD per H100e-hour
  cpuServedShare: number; // last month's share of AI CPU work served

  // ---- this month's working values, passed between stages
  /** After retirements (fleet): H100e installed, H100e waiting for power, and the kW of those waiting. */
  installedSum: number;
  inventorySum: number;
  inventoryKW: number;
  /** H100e installed after this month's deployment (power). */
  installedAfter: number;
  due: number;
  xPkg: number;
  xHbm: number;
  xWafer: number;
  xPre: number;
  output: number;
  hbmWafers: number;
  /** GB of HBM made this month for accelerators outside the counted vendors (as far as stacking allowed). */
  hbmOutsideShipped: number;
  yAiPre: number;
  yGpPre: number;
  yAi: number;
  yGp: number;
  aiVcpuWanted: number;
  infFleet: number;
  tokCapPerH100e: number;
  fleetSw: number;
  demandWafer: number;
  demandPower: number;
  ddrWantedGB: number;
  nandWantedTB: number;

  /** N3-class wafer capacity (wafers / month), for AI's share of N3. */
  n3: Float64Array;
  /** Output series by id (views on one buffer). */
  s: Record<string, Float64Array>;
  labels: Record<string, string[]>;
  warnings: string[];
}
