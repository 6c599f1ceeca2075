import { StoreProvider } from "@/lib/store/StoreProvider";
import { Workspace } from "@/components/panels/Workspace";

/** The workspace page. */
export default function Home() {
  return (
    <main>
      <header className="masthead">
        <h1>Chokepoint</h1>
        <p>AI-compute supply chains against AI demand: when each shortage clears, who gets throttled, what a GPU-hour earns.</p>
      </header>
      <StoreProvider>
        <Workspace />
      </StoreProvider>
    </main>
  );
}
