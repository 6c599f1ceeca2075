/**
 * The bucket keys of the quantile sketch: a monotone approximation of log₂ read from a double's bits, in place
 * of Math.log (measured: it saves about 4 of the ~7 ns Math.log took per value; adding a value costs ~24 ns at ±0.5 %).
 *
 * A positive double is v = (1 + s) · 2^e with s ∈ [0, 1). Its key is ⌈L(v) · multiplier⌉ with
 * L(v) = e + P(s), P(s) = A s³ + B s² + C s, A = 6/35, B = −3/5, C = 10/7: the cubic through P(0) = 0 and
 * P(1) = 1 that keeps L continuous and increasing across powers of two (the interpolation of DDSketch's
 * "cubically interpolated" mapping). A bucket spans ΔL = 1 / multiplier, and over it ln v moves at most
 * max d ln v / dL × ΔL. With d ln v / dL = 1 / ((1 + s) P′(s)), whose largest value on [0, 1] is 7/10 (at s = 0
 * and s = 2/3, where (1 + s) P′(s) = 10/7 is least), choosing multiplier = 0.7 / ln γ makes every bucket's
 * upper bound at most γ times its lower bound. The bucket's representative 2 lo hi / (lo + hi) is then within
 * (γ − 1) / (γ + 1) = α of every value in it, as with exact logarithms, for about 1 % more buckets
 * (0.7 against ln 2 = 0.693).
 */

const A = 6 / 35, B = -3 / 5, C = 10 / 7;
/** The largest d ln v / dL of the cubic mapping (see above). */
const MAX_SLOPE = 0.7;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Which 32-bit half holds the sign, exponent and top of the mantissa (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;
const TWO_M20 = 2 ** -20, TWO_M52 = 2 ** -52;

/** L(v) = e + P(s) for a positive, normal, finite double v (the sketch only maps v above 1e-12). */
export function approxLog2(v: number): number {
  f64[0] = v;
  const hi = u32[HI];
  const s = (hi & 0xfffff) * TWO_M20 + u32[LO] * TWO_M52;
  return (hi >>> 20) - 1023 + ((A * s + B) * s + C) * s;
}

/** The inverse of approxLog2: the v with L(v) = x (P inverted by Newton's method, P′ ≥ 26/35 on [0, 1]). */
export function approxPow2(x: number): number {
  const e = Math.floor(x), r = x - e;
  let s = r;
  for (let i = 0; i < 40; i++) {
    const d = (((A * s + B) * s + C) * s - r) / ((3 * A * s + 2 * B) * s + C);
    s -= d;
    if (Math.abs(d) < 1e-16) break;
  }
  return (1 + Math.min(1, Math.max(0, s))) * 2 ** e;
}

/** The multiplier of keys for a relative accuracy α: buckets of ratio at most γ = (1 + α) / (1 − α). */
export function keyMultiplier(relativeAccuracy: number): number {
  return MAX_SLOPE / Math.log((1 + relativeAccuracy) / (1 - relativeAccuracy));
}

/** The representative of bucket k (values v with ⌈L(v) · multiplier⌉ = k): 2 lo hi / (lo + hi). */
export function bucketValue(k: number, multiplier: number): number {
  const lo = approxPow2((k - 1) / multiplier), hi = approxPow2(k / multiplier);
  return (2 * lo) / (1 + lo / hi); // = 2 lo hi / (lo + hi), without overflowing lo × hi near 1e308
}
