/** A series drawn as a line. */
export function Line({ d, color, dash, width = 1.6 }: { d: string; color: string; dash?: string; width?: number }) {
  if (!d) return null;
  return <path d={d} fill="none" stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinejoin="round" />;
}
