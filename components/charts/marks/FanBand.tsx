import type { FanMarks } from "../fan";

/** An uncertainty fan: the p5–p95 band, the p10–p90 band over it, and the median as a thin line. */
export function FanBand({ fan }: { fan: FanMarks | null | undefined }) {
  if (!fan) return null;
  return (
    <g data-fan={fan.key}>
      {fan.outer ? <path data-band="p5-p95" d={fan.outer} fill={fan.color} fillOpacity={0.12} stroke="none" /> : null}
      {fan.inner ? <path data-band="p10-p90" d={fan.inner} fill={fan.color} fillOpacity={0.2} stroke="none" /> : null}
      {fan.median ? <path data-band="p50" d={fan.median} fill="none" stroke={fan.color} strokeWidth={1} strokeOpacity={0.7} /> : null}
    </g>
  );
}

/** Several fans, drawn under a chart's lines. */
export function FanBands({ fans }: { fans: readonly (FanMarks | null)[] | undefined }) {
  if (!fans?.length) return null;
  return <g data-fans="">{fans.map((f) => (f ? <FanBand key={f.key} fan={f} /> : null))}</g>;
}
