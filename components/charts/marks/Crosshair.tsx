import type { CrosshairSegment } from "../types";

/** The shared month crosshair. */
export function Crosshair({ segments }: { segments: CrosshairSegment[] }) {
  return (
    <g className="crosshair" pointerEvents="none">
      {segments.map((s, i) => (
        <line key={i} x1={s.x} x2={s.x} y1={s.y1} y2={s.y2} stroke="#1b1f24" strokeWidth={1} strokeDasharray="3 2" />
      ))}
    </g>
  );
}
