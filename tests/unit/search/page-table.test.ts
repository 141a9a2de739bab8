import { describe, expect, it } from 'vitest';
import { decodePageTable, encodePageTable, type PageInfo } from '../../../shared/search/page-table.ts';

const pages: PageInfo[] = [
  { type: 'document', length: 12_345, titleLength: 20, date: '2024-07-30', filters: { level: ['市级'], region: ['山东省', '济南市'] } },
  { type: 'document', length: 800, titleLength: 0, date: '', filters: { level: ['省级'], region: ['山东省'] } },
  { type: 'department', length: 5, titleLength: 5, date: '', filters: {} },
];

describe('the manifest’s page table', () => {
  it('round-trips kinds, lengths, dates and filter values', () => {
    expect(decodePageTable(encodePageTable(pages))).toEqual(pages);
  });
  it('stores kinds as runs and each filter value once', () => {
    const table = encodePageTable(pages);
    expect(table.types).toEqual([
      ['document', 2],
      ['department', 1],
    ]);
    expect(table.filters.region.values).toEqual(['山东省', '济南市']);
  });
  it('rejects columns of different lengths', () => {
    expect(() => decodePageTable({ ...encodePageTable(pages), length: '1' })).toThrow(/differ in length/);
  });
});
