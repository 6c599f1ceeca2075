import { SHORTAGE_FILL } from "../../palette";

/** Shading over the months in shortage. */
export function ShortageBands({ bands, y, height }: { bands: { x0: number; x1: number }[]; y: number; height: number }) {
  return (
    <g className="shortage">
      {bands.map((b, i) => (
        <rect key={i} x={b.x0} y={y} width={Math.max(0.5, b.x1 - b.x0)} height={height} fill={SHORTAGE_FILL} />
      ))}
    </g>
  );
}
