import { BASELINE_COLOR } from "../../palette";

/** A series of the pinned baseline run: thin and dotted over the current scenario's marks. */
export function BaselineLine({ d, color = BASELINE_COLOR, dash = "2 2", width = 1.3 }: { d: string; color?: string; dash?: string; width?: number }) {
  if (!d) return null;
  return <path data-baseline="" d={d} fill="none" stroke={color} strokeWidth={width} strokeDasharray={dash} strokeOpacity={0.9} strokeLinejoin="round" />;
}
