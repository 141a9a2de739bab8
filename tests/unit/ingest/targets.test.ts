import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../../scripts/ingest/rules/markers.ts';
import { SENTENCE_END } from '../../../scripts/ingest/rules/lines.ts';
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
    const context = existsSync(join(dir, 'context.json')) ? JSON.parse(readFileSync(join(dir, 'context.json'), 'utf8')) : undefined;
    // Evidence repeats the input's sentences; tested on its own below.
    const found = extractTargets(input, context).map(({ evidence: _evidence, yearEvidence: _yearEvidence, ...target }) => target);
    expect(found).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
  });
});

describe('extractTargets', () => {
  it('reads the 350亿元 target of 000 发展目标 with year 2026 from the real, wrapped seed text', () => {
    const lines = seedLines('000_78c7405c68261ac8.txt');
    const start = lines.findIndex((l) => l.trim().startsWith('到 2026 年，工业增加值'));
    const end = lines.findIndex((l, i) => i > start && l.trim().endsWith('20 家以上。'));
    const text = lines
      .slice(start, end + 1)
      .map((l) => l.trim())
      .join('');
    const found = extractTargets(text, { line: start + 1 });
    const sentence = found[0].evidence;
    expect(sentence.line).toBe(start + 1);
    expect(text.startsWith(sentence.text)).toBe(true);
    const printed2026 = { year: 2026, yearFrom: 'printed', period: 'by-year', evidence: sentence };
    expect(found).toEqual([
      {
        text: '规模以上工业营业收入突破 350 亿元',
        indicator: '规模以上工业营业收入',
        value: 350,
        valueText: '350',
        unit: '亿元',
        quantity: '350 亿元',
        comparator: 'gt',
        ...printed2026,
      },
      {
        text: '信息传输、软件和信息技术服务业以及先进制造业、电力热力燃气及水生产和供应业等重点产业规模总量超过 550 亿元',
        indicator: '重点产业规模总量',
        value: 550,
        valueText: '550',
        unit: '亿元',
        quantity: '550 亿元',
        comparator: 'gt',
        ...printed2026,
      },
      {
        text: '制造业占规模以上工业比重达到 50%以上',
        indicator: '制造业占规模以上工业比重',
        value: 50,
        valueText: '50',
        unit: '%',
        quantity: '50%以上',
        comparator: 'gte',
        ...printed2026,
      },
      {
        text: '亿元以上工业企业达到 20 家以上',
        indicator: '亿元以上工业企业',
        value: 20,
        valueText: '20',
        unit: '家',
        quantity: '20 家以上',
        comparator: 'gte',
        ...printed2026,
      },
    ]);
  });

  it('takes the year from context when the sentence states none, marked inherited with where it is written, and never a 比2020年 baseline', () => {
    const period = { text: '济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）', line: 3 };
    expect(extractTargets('单位工业增加值能耗比2020年降低17%左右。', { year: 2025, yearEvidence: period, line: 9 })).toEqual([
      {
        text: '单位工业增加值能耗比2020年降低17%左右',
        indicator: '单位工业增加值能耗比2020年降低',
        value: 17,
        valueText: '17',
        unit: '%',
        quantity: '17%左右',
        comparator: 'approx',
        year: 2025,
        yearFrom: 'inherited',
        yearEvidence: period,
        period: 'by-year',
        evidence: { text: '单位工业增加值能耗比2020年降低17%左右', line: 9 },
      },
    ]);
    expect(extractTargets('每年实施省级技术创新项目30项以上。')[0]).not.toHaveProperty('year');
  });

  it('gives the year a sentence opens with to the later sentences of the text', () => {
    const text = '到2027年，传统产业加速转型升级。产业链韧性不断提升，重点行业先进产能占比超过60%。';
    expect(extractTargets(text, { year: 2030, line: 813 })).toMatchObject([
      { value: 60, year: 2027, yearFrom: 'inherited', yearEvidence: { text: '到2027年，传统产业加速转型升级', line: 813 }, period: 'by-year' },
    ]);
  });

  it('reads full-width digits and ranges as numbers and keeps them as printed', () => {
    expect(extractTargets('质量管理体系认证证书数量突破１２０００张,培育３－５个创新创业集聚区,农村宽带用户达到1.5万户.', { year: 2025 })).toMatchObject([
      { value: 12000, valueText: '１２０００', unit: '张', quantity: '１２０００张' },
      { value: 3, upper: 5, valueText: '３－５', unit: '个' },
      { value: 1.5, valueText: '1.5', unit: '万户' },
    ]);
  });

  it('marks yearly and cumulative targets, and takes no context year for a yearly one', () => {
    const found = extractTargets('力争每年新增省级以上研发机构2家，备案市级以上众创空间2家，三年累计引进青年人才1000名以上，单位能耗比2020年降低17%左右。', {
      year: 2025,
    });
    expect(found.map((t) => [t.value, t.period, t.year])).toEqual([
      [2, 'yearly', undefined],
      [2, 'yearly', undefined],
      [1000, 'cumulative', 2025],
      [17, 'by-year', 2025],
    ]);
    expect(extractTargets('到2027年每年发布100项左右绿色低碳技术成果目录。')).toMatchObject([
      { value: 100, period: 'yearly', year: 2027, yearFrom: 'printed' },
    ]);
  });

  it("reads “十四五”期间 as the plan period's last year, printed", () => {
    expect(extractTargets('“十四五”期间规模以上工业单位增加值能耗下降17%左右。')).toMatchObject([
      { indicator: '规模以上工业单位增加值能耗下降', value: 17, year: 2025, yearFrom: 'printed' },
    ]);
    expect(extractTargets('落实《“十四五”期间节能规划》，新增绿色工厂5家以上。')[0]).not.toHaveProperty('year');
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
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const all = seeds.flatMap((file) => seedParagraphs(file).flatMap((p) => extractTargets(p.text).map((target) => ({ file, paragraph: p.text, target }))));

  it('measures targets per seed', () => {
    const counts: Record<string, number> = {};
    for (const { file } of all) counts[file.slice(0, 3)] = (counts[file.slice(0, 3)] ?? 0) + 1;
    expect(counts).toEqual({ '000': 21, '001': 58, '002': 34, '003': 2, '004': 186 });
  });

  it('returns only verbatim substrings: fragment of the paragraph, indicator and value of the fragment', () => {
    const bad = all.filter(
      ({ paragraph, target: t }) =>
        t.indicator === '' ||
        !paragraph.includes(t.text) ||
        !t.text.includes(t.indicator) ||
        !t.text.includes(t.valueText) ||
        !t.text.includes(t.unit) ||
        !t.text.includes(t.quantity),
    );
    expect(bad).toEqual([]);
  });

  it('states only plausible target years', () => {
    const years = [...new Set(all.map(({ target }) => target.year).filter((y) => y !== undefined))].sort();
    expect(years).toEqual([2025, 2026, 2027, 2030]);
  });

  it('reads only the plan in the news article, not its past figures', () => {
    expect(all.filter(({ file }) => file.startsWith('003')).map(({ target }) => target)).toMatchObject([
      { text: '新增省级以上研发机构2家', indicator: '省级以上研发机构', value: 2, unit: '家', comparator: 'eq' },
      { text: '备案市级以上众创空间、科技孵化器2家', indicator: '市级以上众创空间、科技孵化器', value: 2, unit: '家', comparator: 'eq' },
    ]);
  });
});
