// Bootstrap of the Node Monte Carlo worker: registers tsx in this thread, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./mcNodeWorker.ts");
