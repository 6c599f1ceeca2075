/** A bar from a shortage's first month to its clearing; an open end fades out with an arrow. */
export function HorizonBar({ x0, x1, y, height, color, openEnded }: { x0: number; x1: number; y: number; height: number; color: string; openEnded: boolean }) {
  const w = Math.max(2, x1 - x0);
  return (
    <g>
      <rect x={x0} y={y} width={w} height={height} fill={color} fillOpacity={0.3} stroke={color} strokeWidth={0.8} rx={2} />
      {openEnded ? <path d={`M${x1},${y - 2}L${x1 + 6},${y + height / 2}L${x1},${y + height + 2}Z`} fill={color} /> : null}
    </g>
  );
}
