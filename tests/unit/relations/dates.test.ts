/** Dates and durations as policy documents write them. */
import { describe, expect, it } from 'vitest';
import { dayBefore, endAfterYears, firstDay, lastDay, readDate, readNumber, yearsOf } from '../../../scripts/relations/dates.ts';

describe('dates', () => {
  it('reads numbers in Arabic, full-width and Chinese numerals', () => {
    expect([readNumber('3'), readNumber('３'), readNumber('五'), readNumber('两'), readNumber('十'), readNumber('十二'), readNumber('二十五')]).toEqual([
      3, 3, 5, 2, 10, 12, 25,
    ]);
    expect([readNumber(''), readNumber('十十'), readNumber('年')]).toEqual([null, null, null]);
  });

  it('reads a written date to the precision written, and refuses impossible days', () => {
    expect(readDate('2019年8月20日')).toEqual({ year: 2019, month: 8, day: 20 });
    expect(readDate('2025年 8 月')).toEqual({ year: 2025, month: 8 });
    expect(readDate('2026年')).toEqual({ year: 2026 });
    expect(readDate('2025年2月30日')).toBeNull();
    expect(readDate('2025年13月')).toBeNull();
  });

  it('gives the first and last day a written date covers', () => {
    expect(firstDay({ year: 2025, month: 8 })).toBe('2025-08-01');
    expect(lastDay({ year: 2025, month: 8 })).toBe('2025-08-31');
    expect(lastDay({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(lastDay({ year: 2026 })).toBe('2026-12-31');
  });

  it('ends a period of N years the day before its anniversary', () => {
    expect(endAfterYears('2025-01-01', 3)).toBe('2027-12-31');
    expect(endAfterYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });

  it('lists the years a span touches, an open end running to the last year given', () => {
    expect(yearsOf('2024-12-17', '2025-08-31', 2030)).toEqual([2024, 2025]);
    expect(yearsOf('2019-08-20', null, 2022)).toEqual([2019, 2020, 2021, 2022]);
  });
});
