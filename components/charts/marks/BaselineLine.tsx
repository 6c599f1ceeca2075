import { BASELINE_COLOR } from "../../palette";

/**
 * A series of the pinned baseline run: a wide, pale band under the current scenario's lines, so it differs from
 * every current line by width and lightness as well as colour (current lines are thin and opaque).
 */
export function BaselineLine({ d, color = BASELINE_COLOR, width = 5 }: { d: string; color?: string; dash?: string; width?: number }) {
  if (!d) return null;
  return <path data-baseline="" d={d} fill="none" stroke={color} strokeWidth={Math.max(4, width)} strokeOpacity={0.28} strokeLinejoin="round" strokeLinecap="round" />;
}
