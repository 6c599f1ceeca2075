// Prints, as JSON, each target claim's pass share and what it moves with over 100 draws with seed 1 (what the brief
// shows), computed in Node.
import { claimPassShares } from "@/lib/scenario/robustness";

process.stdout.write(JSON.stringify(claimPassShares({ draws: 100, seed: 1, drivers: true })));
