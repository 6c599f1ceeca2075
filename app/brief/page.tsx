import type { Metadata } from "next";
import { StoreProvider } from "@/lib/store/StoreProvider";
import { Brief } from "@/components/panels/Brief";
import { claimPassShares } from "@/lib/scenario/robustness";
import { passSharesFrom, type PassShares } from "@/components/charts/calibrationState";

export const metadata: Metadata = {
  title: "Chokepoint — scenario brief",
  description: "A scenario's assumptions, headline metrics and charts, laid out for print.",
};

/**
 * Draws and seed of the calibration pass shares and what each claim moves with (the same as
 * `chokepoint calibrate --draws 100 --seed 1`).
 */
const PASS_SHARE_DRAWS = 100;
const PASS_SHARE_SEED = 1;

/**
 * The claims' pass shares: they depend on the model and its data only (each claim is checked under its own
 * preset, not the analyst's edits), so they are computed once, when the page is built.
 */
function passShares(): PassShares {
  return passSharesFrom(PASS_SHARE_DRAWS, PASS_SHARE_SEED, claimPassShares({ draws: PASS_SHARE_DRAWS, seed: PASS_SHARE_SEED, drivers: true }));
}

/** The brief of the scenario in the query string (same link format as the workspace), for print or PDF. */
export default function BriefPage() {
  return (
    <main className="brief-page">
      <StoreProvider>
        <Brief passShares={passShares()} />
      </StoreProvider>
    </main>
  );
}
