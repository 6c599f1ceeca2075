import { csvParse } from "d3-dsv";

/** Units shipped per generation id (data/gpus.json) of each vendor, by calendar quarter ("2024-Q1"). */
export interface GenerationMix {
  schema: "chokepoint.generation-mix/1";
  source: string;
  licence: string;
  method: string;
  quarters: Record<string, Record<string, Record<string, number>>>;
}

/** First and last calendar year of the quarters kept: the model's history window. */
const FIRST_YEAR = 2024, LAST_YEAR = 2025;
/** H200 (launched 2024-05) ramps in over this many months; Epoch AI counts it inside its H100 rows. */
const H200_LAUNCH = { year: 2024, month: 5 }, H200_RAMP_MONTHS = 9;

/** Maps an Epoch AI chip type to [vendor, generation id]; null for chips outside CoWoS-class packaging. */
function genFor(chipType: string): [string, string] | null {
  const map: Record<string, [string, string] | null> = {
    H100: ["nvidia", "h100"], H20: ["nvidia", "h20"], B200: ["nvidia", "b200"], B300: ["nvidia", "b300"],
    "TPU v5e": ["google-tpu", "tpuV5e"], "TPU v5p": ["google-tpu", "tpuV5p"], "TPU v6e": ["google-tpu", "tpuV6e"], "TPU v7": ["google-tpu", "tpuV7"],
    Trainium1: ["aws-trainium", "trn1"], Trainium2: ["aws-trainium", "trn2"],
    // MI300A and MI308X share MI300X's package; MI350X shares MI355X's. MI250X uses EFB bridges, not CoWoS.
    "Instinct MI300X": ["amd", "mi300x"], "Instinct MI300A": ["amd", "mi300x"], "Instinct MI308X": ["amd", "mi300x"],
    "Instinct MI325X": ["amd", "mi325x"], "Instinct MI350X": ["amd", "mi355x"], "Instinct MI355X": ["amd", "mi355x"],
    "Instinct MI250X": null,
  };
  if (!(chipType in map)) throw new Error(`unmapped chip type: ${chipType}`);
  return map[chipType];
}

/**
 * Parses Epoch AI's calendar-quarter chip timelines (Nvidia, TPU, Trainium, AMD) and keeps 2024–2025: each
 * vendor's units by generation and quarter, the mix the model ships in those quarters (docs/model.md §6).
 */
export function buildGenerationMix(csvTexts: string[]): GenerationMix {
  const quarters: GenerationMix["quarters"] = {};
  for (const text of csvTexts) {
    for (const row of csvParse(text)) {
      const [m, , y] = (row["End date"] ?? "").split("/").map(Number);
      if (!y || y < FIRST_YEAR || y > LAST_YEAR) continue;
      const units = Number(row["Number of Units"]);
      if (!Number.isFinite(units) || units < 0) throw new Error(`bad unit count in row ${row["Name"]}`);
      const vg = genFor(row["Chip type"] ?? "");
      if (!vg) continue;
      const key = `${y}-Q${Math.ceil(m / 3)}`;
      const [vendor, gen] = vg;
      const add = (g: string, u: number) => {
        const v = ((quarters[key] ??= {})[vendor] ??= {});
        v[g] = (v[g] ?? 0) + u;
      };
      if (gen === "h100") {
        // The quarter's middle month, months after H200's launch: that share of Hopper is H200.
        const since = (y - H200_LAUNCH.year) * 12 + (m - 1) - H200_LAUNCH.month;
        const h200 = Math.min(Math.max(since / H200_RAMP_MONTHS, 0), 1);
        add("h100", units * (1 - h200));
        add("h200", units * h200);
      } else add(gen, units);
    }
  }
  const sorted = Object.fromEntries(Object.keys(quarters).sort().map((q) => [q, quarters[q]]));
  return {
    schema: "chokepoint.generation-mix/1",
    source: "Epoch AI, AI Chip Sales data (MIT licence), epoch-research/ai-chip-counts commit d1b1bc3 (2026-04-22): calendar-quarter chip timelines of Nvidia, Google TPU, AWS Trainium and AMD",
    licence: "MIT — see data/epoch-ai-chip-counts/LICENSE",
    method: `Median units per calendar quarter, ${FIRST_YEAR}-Q1 to ${LAST_YEAR}-Q4, by vendor and generation. Epoch's H100 rows include H200; the H200 share of them ramps linearly from 0 at its launch (2024-05) to 1 nine months later (assumption). MI300A and MI308X are counted as MI300X and MI350X as MI355X (same packages); MI250X (EFB, not CoWoS) is left out. Vendors without Epoch counts (others) keep the model's launch ramps.`,
    quarters: sorted,
  };
}

/** The Epoch AI files (in data/epoch-ai-chip-counts/) the mix is built from. */
export const GENERATION_MIX_FILES = ["nvidia_calendar_quarter_chip_timelines.csv", "tpu_calendar_quarter_chip_timelines.csv", "trainium_chip_timelines.csv", "amd_chip_timelines.csv"];
