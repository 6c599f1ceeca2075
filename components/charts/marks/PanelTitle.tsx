/** A small-multiple's heading, left-aligned over its panel. */
export function PanelTitle({ x, y, text }: { x: number; y: number; text: string }) {
  return (
    <text x={x} y={y} fontSize={11} fontWeight={600} fill="#1b1f24">
      {text}
    </text>
  );
}
