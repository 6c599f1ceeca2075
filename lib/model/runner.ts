import { simulate } from "./simulate";
import type { Run, Scenario } from "./types";

/** The one interface the UI uses to run the model, so a Web Worker runner can replace the direct one. */
export interface ModelRunner {
  run(scenario: Scenario): Promise<Run>;
}

/** A runner that simulates on the calling thread. */
export function createDirectRunner(): ModelRunner {
  return { run: async (scenario) => simulate(scenario) };
}
