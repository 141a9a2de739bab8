import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKERS, SENTENCE_END } from '../../../scripts/ingest/rules.ts';
import { extractTargets } from '../../../scripts/ingest/targets.ts';

const FIXTURES = 'tests/fixtures/targets';
const SEEDS = 'seeds';

/** The physical lines of a seed file. */
function seedLines(file: string): string[] {
  return readFileSync(join(SEEDS, file), 'utf8').split(/\r?\n/);
}

/**
 * Crude logical paragraphs of a seed, enough to measure this stage before the
 * normaliser exists: wrapped lines are joined without spaces, a paragraph ends at
 * a numbered marker, at sentence-final punctuation and at a table row.
 */
function seedParagraphs(file: string): Array<{ line: number; text: string }> {
  const paragraphs: Array<{ line: number; text: string }> = [];
  let current: { line: number; text: string } | null = null;
  seedLines(file).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const marker = Object.values(MARKERS).some((re) => re.test(line));
    if (!current || marker || raw.includes('\t')) {
      if (current) paragraphs.push(current);
      current = { line: i + 1, text: line };
    } else current.text += line;
    if (SENTENCE_END.test(line) || raw.includes('\t')) {
      paragraphs.push(current);
      current = null;
    }
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

describe('extractTargets fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.txt')));
  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const input = readFileSync(join(dir, 'input.txt'), 'utf8').replace(/\n$/, '');
    const context = existsSync(join(dir, 'context.json'))
      ? JSON.parse(readFileSync(join(dir, 'context.json'), 'utf8'))
      : undefined;
    expect(extractTargets(input, context)).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  });
});

describe('extractTargets', () => {
  it('reads the 350亿元 target of 000 发展目标 with year 2026 from the real, wrapped seed text', () => {
    const lines = seedLines('000_78c7405c68261ac8.txt');
    const start = lines.findIndex((l) => l.trim().startsWith('到 2026 年，工业增加值'));
    const end = lines.findIndex((l, i) => i > start && l.trim().endsWith('20 家以上。'));
    const text = lines.slice(start, end + 1).map((l) => l.trim()).join('');
    expect(extractTargets(text)).toEqual([
      { text: '规模以上工业营业收入突破 350 亿元', indicator: '规模以上工业营业收入', value: '350', unit: '亿元', comparator: 'gte', year: 2026 },
      {
        text: '信息传输、软件和信息技术服务业以及先进制造业、电力热力燃气及水生产和供应业等重点产业规模总量超过 550 亿元',
        indicator: '重点产业规模总量', value: '550', unit: '亿元', comparator: 'gte', year: 2026,
      },
      { text: '制造业占规模以上工业比重达到 50%以上', indicator: '制造业占规模以上工业比重', value: '50', unit: '%', comparator: 'gte', year: 2026 },
      { text: '亿元以上工业企业达到 20 家以上', indicator: '亿元以上工业企业', value: '20', unit: '家', comparator: 'gte', year: 2026 },
    ]);
  });

  it('takes the year from context when the sentence states none, and never a 比2020年 baseline', () => {
    expect(extractTargets('单位工业增加值能耗比2020年降低17%左右。', { year: 2025 })).toEqual([
      { text: '单位工业增加值能耗比2020年降低17%左右', indicator: '单位工业增加值能耗比2020年降低', value: '17', unit: '%', comparator: 'approx', year: 2025 },
    ]);
    expect(extractTargets('每年实施省级技术创新项目30项以上。')[0]).not.toHaveProperty('year');
  });

  it('does not read a period or a dated title as the target year', () => {
    expect(extractTargets('实施《行动计划（2024—2026年）》，到2027年，培育重点视听企业300家以上。')[0].year).toBe(2027);
    expect(extractTargets('按照2024—2026年工作安排，培育重点视听企业300家以上。', { year: 2026 })[0].year).toBe(2026);
  });

  // Speed is measured by `npm run bench` (ingest MB/s), never by timed tests.
  it('reads every repetition of a long repeated text', () => {
    const sentence = '到2026年，累计培育重点骨干数字企业40家以上、首版次高端软件和大数据优秀产品50个以上，规模以上工业企业数量突破100家。';
    expect(extractTargets(sentence.repeat(2000))).toHaveLength(2000 * extractTargets(sentence).length);
  });
});

describe('extractTargets on the seeds', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const all = seeds.flatMap((file) =>
    seedParagraphs(file).flatMap((p) => extractTargets(p.text).map((target) => ({ file, paragraph: p.text, target }))),
  );

  it('measures targets per seed', () => {
    const counts: Record<string, number> = {};
    for (const { file } of all) counts[file.slice(0, 3)] = (counts[file.slice(0, 3)] ?? 0) + 1;
    expect(counts).toEqual({ '000': 21, '001': 58, '002': 34, '003': 2, '004': 186 });
  });

  it('returns only verbatim substrings: fragment of the paragraph, indicator and value of the fragment', () => {
    const bad = all.filter(
      ({ paragraph, target: t }) =>
        t.indicator === '' || !paragraph.includes(t.text) || !t.text.includes(t.indicator) || !t.text.includes(t.value) || !t.text.includes(t.unit),
    );
    expect(bad).toEqual([]);
  });

  it('states only plausible target years', () => {
    const years = [...new Set(all.map(({ target }) => target.year).filter((y) => y !== undefined))].sort();
    expect(years).toEqual([2025, 2026, 2027, 2030]);
  });

  it('reads only the plan in the news article, not its past figures', () => {
    expect(all.filter(({ file }) => file.startsWith('003')).map(({ target }) => target)).toEqual([
      { text: '新增省级以上研发机构2家', indicator: '省级以上研发机构', value: '2', unit: '家', comparator: 'eq' },
      { text: '备案市级以上众创空间、科技孵化器2家', indicator: '市级以上众创空间、科技孵化器', value: '2', unit: '家', comparator: 'eq' },
    ]);
  });
});
