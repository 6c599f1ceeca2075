// Prints, as JSON, the longest valid share link's query (the longest scenario pinned as its own baseline) and
// that scenario's state, for the end-to-end specs (run through tsx, like model-oracle.ts).
import { encodeScenario } from "@/lib/scenario/url";
import { longestScenario } from "../fixtures/longestScenario";

const state = longestScenario();
process.stdout.write(JSON.stringify({ state, query: encodeScenario(state, { baseline: state }) }));
