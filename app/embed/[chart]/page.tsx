import type { Metadata } from "next";
import { StoreProvider } from "@/lib/store/StoreProvider";
import { EmbedChart } from "@/components/panels/EmbedChart";
import { EMBED_CHART_IDS } from "@/components/charts/embedIds";

export const metadata: Metadata = {
  title: "Chokepoint — chart",
  description: "One Chokepoint chart of a scenario, for embedding in another page.",
};

/** Every chart can be embedded; any other id is a 404. */
export function generateStaticParams() {
  return EMBED_CHART_IDS.map((chart) => ({ chart }));
}
export const dynamicParams = false;

/** One chart of the scenario in the query string, alone, sized to its frame (for an <iframe> on another site). */
export default async function EmbedPage({ params }: { params: Promise<{ chart: string }> }) {
  const { chart } = await params;
  return (
    <main className="embed-page">
      <StoreProvider>
        <EmbedChart chartId={chart} />
      </StoreProvider>
    </main>
  );
}
