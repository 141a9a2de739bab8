/**
 * The manifest's list of pages, stored by column. The manifest is part of
 * every first search, so it holds only what matching, ranking and filtering
 * need for every page — kind, text length, title length, date and filter
 * values — as numbers; a page's URL and title come with its structure file,
 * fetched only for the results shown. Measured at 2,000 documents: the
 * manifest went from 43 KB (gzip; URLs, titles and filters as objects) to
 * the figure in `npm run bench`.
 */
import { decodeNumbers, encodeNumbers } from '../varint.ts';

/** What search knows about a page before any of its files is loaded. */
export interface PageInfo {
  /** Kind of page: "document" or "department". */
  type: string;
  /** Length of the indexed text in UTF-16 units (for length-normalised ranking). */
  length: number;
  /** Length of the title, the first block of the text (a match starting before it is in the title). */
  titleLength: number;
  /** ISO date ("2024-07-30"), or '' when the page has none. */
  date: string;
  /** Filter values by key: { level: ["市级"], region: ["山东省", "济南市"], … }. */
  filters: Record<string, string[]>;
}

/** The columns as stored. */
export interface PageTable {
  /** Runs of page kinds in index order: [["document", 2019], ["department", 767]]. */
  types: Array<[string, number]>;
  length: string;
  titleLength: string;
  /** Days since 1970-01-01 plus one; 0 for no date. */
  date: string;
  /** Per filter key: its values, and per page the number of values it has followed by their indexes. */
  filters: Record<string, { values: string[]; pages: string }>;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  if (!iso) return 0;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`search index: "${iso}" is not an ISO date`);
  return Math.round(ms / DAY_MS) + 1;
}

function isoDate(day: number): string {
  return day === 0 ? '' : new Date((day - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Stores pages as columns (their order is kept; runs of one kind must be contiguous to stay short). */
export function encodePageTable(pages: readonly PageInfo[]): PageTable {
  const types: Array<[string, number]> = [];
  for (const p of pages) {
    const run = types[types.length - 1];
    if (run && run[0] === p.type) run[1]++;
    else types.push([p.type, 1]);
  }
  const keys = [...new Set(pages.flatMap((p) => Object.keys(p.filters)))].sort();
  const filters: PageTable['filters'] = {};
  for (const key of keys) {
    const values = [...new Set(pages.flatMap((p) => p.filters[key] ?? []))].sort();
    const index = new Map(values.map((v, i) => [v, i]));
    filters[key] = { values, pages: encodeNumbers(pages.flatMap((p) => [(p.filters[key] ?? []).length, ...(p.filters[key] ?? []).map((v) => index.get(v)!)])) };
  }
  return {
    types,
    length: encodeNumbers(pages.map((p) => p.length)),
    titleLength: encodeNumbers(pages.map((p) => p.titleLength)),
    date: encodeNumbers(pages.map((p) => dayNumber(p.date))),
    filters,
  };
}

/** Reads the columns back into one PageInfo per page. */
export function decodePageTable(table: PageTable): PageInfo[] {
  const length = decodeNumbers(table.length, "the search index's page lengths");
  const titleLength = decodeNumbers(table.titleLength, "the search index's title lengths");
  const date = decodeNumbers(table.date, "the search index's dates");
  const pages: PageInfo[] = [];
  for (const [type, count] of table.types) for (let i = 0; i < count; i++) pages.push({ type, length: 0, titleLength: 0, date: '', filters: {} });
  if (length.length !== pages.length || titleLength.length !== pages.length || date.length !== pages.length) {
    throw new Error('search index: the page table columns differ in length');
  }
  pages.forEach((p, i) => {
    p.length = length[i];
    p.titleLength = titleLength[i];
    p.date = isoDate(date[i]);
  });
  for (const [key, { values, pages: encoded }] of Object.entries(table.filters)) {
    const numbers = decodeNumbers(encoded, `the search index's filter ${key}`);
    let at = 0;
    for (const p of pages) {
      const count = numbers[at++];
      if (count > 0) p.filters[key] = numbers.slice(at, at + count).map((n) => values[n]);
      at += count;
    }
  }
  return pages;
}
