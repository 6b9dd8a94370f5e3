// Numbers as files write them: computed ratios carry binary noise (30.35 % comes out of the division as
// 30.349999999999998), which a reader or another tool would take as data. Twelve significant digits
// keep every figure the app holds and drop the noise.
export function plainNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : String(n);
}
