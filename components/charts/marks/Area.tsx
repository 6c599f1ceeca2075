/** A filled band (a layer of a stacked area). */
export function Area({ d, color, opacity = 0.85 }: { d: string; color: string; opacity?: number }) {
  if (!d) return null;
  return <path d={d} fill={color} fillOpacity={opacity} stroke="none" />;
}
