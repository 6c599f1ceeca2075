/**
 * Derives data/generation-mix.json (units by vendor, generation and quarter in 2024–2025) from Epoch AI's
 * quarterly chip counts in data/epoch-ai-chip-counts/ (MIT licence).
 * Run: npx tsx scripts/derive-generation-mix.ts   (tests/unit/docs.test.ts checks the output is current)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildGenerationMix, GENERATION_MIX_FILES } from "../lib/scenario/generationMix";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "data/epoch-ai-chip-counts");
const out = buildGenerationMix(GENERATION_MIX_FILES.map((f) => fs.readFileSync(path.join(dir, f), "utf8")));
fs.writeFileSync(path.join(root, "data/generation-mix.json"), JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${Object.keys(out.quarters).length} quarters`);
