import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../../scripts/ingest/rules/markers.ts';
import { SENTENCE_END } from '../../../scripts/ingest/rules/lines.ts';
import { extractUnits, findStandingClauses, isUnitName } from '../../../scripts/ingest/units.ts';

const FIXTURES = 'tests/fixtures/units';
const SEEDS = 'seeds';
/** Set UPDATE_FIXTURES=1 to rewrite the seed measurement after reviewing a deliberate change. */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

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

/** Outermost brackets of a text with the character after each, as written. */
function topLevelBrackets(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if ('（(〔'.includes(text[i])) {
      if (depth++ === 0) open = i;
    } else if ('）)〕'.includes(text[i]) && depth > 0 && --depth === 0) {
      found.push(text.slice(open, i + 2));
    }
  }
  return found;
}

describe('extractUnits fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.txt')));
  it.each(cases)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8').replace(/\n$/, '');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8'));
    const { units, diagnostics } = extractUnits(input, { file: 'input.txt', line: 1 });
    // Evidence is the clause each unit was read from; tested on its own below.
    expect({ units: units.map(({ evidence: _evidence, ...unit }) => unit), diagnostics }).toEqual(expected);
  });
});

describe('unit evidence', () => {
  it('keeps the bracketed clause a unit was read from, with its line', () => {
    const text = '推动科技成果转化。（牵头单位：省卫生健康委，参加单位：省大数据局）';
    const { units } = extractUnits(text, { file: 'f', line: 15 });
    expect(units.map((u) => u.evidence)).toEqual([
      { text: '（牵头单位：省卫生健康委，参加单位：省大数据局）', line: 15, scope: 'task' },
      { text: '（牵头单位：省卫生健康委，参加单位：省大数据局）', line: 15, scope: 'task' },
    ]);
  });

  it('keeps a labelled run outside brackets up to the end of its sentence', () => {
    const { units } = extractUnits('2、相关单位：投资促进局、各街道园区。其他说明。', { file: 'f', line: 3 });
    expect(units[0].evidence).toEqual({ text: '相关单位：投资促进局、各街道园区', line: 3, scope: 'task' });
  });
});

describe('findStandingClauses', () => {
  const at = { file: 'f', line: 57 };

  it('reads the units a clause gives to every later task', () => {
    const text = '（责任单位：省工业和信息化厅，各市（含定州、辛集市，下同）政府、雄安新区管委会。以下均需各市政府、雄安新区管委会落实，不再列出）';
    expect(findStandingClauses(text, at)).toEqual([
      { kind: 'name-note', name: '各市政府', note: '含定州、辛集市，下同', evidence: { text: '各市（含定州、辛集市，下同）政府', line: 57 } },
      { kind: 'later-tasks', units: ['各市政府', '雄安新区管委会'], evidence: { text: '以下均需各市政府、雄安新区管委会落实，不再列出', line: 57 } },
    ]);
  });

  it('reads the wordings of Qingdao and Cangzhou, a name split by 、 kept whole', () => {
    expect(findStandingClauses('（责任单位：市体育局，各区、市政府，以下各项工作均需各区、市政府落实，不再一一列出）', at)).toMatchObject([
      { kind: 'later-tasks', units: ['各区、市政府'] },
    ]);
    expect(findStandingClauses('〔责任单位：市财政局，以下责任分工均涉及各县（市、区）人民政府、管委会，不再重复列出〕', at)).toMatchObject([
      { kind: 'later-tasks', units: ['各县（市、区）人民政府', '管委会'] },
    ]);
  });

  it('reads "列第一位的为牵头单位，下同" as a rule for later lists, but not the same words without 下同', () => {
    expect(findStandingClauses('（责任单位：省科技厅、省发展改革委，列第一位的为牵头单位，下同。）', at)).toEqual([
      { kind: 'first-leads', evidence: { text: '列第一位的为牵头单位，下同', line: 57 } },
    ]);
    expect(findStandingClauses('（责任单位：省科技厅、省发展改革委，列第一位的为牵头单位）', at)).toEqual([]);
  });

  it('does not take an ordinary "以下" sentence or a note without 下同 for a clause', () => {
    expect(findStandingClauses('以下简称“十条措施”，不再列出具体条款。各市（含定州、辛集市）政府负责。', at)).toEqual([]);
  });
});

describe('extractUnits', () => {
  it('finds the 12 responsible units of 000 item 1 in the real seed text', () => {
    const lines = seedLines('000_78c7405c68261ac8.txt');
    const start = lines.findIndex((l) => l.trim().startsWith('1.优化产业规划布局'));
    const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('2.'));
    const text = lines
      .slice(start, end)
      .map((l) => l.trim())
      .join('');
    const { units, diagnostics } = extractUnits(text, { file: '000_78c7405c68261ac8.txt', line: start + 1 });
    expect(units.map((u) => u.name)).toEqual([
      '区发展改革局',
      '区科技局',
      '区工业和信息化局',
      '区自然资源局',
      '区投资促进局',
      '济南中央活力区发展促进中心',
      '济南能源互联网产业发展促进中心',
      '市中城发集团',
      '市中产发有限公司',
      '市中财金集团',
      '市生态环境局市中分局',
      '各街道办事处',
    ]);
    expect(units.every((u) => u.role === 'responsible')).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('names the file and line of an unclosed unit list and says how to fix it', () => {
    const { diagnostics } = extractUnits('（责任单位：区财政局、区发展改革局', { file: '000_x.txt', line: 72 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'extract/unbalanced', file: '000_x.txt', line: 72 });
    expect(diagnostics[0].message).toContain('000_x.txt:72');
    expect(diagnostics[0].hint).toBeTruthy();
  });

  it('does not warn about an unclosed bracket that is not a unit list', () => {
    expect(extractUnits('各市（含定州、辛集市', { file: 'f', line: 1 })).toEqual({ units: [], diagnostics: [] });
  });

  it('takes a bare list only at the end of a sentence or paragraph', () => {
    const ctx = { file: 'f', line: 1 };
    expect(extractUnits('给予资金支持（市科委、中关村管委会）。', ctx).units).toHaveLength(2);
    expect(extractUnits('给予资金支持（市科委、中关村管委会）', ctx).units).toHaveLength(2);
    expect(extractUnits('由（市科委、中关村管委会）负责组织', ctx).units).toEqual([]);
  });

  it('accepts a 牵头/配合 phrase only when every name looks like a unit', () => {
    const ctx = { file: 'f', line: 1 };
    expect(extractUnits('（鼓励领军企业牵头）', ctx).units).toEqual([]);
    expect(extractUnits('（市经济和信息化局牵头）', ctx).units).toMatchObject([{ name: '市经济和信息化局', role: 'lead' }]);
  });

  // Speed is measured by `npm run bench` (ingest MB/s), never by timed tests.
  it('reads a long repeated text without losing units', () => {
    const sentence = '推进重点项目建设，加快产业集聚。（责任单位：区发展改革局、区工业和信息化局、各街道办事处）';
    expect(extractUnits(sentence.repeat(4000), { file: 'f', line: 1 }).units.map((u) => u.name)).toEqual(['区发展改革局', '区工业和信息化局', '各街道办事处']);
  });
});

describe('isUnitName', () => {
  it('accepts department, government, company and collective names', () => {
    const names = [
      '区委宣传部',
      '市科委',
      '中关村管委会',
      '区工业和信息化局',
      '省工业和信息化厅',
      '市口岸物流办',
      '区园区管理服务中心',
      '济南中央活力区发展促进中心',
      '各区县政府',
      '各街道',
      '各街道办事处',
      '市中城发集团',
      '市中产发有限公司',
      '人民银行济南营管部',
      '人民银行莱芜中支',
      '济南机场海关',
      '区纪委监委机关',
      '消防救援支队',
      '市高质量招商引资指挥部办公室',
      '省文联',
      '市贸促会',
      '有关部门',
      '省直相关部门',
      '各县（市、区）人民政府',
      '中国人民银行山东省分行',
    ];
    expect(names.filter((n) => !isUnitName(n))).toEqual([]);
  });

  it('rejects words that only end like a unit, and anything with digits', () => {
    const words = [
      '布局',
      '格局',
      '全部',
      '内部',
      '总部',
      '干部',
      '举办',
      '承办',
      '大厅',
      '数据中心',
      '创新中心',
      '学院',
      '大会',
      '市场',
      '山推建友',
      '含定州',
      '2024—2026年',
      '剔除客运',
      '征求意见稿',
      '一',
      '部',
    ];
    expect(words.filter((w) => isUnitName(w))).toEqual([]);
  });
});

describe('extractUnits on the seeds', () => {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it('finds units in every paragraph that names 责任单位, 分工负责 or 相关单位', () => {
    const missed: string[] = [];
    for (const file of seeds) {
      for (const p of seedParagraphs(file)) {
        if (!/责任单位|分工负责|相关单位[:：]|牵头单位/.test(p.text)) continue;
        if (extractUnits(p.text, { file, line: p.line }).units.length === 0) missed.push(`${file}:${p.line}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('measures paragraphs with units and units per seed', () => {
    const measured = Object.fromEntries(
      seeds.map((file) => {
        const found = seedParagraphs(file).map((p) => extractUnits(p.text, { file, line: p.line }));
        return [
          file.slice(0, 3),
          {
            paragraphs: found.filter((r) => r.units.length > 0).length,
            units: found.reduce((n, r) => n + r.units.length, 0),
            warnings: found.reduce((n, r) => n + r.diagnostics.length, 0),
          },
        ];
      }),
    );
    expect(measured).toEqual({
      '000': { paragraphs: 17, units: 96, warnings: 0 },
      '001': { paragraphs: 22, units: 92, warnings: 0 },
      '002': { paragraphs: 41, units: 166, warnings: 0 },
      '003': { paragraphs: 0, units: 0, warnings: 0 },
      '004': { paragraphs: 234, units: 885, warnings: 0 },
    });
  });

  it('accepts and rejects exactly the listed parentheticals of the seeds', () => {
    // Every outermost bracket in the seeds, with the character after it (the
    // sentence context decides bare lists), classified by extractUnits.
    const accepted = new Set<string>();
    const rejected = new Set<string>();
    for (const file of seeds) {
      for (const p of seedParagraphs(file)) {
        for (const bracket of topLevelBrackets(p.text)) {
          const units = extractUnits(bracket, { file, line: p.line }).units;
          (units.length > 0 ? accepted : rejected).add(bracket);
        }
      }
    }
    const measured = { accepted: [...accepted].sort(), rejected: [...rejected].sort() };
    const path = join(FIXTURES, 'seed-parentheticals.json');
    if (UPDATE) writeFileSync(path, `${JSON.stringify(measured, null, 1)}\n`);
    expect(measured).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});
