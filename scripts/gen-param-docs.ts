/**
 * Writes docs/parameters.md from the catalog (data/parameters.json, data/paths.json, data/gpus.json).
 * tests/unit/docs.test.ts checks the file is current: run this after editing the catalog.
 *   npx tsx scripts/gen-param-docs.ts
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderParameterDocs } from "../lib/scenario/paramDocs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.writeFileSync(path.join(root, "docs/parameters.md"), renderParameterDocs());
console.log("wrote docs/parameters.md");
