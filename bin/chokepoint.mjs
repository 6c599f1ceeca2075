#!/usr/bin/env node
// Entry point of the `chokepoint` command: runs the TypeScript CLI through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("../cli/main.ts", import.meta.url);
