import { csvParse } from "d3-dsv";
import { GPUS } from "../model/catalog";
import { RAMP_MONTHS } from "../model/setup";
import { monthIndex, quarterLabel } from "../model/time";
import { epochGeneration, rowQuarter } from "./epochChips";

/** Each generation's vendor (data/gpus.json). */
const VENDOR_OF = new Map(GPUS.map((g) => [g.id, g.vendor]));
/** Epoch counts H200 inside its H100 rows; the catalog's H200 launch and the model's ramp split them (assumption). */
const H200_LAUNCH = monthIndex(GPUS.find((g) => g.id === "h200")!.launch);

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

/**
 * Parses Epoch AI's calendar-quarter chip timelines (Nvidia, TPU, Trainium, AMD) and keeps 2024–2025: each
 * vendor's units by generation and quarter, the mix the model ships in those quarters (docs/model.md §3).
 */
export function buildGenerationMix(csvTexts: string[]): GenerationMix {
  const quarters: GenerationMix["quarters"] = {};
  for (const text of csvTexts) {
    for (const row of csvParse(text)) {
      const q = rowQuarter(row);
      if (!q || q.year < FIRST_YEAR || q.year > LAST_YEAR) continue;
      const units = Number(row["Number of Units"]);
      if (!Number.isFinite(units) || units < 0) throw new Error(`bad unit count in row ${row["Name"]}`);
      const gen = epochGeneration(row["Chip type"] ?? "");
      if (!gen) continue;
      const key = quarterLabel(q.year, q.endMonth);
      const vendor = VENDOR_OF.get(gen);
      if (!vendor) throw new Error(`generation ${gen} is not in data/gpus.json`);
      const add = (g: string, u: number) => {
        const v = ((quarters[key] ??= {})[vendor] ??= {});
        v[g] = (v[g] ?? 0) + u;
      };
      if (gen === "h100") {
        // Months from H200's launch to the quarter's middle month: that share of Hopper (ramped) is H200.
        const since = monthIndex(q.middle) - H200_LAUNCH;
        const h200 = Math.min(Math.max(since / RAMP_MONTHS, 0), 1);
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
