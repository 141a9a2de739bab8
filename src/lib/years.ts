/** Years as readers write them. */

/** Consecutive years as ranges: [2024, 2025, 2026] → "2024—2026年"; [2020, 2023] → "2020年、2023年". */
export function yearSpan(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const y of sorted) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}年` : `${a}—${b}年`)).join('、');
}
