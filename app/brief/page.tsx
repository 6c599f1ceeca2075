import type { Metadata } from "next";
import { StoreProvider } from "@/lib/store/StoreProvider";
import { Brief } from "@/components/panels/Brief";

export const metadata: Metadata = {
  title: "Chokepoint — scenario brief",
  description: "A scenario's assumptions, headline metrics and charts, laid out for print.",
};

/** The brief of the scenario in the query string (same link format as the workspace), for print or PDF. */
export default function BriefPage() {
  return (
    <main className="brief-page">
      <StoreProvider>
        <Brief />
      </StoreProvider>
    </main>
  );
}
