/**
 * Epoch AI's chip timelines (data/epoch-ai-chip-counts/, MIT licence) read in the catalog's terms: which
 * generation of data/gpus.json each Epoch chip type is counted as, and the calendar quarter a row covers.
 * Shared by the installed base (`installedBase.ts`) and the 2024–25 generation mix (`generationMix.ts`).
 */

/** Epoch chip type → catalog generation id; null for chips outside CoWoS-class packaging (not modelled). */
const GENERATION_OF: Readonly<Record<string, string | null>> = {
  A100: "a100", A800: "a100", H100: "h100", H800: "h100", H20: "h20", B200: "b200", B300: "b300",
  // TPU v4 and v4i have no generation of their own; v5e's power and memory per H100e are the closest.
  "TPU v4": "tpuV5e", "TPU v4i": "tpuV5e", "TPU v5e": "tpuV5e", "TPU v5p": "tpuV5p", "TPU v6e": "tpuV6e", "TPU v7": "tpuV7",
  Trainium1: "trn1", Trainium2: "trn2",
  // MI300A and MI308X share MI300X's package; MI350X shares MI355X's. MI250X uses EFB bridges, not CoWoS.
  "Instinct MI300X": "mi300x", "Instinct MI300A": "mi300x", "Instinct MI308X": "mi300x",
  "Instinct MI325X": "mi325x", "Instinct MI350X": "mi355x", "Instinct MI355X": "mi355x",
  "Instinct MI250X": null,
};

/** The catalog generation an Epoch chip type is counted as (null: not modelled); throws on an unknown type. */
export function epochGeneration(chipType: string): string | null {
  if (!(chipType in GENERATION_OF)) throw new Error(`unmapped chip type: ${chipType}`);
  return GENERATION_OF[chipType];
}

/**
 * The calendar quarter of an Epoch row from its "End date" (M/D/YYYY): year, end month and the quarter's middle
 * month ("YYYY-MM"), or null if unreadable.
 */
export function rowQuarter(row: Record<string, string | undefined>): { year: number; endMonth: number; middle: string } | null {
  const [m, , y] = (row["End date"] ?? "").split("/").map(Number);
  return y && m ? { year: y, endMonth: m, middle: `${y}-${String(m - 1).padStart(2, "0")}` } : null;
}
