/**
 * Derives data/installed-base.json (accelerator cohorts shipped before the model's start) from
 * Epoch AI's quarterly chip counts in data/epoch-ai-chip-counts/ (MIT licence).
 * Run: npx tsx scripts/derive-installed-base.ts   (tests/unit/installed-base.test.ts checks the output is current)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildInstalledBase } from "../lib/scenario/installedBase";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "data/epoch-ai-chip-counts");
const nvidia = fs.readFileSync(path.join(dir, "nvidia_calendar_quarter_chip_timelines.csv"), "utf8");
const tpu = fs.readFileSync(path.join(dir, "tpu_calendar_quarter_chip_timelines.csv"), "utf8");
const out = buildInstalledBase([nvidia, tpu]);
fs.writeFileSync(path.join(root, "data/installed-base.json"), JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${out.cohorts.length} cohorts, ${Math.round(out.totalH100e).toLocaleString("en-US")} H100e`);
