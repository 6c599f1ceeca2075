import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import { passShareText, type CalibrationState } from "./calibrationState";

/** A label's width at 10.5 px, estimated generously (0.62 em per character), without measuring. */
const labelWidth = (text: string) => text.length * 10.5 * 0.62;

/** The calibration summary bar and table of claims. */
export function CalibrationChart({ state, hover, onHover }: ChartViewProps<CalibrationState>) {
  return (
    <ChartFigure
      chart={state}
      hover={hover}
      onHover={onHover}
      after={
        <div className="calibration">
          <table>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Source</th>
                <th scope="col">Target</th>
                <th scope="col">Model</th>
                <th scope="col">Within?</th>
                {state.passShares ? <th scope="col" title={`Share of ${state.passShares.draws} seeded draws (seed ${state.passShares.seed}) of every assumption over its band, the claim's thesis held fixed, in which the claim holds`}>Pass share</th> : null}
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.id} data-claim={r.id} className={r.current ? "current" : undefined}>
                  <td>{r.claim}<br /><span className="muted">preset: {r.presetId}</span></td>
                  <td className="muted">{r.source}</td>
                  <td>{r.target}</td>
                  <td>{r.model}</td>
                  <td style={{ color: r.color, fontWeight: 600 }}>{r.verdict}</td>
                  {state.passShares ? <td data-pass-share={r.id}>{passShareText(state.passShares, r.id)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          {state.passShares ? (
            <p className="muted calibration-note">
              Pass share: of {state.passShares.draws} seeded draws (seed {state.passShares.seed}) of every assumption over its low–high band, with the
              claim&apos;s own thesis held at its preset, the share in which the claim holds; “—” for claims that are context or inputs.
            </p>
          ) : null}
        </div>
      }
    >
      {state.bar.map((b) =>
        b.count ? (
          <g key={b.label}>
            <rect x={b.x} y={4} width={b.width} height={16} fill={b.color} fillOpacity={0.85} />
            {/* A label that would run past the chart's right edge is right-aligned to it instead. */}
            {b.x + 4 + labelWidth(`${b.count} ${b.label}`) > state.width - 4
              ? <text x={state.width - 4} y={34} fontSize={10.5} fill="#1b1f24" textAnchor="end">{`${b.count} ${b.label}`}</text>
              : <text x={b.x + 4} y={34} fontSize={10.5} fill="#1b1f24">{`${b.count} ${b.label}`}</text>}
          </g>
        ) : null,
      )}
    </ChartFigure>
  );
}
