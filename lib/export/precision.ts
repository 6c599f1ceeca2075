/**
 * Significant digits an exported number keeps, by its unit: enough to reproduce every chart and metric, few
 * enough that a cell reads as a number a person would write (95550000, not 95549999.99999999).
 */
export function significantDigits(unit: string): number {
  const u = unit.toLowerCase();
  if (/share|%|ratio|index|×|mw cpu \/ mw gpu/.test(u)) return 4;
  if (/usd/.test(u)) return 5;
  return 6;
}

/** A number rounded to `digits` significant digits, as a number (so formats and sums work on it). */
export function roundSignificant(v: number, digits: number): number {
  if (!Number.isFinite(v) || v === 0) return v === 0 ? 0 : v;
  return Number(v.toPrecision(Math.max(1, Math.min(15, Math.round(digits)))));
}

/** A number as an export cell: rounded for its unit, written without an exponent up to 1e21; "" when not finite. */
export function exportNumber(v: number, unit: string): string {
  if (!Number.isFinite(v)) return "";
  const r = roundSignificant(v, significantDigits(unit));
  return Object.is(r, -0) ? "0" : String(r);
}
