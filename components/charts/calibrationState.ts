import { PARAM_BY_ID, type Run } from "@/lib/model";
import type { PassShareRow } from "@/lib/model/mc/protocol";
import type { CalibrationRow } from "@/lib/scenario/calibration";
import { PRESET_BY_ID } from "@/lib/scenario/presets";
import { OKABE_ITO } from "../palette";
import { fmtShare } from "../format";
import { WIDE_WIDTH, round3 } from "./scales";
import type { ChartBase } from "./types";

/** How a claim fared, as words and colour. */
export function verdict(r: CalibrationRow): { text: string; color: string } {
  if (r.within === true) return { text: "within", color: OKABE_ITO.green };
  if (r.within === false) return { text: "missed", color: OKABE_ITO.vermillion };
  return { text: r.kind === "context" ? "not modelled" : "n/a", color: OKABE_ITO.grey };
}

/** Claims' pass shares: the share of seeded draws over the assumptions' bands in which each claim holds. */
export interface PassShares {
  draws: number;
  seed: number;
  rows: readonly PassShareRow[];
}

/** The assumptions a claim moves with, each as "label ↑" (the claim's value rises with it) or "label ↓". */
export function movesWithItems(drivers: PassShareRow["drivers"]): { id: string; text: string }[] {
  return (drivers ?? []).map((d) => ({ id: d.id, text: `${PARAM_BY_ID.get(d.id)?.label ?? d.id} ${d.rho >= 0 ? "↑" : "↓"}` }));
}

/** The same as one line, "label ↑; label ↓" (labels may hold commas). */
export const movesWithText = (items: readonly { text: string }[]): string => items.map((d) => d.text).join("; ");

/** State of the calibration panel: every seed claim, its target, the model's value and whether it is within tolerance. */
export interface CalibrationState extends ChartBase {
  rows: (CalibrationRow & { verdict: string; color: string; current: boolean; passShare: string; movesWith: string; movesWithItems: { id: string; text: string }[] })[];
  /** Says how pass shares were computed (draws and seed), that they are being computed (null), or where they are (absent). */
  passShareNote: string;
  /** Whether the assumptions a claim moves with are links to their sliders (the workspace) or text (the brief). */
  linkAssumptions: boolean;
  /** Segments of the verdict bar; `labelX` is where each count's label starts (kept apart and inside the chart). */
  bar: { x: number; width: number; color: string; label: string; count: number; labelX: number }[];
}

/**
 * Claims checked under their own preset (not the current edits), listed with the current preset's claims first;
 * the run is taken only to keep the signature of every chart state.
 */
export function calibrationState(_run: Run, rows: CalibrationRow[], presetId: string, passShares?: PassShares | null, width?: number): CalibrationState {
  const W = Math.min(WIDE_WIDTH, width ?? WIDE_WIDTH);
  const byClaim = new Map((passShares?.rows ?? []).map((r) => [r.id, r]));
  const shareText = (id: string) => {
    const v = byClaim.get(id)?.passShare;
    return typeof v === "number" && Number.isFinite(v) ? fmtShare(v) : passShares === null ? "…" : "—";
  };
  const decorated = rows.map((r) => ({ ...r, ...(({ text, color }) => ({ verdict: text, color }))(verdict(r)), current: r.presetId === presetId, passShare: shareText(r.id), ...withMoves(byClaim.get(r.id)) }));
  decorated.sort((a, b) => Number(b.current) - Number(a.current));
  const groups = [
    { label: "within", color: OKABE_ITO.green, count: decorated.filter((r) => r.verdict === "within").length },
    { label: "missed", color: OKABE_ITO.vermillion, count: decorated.filter((r) => r.verdict === "missed").length },
    { label: "not modelled", color: OKABE_ITO.grey, count: decorated.filter((r) => r.verdict !== "within" && r.verdict !== "missed").length },
  ];
  const total = Math.max(1, decorated.length);
  const x0 = 8, w = W - 16;
  let x = x0;
  const segments = groups.map((g) => {
    const width = round3((g.count / total) * w);
    const out = { x: round3(x), width, color: g.color, label: g.label, count: g.count };
    x += width;
    return out;
  });
  const bar = labelPositions(segments, W).map((labelX, k) => ({ ...segments[k], labelX }));
  const presetLabel = PRESET_BY_ID.get(presetId)?.label ?? presetId;
  return {
    id: "calibration",
    title: "Calibration against the seed figures",
    subtitle: "each claim checked under its own preset",
    description: `Of ${decorated.length} seed claims, ${groups[0].count} are within tolerance, ${groups[1].count} are missed and ${groups[2].count} are not modelled; the ${decorated.filter((r) => r.current).length} claims of “${presetLabel}” are listed first.`,
    width: W,
    height: 40,
    wide: true,
    monthCount: 0,
    rows: decorated,
    linkAssumptions: true,
    bar,
    passShareNote: passShares
      ? shareNote(passShares, decorated.some((r) => r.movesWith))
      : passShares === null
        ? "Pass shares are being computed in the background…"
        : "Pass shares (the share of seeded draws in which a claim holds) are computed in the workspace.",
    indexAt: () => null,
    crosshair: () => [],
    readout: () => [],
    table: () => ({
      columns: ["Claim", "Source", "Preset", "Target", "Model", "Within?", "Pass share", "Moves with"],
      rows: decorated.map((r) => [r.claim, r.source, r.presetId, r.target, r.model, r.verdict, r.passShare, r.movesWith]),
    }),
  };
}

/** Pass shares as `claimPassShares` gives them (as the brief computes them), in the panel's form. */
export function passSharesFrom(draws: number, seed: number, shares: readonly PassShareRow[]): PassShares {
  return { draws, seed, rows: shares.map(({ id, passShare, drivers }) => ({ id, passShare, ...(drivers ? { drivers } : {}) })) };
}

/** The calibration state with pass shares filled in (rows, note and table), for a view that computed them itself. */
export function withPassShares(state: CalibrationState, shares: PassShares): CalibrationState {
  const byClaim = new Map(shares.rows.map((r) => [r.id, r]));
  // The brief's form of a share: a whole percentage and a space ("6 %").
  const text = (id: string) => {
    const v = byClaim.get(id)?.passShare;
    return typeof v === "number" && Number.isFinite(v) ? `${Math.round(v * 100)} %` : "—";
  };
  // Shares and what claims move with come from the same draws.
  const rows = state.rows.map((r) => ({ ...r, passShare: text(r.id), ...withMoves(byClaim.get(r.id)) }));
  return {
    ...state,
    rows,
    linkAssumptions: false,
    passShareNote: shareNote(shares, rows.some((r) => r.movesWith)),
  };
}

/** How the shares were drawn, and what the line under a share means when there is one. */
function shareNote(shares: PassShares, moves: boolean): string {
  const how = `Pass share: the share of ${shares.draws.toLocaleString("en-US")} seeded draws (seed ${shares.seed}) over the assumptions' low–high bands in which the claim holds, the preset's thesis parameters kept; “—” for claims that are not targets.`;
  return moves ? `${how} Under it, the assumptions the claim's value moves with most over those draws (rank correlation beyond noise; ↑ rises with the assumption, ↓ falls).` : how;
}

/** A claim row's "moves with" fields from its shares row (none when the shares came without drivers). */
const withMoves = (share: PassShareRow | undefined) => {
  const items = movesWithItems(share?.drivers);
  return { movesWithItems: items, movesWith: movesWithText(items) };
};

/** Approximate width of a 10.5 px label (the chart font averages under 6 px a character). */
const labelWidth = (text: string) => text.length * 6;

/**
 * Where each segment's label starts: at its segment when there is room, else right after the label before it;
 * the run of labels is then pulled left as far as needed to end inside the chart. Empty segments get no label.
 */
export function labelPositions(segments: readonly { x: number; count: number; label: string }[], width: number): number[] {
  const shown = segments.map((s) => s.count > 0);
  const xs: number[] = [];
  let end = -Infinity;
  segments.forEach((s, k) => {
    const at = shown[k] ? Math.max(s.x + 4, end + 10) : s.x + 4;
    xs.push(at);
    if (shown[k]) end = at + labelWidth(`${s.count} ${s.label}`);
  });
  const over = end - (width - 4);
  if (over > 0) {
    // Shift from the right: each label moves left by the overflow, never before the label before it.
    let limit = width - 4;
    for (let k = segments.length - 1; k >= 0; k--) {
      if (!shown[k]) continue;
      const w = labelWidth(`${segments[k].count} ${segments[k].label}`);
      xs[k] = Math.max(4, Math.min(xs[k], limit - w));
      limit = xs[k] - 10;
    }
  }
  return xs.map(round3);
}
