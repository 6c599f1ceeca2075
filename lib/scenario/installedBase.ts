import { csvParse } from "d3-dsv";
import { epochGeneration, rowQuarter } from "./epochChips";

/** One cohort of accelerators shipped in a calendar quarter, in H100-equivalents. */
export interface InstalledCohort {
  /** Generation id in data/gpus.json the cohort is counted as. */
  gen: string;
  /** Middle month of the shipping quarter, "YYYY-MM". */
  month: string;
  h100e: number;
  /** Epoch AI row name, for traceability. */
  from: string;
}

/** The installed base at the model's start, derived from Epoch AI's chip counts. */
export interface InstalledBase {
  schema: "chokepoint.installed-base/1";
  source: string;
  licence: string;
  method: string;
  totalH100e: number;
  cohorts: InstalledCohort[];
}

/** Parses Epoch AI calendar-quarter CSVs and keeps quarters that end on or before 2023-12-31. */
export function buildInstalledBase(csvTexts: string[]): InstalledBase {
  const cohorts: InstalledCohort[] = [];
  for (const text of csvTexts) {
    for (const row of csvParse(text)) {
      const q = rowQuarter(row);
      if (!q || q.year > 2023) continue;
      const h100e = Number(row["Compute estimate in H100e (median)"]);
      if (!Number.isFinite(h100e)) throw new Error(`bad H100e in row ${row["Name"]}`);
      const gen = epochGeneration(row["Chip type"] ?? "");
      if (!gen) throw new Error(`chip type ${row["Chip type"]} has no generation in the catalog`);
      cohorts.push({ gen, month: q.middle, h100e, from: row["Name"] ?? "" });
    }
  }
  cohorts.sort((a, b) => a.month.localeCompare(b.month) || a.gen.localeCompare(b.gen));
  return {
    schema: "chokepoint.installed-base/1",
    source: "Epoch AI, AI Chip Sales data (MIT licence), epoch-research/ai-chip-counts commit d1b1bc3 (2026-04-22)",
    licence: "MIT — see data/epoch-ai-chip-counts/LICENSE",
    method: "Median H100e per calendar quarter for Nvidia A100/A800/H100/H800 and Google TPUs, 2022-Q1 to 2023-Q4, placed at each quarter's middle month; TPU v5e and v5p are counted as their own generations, TPU v4 and v4i as v5e (the closest power and memory per H100e). Earlier shipments (A100s of 2020–21) are outside the excerpt and taken as retired by the start.",
    totalH100e: cohorts.reduce((s, c) => s + c.h100e, 0),
    cohorts,
  };
}
