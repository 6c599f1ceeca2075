/** A series drawn as a line, optionally shifted vertically (to show a line that coincides with another). */
export function Line({ d, color, dash, width = 1.6, dy = 0 }: { d: string; color: string; dash?: string; width?: number; dy?: number }) {
  if (!d) return null;
  return <path d={d} fill="none" stroke={color} strokeWidth={width} strokeDasharray={dash || undefined} strokeLinejoin="round" transform={dy ? `translate(0,${dy})` : undefined} />;
}
