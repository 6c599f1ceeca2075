/** The workspace page. */
export default function Home() {
  return (
    <main style={{ padding: "2rem", maxWidth: 900 }}>
      <h1>Chokepoint</h1>
      <p>Capacity and supply-chain economics simulator for AI compute.</p>
    </main>
  );
}
