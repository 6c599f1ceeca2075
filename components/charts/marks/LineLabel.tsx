/** A direct label at a line's right end, with a white halo so it reads over grid lines and other series. */
export function LineLabel({ x, y, text, color }: { x: number; y: number; text: string; color: string }) {
  return (
    <text x={x - 2} y={y - 3} textAnchor="end" fontSize={9.5} fill={color} stroke="#fff" strokeWidth={3} paintOrder="stroke" strokeLinejoin="round" data-line-label="">
      {text}
    </text>
  );
}
