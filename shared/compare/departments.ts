/**
 * Compares the responsible units of two documents. Names are compared exactly
 * (a district's 区工业和信息化局 is not the city's 市工业和信息化局), and units
 * left over on each side are paired as counterparts when they differ only by
 * administrative level or by 局/委: that is how a district plan mirrors the
 * city plan it implements.
 */
import type { DepartmentComparison, TaskText } from './model.ts';

const LEVEL_PREFIX = /^(?:省|市|区|县)/;
const BODY_SUFFIX = /(?:局|委|厅|办公室|办)$/;

/** The unit's name without level prefix and 局/委 suffix: 区发展改革局 and 市发展改革委 → 发展改革. */
export function counterpartKey(name: string): string {
  const key = name.replace(LEVEL_PREFIX, '').replace(BODY_SUFFIX, '');
  return key.length >= 2 ? key : name;
}

/** Units of a task list with how many tasks name each, most named first (then by name). */
export function unitCounts(tasks: TaskText[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tasks) for (const u of t.units) counts.set(u, (counts.get(u) ?? 0) + 1);
  return new Map([...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
}

/** Units named in both documents, only in A, only in B, and counterparts among the latter two. */
export function compareDepartments(a: TaskText[], b: TaskText[]): DepartmentComparison {
  const inA = unitCounts(a);
  const inB = unitCounts(b);
  const both = [...inA.keys()].filter((n) => inB.has(n));
  const onlyA = [...inA.keys()].filter((n) => !inB.has(n));
  const onlyB = [...inB.keys()].filter((n) => !inA.has(n));
  const freeB = new Map<string, string>();
  for (const n of onlyB) if (!freeB.has(counterpartKey(n))) freeB.set(counterpartKey(n), n);
  const counterparts: DepartmentComparison['counterparts'] = [];
  for (const n of onlyA) {
    const match = freeB.get(counterpartKey(n));
    if (match) {
      counterparts.push({ a: n, b: match });
      freeB.delete(counterpartKey(n));
    }
  }
  return { both, onlyA, onlyB, counterparts };
}
