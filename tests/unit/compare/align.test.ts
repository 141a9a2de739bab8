import { describe, expect, it } from 'vitest';
import { alignRows, alignTasks, matchTasks } from '../../../shared/compare/align.ts';
import { documentVectors } from '../../../scripts/compare/corpus.ts';
import { JINAN_001, SHIZHONG_2024, seeds } from './seeds.ts';

describe('aligning the tasks of two documents', () => {
  const { corpus } = seeds();
  const tasksA = corpus.byDoc.get(SHIZHONG_2024)!;
  const tasksB = corpus.byDoc.get(JINAN_001)!;
  const rows = alignTasks(documentVectors(corpus, SHIZHONG_2024), documentVectors(corpus, JINAN_001));
  const partner = (eid: string) => {
    const row = rows.find((r) => r.a !== undefined && tasksA[r.a].eid === eid);
    return row?.b === undefined ? undefined : tasksB[row.b];
  };

  it('pairs 市中区 task 13 (加大要素保障力度) with 001 task 14 (强化要素保障)', () => {
    expect(partner('item_13')).toMatchObject({ eid: 'item_14', title: '强化要素保障' });
  });

  it('pairs 市中区 task 14 (建设高素质人才队伍) with 001 task 18', () => {
    expect(partner('item_14')).toMatchObject({ eid: 'item_18', title: '加强产业人才队伍建设' });
  });

  it('pairs 市中区 task 16 (加强组织领导) with 001 task 19', () => {
    expect(partner('item_16')).toMatchObject({ eid: 'item_19', title: '加强组织领导' });
  });

  it('shows every task of both documents exactly once, each side in its own order', () => {
    const a = rows.filter((r) => r.a !== undefined).map((r) => r.a);
    const b = rows.filter((r) => r.b !== undefined && !r.moved).map((r) => r.b!);
    expect(a).toEqual(tasksA.map((_, i) => i));
    expect(b).toEqual([...b].sort((x, y) => x - y));
    expect(
      rows
        .filter((r) => r.b !== undefined)
        .map((r) => r.b!)
        .sort((x, y) => x - y),
    ).toEqual(tasksB.map((_, i) => i));
  });

  it('gives each matched row its score and leaves lone tasks without one', () => {
    for (const r of rows) expect(r.score === undefined).toBe(r.a === undefined || r.b === undefined);
  });
});

describe('greedy one-to-one matching', () => {
  it('gives a contested task to the closer partner and the other its next best', () => {
    // A0 and A1 both prefer B0; A0 is closer, so A1 takes B1.
    expect(
      matchTasks(
        [
          [0.9, 0.1],
          [0.8, 0.5],
        ],
        0.1,
      ),
    ).toEqual([
      [0, 0, 0.9],
      [1, 1, 0.5],
    ]);
  });

  it('leaves tasks unpaired below the threshold', () => {
    expect(matchTasks([[0.05]], 0.1)).toEqual([]);
  });
});

describe('row layout', () => {
  it('puts a lone task of B right after the row of the B task before it', () => {
    expect(
      alignRows(2, 3, [
        [0, 0, 0.5],
        [1, 2, 0.4],
      ]),
    ).toEqual([{ a: 0, b: 0, score: 0.5 }, { b: 1 }, { a: 1, b: 2, score: 0.4 }]);
  });

  it('flags a B task matched out of B’s order and keeps A’s order', () => {
    const rows = alignRows(3, 3, [
      [0, 1, 0.5],
      [1, 2, 0.5],
      [2, 0, 0.9],
    ]);
    expect(rows.map((r) => [r.a, r.b, r.moved ?? false])).toEqual([
      [0, 1, false],
      [1, 2, false],
      [2, 0, true],
    ]);
  });

  it('puts lone B tasks before the first row when nothing precedes them', () => {
    expect(alignRows(1, 2, [[0, 1, 0.3]])).toEqual([{ b: 0 }, { a: 0, b: 1, score: 0.3 }]);
  });
});
