"use client";
import { Fragment } from "react";
import { ChartFigure, type ChartViewProps } from "./ChartFigure";
import type { CalibrationState } from "./calibrationState";
import { requestParamFocus } from "./paramFocus";

/** The calibration summary bar and table of claims. */
export function CalibrationChart({ state, hover, onHover }: ChartViewProps<CalibrationState>) {
  return (
    <ChartFigure
      chart={state}
      hover={hover}
      onHover={onHover}
      after={
        <div className="calibration">
          <p className="muted" data-pass-share-note="">{state.passShareNote}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Source</th>
                <th scope="col">Target</th>
                <th scope="col">Model</th>
                <th scope="col">Within?</th>
                <th scope="col">Pass share</th>
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
                  <td>
                    <span data-pass-share={r.id}>{r.passShare}</span>
                    {r.movesWithItems.length ? (
                      <>
                        <br />
                        <span className="muted moves-with" data-moves-with={r.id}>
                          moves with{" "}
                          {r.movesWithItems.map((d, k) => (
                            <Fragment key={d.id}>
                              {k ? " " : ""}
                              {/* The separator stays with the item before it, never alone on a line: inside a link's box (which
                                  wraps as a block), right after its last word. */}
                              <span className="moves-item">
                                {state.linkAssumptions ? (
                                  <button type="button" className="linklike" data-moves-with-param={d.id} title="Open this assumption's slider" onClick={() => requestParamFocus(d.id)}>
                                    {d.text}
                                    {k < r.movesWithItems.length - 1 ? <span className="moves-sep" aria-hidden="true">;</span> : null}
                                  </button>
                                ) : (
                                  <>
                                    <span data-moves-with-param={d.id}>{d.text}</span>
                                    {k < r.movesWithItems.length - 1 ? ";" : ""}
                                  </>
                                )}
                              </span>
                            </Fragment>
                          ))}
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      {state.bar.map((b) =>
        b.count ? (
          <g key={b.label}>
            <rect x={b.x} y={4} width={b.width} height={16} fill={b.color} fillOpacity={0.85} />
            <text x={b.labelX} y={34} fontSize={10.5} fill="#1b1f24">{`${b.count} ${b.label}`}</text>
          </g>
        ) : null,
      )}
    </ChartFigure>
  );
}
