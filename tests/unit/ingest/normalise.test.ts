import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogicalLine, NormalisedFile, SourceFile } from '../../../scripts/ingest/model.ts';
import { displayWidth, measureWrap, normalise, unaccountedCharacters } from '../../../scripts/ingest/normalise.ts';
import { listSeedFiles, readSeed, readSeedFile } from '../../../scripts/ingest/read.ts';
import { MARKERS } from '../../../scripts/ingest/rules/markers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/normalise');
const SEEDS = join(ROOT, 'seeds');
/** Set UPDATE_FIXTURES=1 to rewrite expected.json files on purpose (then review the diff). */
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function source(lines: string[], file = 'test.txt'): SourceFile {
  return { file, encoding: 'utf-8', bom: false, lineEnding: 'lf', lines, byteLength: lines.join('\n').length };
}

function texts(result: NormalisedFile): string[] {
  return result.lines.map((l) => l.text);
}

const startsWithMarker = (text: string) => MARKERS.sec.test(text) || MARKERS.subsec.test(text) || MARKERS.item.test(text) || MARKERS.point.test(text);

/** A hard-wrapped paragraph in the shape of seed 000: ~28 characters a line, a blank line after each. */
const WRAPPED = [
  '坚持以习近平新时代中国特色社会主义思想为指导，完整、',
  '',
  '准确、全面贯彻新发展理念，加快构建新发展格局，以新型工业',
  '',
  '化为引领，以工业经济高质量发展为主线，因地制宜发展新质生',
  '',
  '产力，推动都市工业转型升级和创新发展，推进工业高端化、智',
  '',
  '能化、绿色化、轻型化发展，着力打造新一代信息技术、先进电',
  '',
  '网、能源储运销、电力装备及电力电子、新能源汽车等重点产业',
  '',
  '链群，实现都市工业链式集群发展，为建设新时代社会主义现代',
  '',
  '化活力品质强区提供坚实的产业支撑。',
];
const WRAPPED_TEXT = WRAPPED.filter(Boolean).join('');

describe('normalise fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('has a fixture folder per rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of cases) {
    it(`normalises fixture "${name}" as expected`, () => {
      const dir = join(FIXTURES, name);
      const read = readSeed(`${name}.txt`, readFileSync(join(dir, 'input.txt')));
      expect(read.source).not.toBeNull();
      const result = normalise(read.source as SourceFile);
      const expectedPath = join(dir, 'expected.json');
      if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(result, null, 2)}\n`);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(result).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      expect(unaccountedCharacters(read.source as SourceFile, result)).toEqual([]);
    });
  }
});

describe('wrap joining', () => {
  it('joins a line wrapped mid-sentence, across blank lines, with no space inserted', () => {
    const result = normalise(source(WRAPPED));
    expect(result.lines).toEqual([{ text: WRAPPED_TEXT, lineStart: 1, lineEnd: 15 }]);
    expect(result.normalisations.filter((n) => n.kind === 'wrap-join')).toHaveLength(7);
    expect(result.normalisations[0]).toEqual({
      kind: 'wrap-join',
      line: 1,
      before: '想为指导，完整、',
      after: '想为指导，完整、准确、全面贯彻新',
    });
  });

  it('does not join after a sentence end, or a short line such as a heading', () => {
    const lines = ['一、总体要求', '', ...WRAPPED, '', ...WRAPPED];
    expect(texts(normalise(source(lines)))).toEqual(['一、总体要求', WRAPPED_TEXT, WRAPPED_TEXT]);
  });

  it('does not join onto the line before a numbered provision', () => {
    const cut = WRAPPED.slice(0, 13); // ends at a full line cut mid-sentence
    const lines = [...cut, '', '1.优化产业规划布局。把握新一轮科技革命和产业变革新机'];
    const result = normalise(source(lines));
    expect(result.lines.at(-1)).toEqual({ text: '1.优化产业规划布局。把握新一轮科技革命和产业变革新机', lineStart: 15, lineEnd: 15 });
  });

  it('joins a continuation that starts with a stray space', () => {
    const lines = [...WRAPPED.slice(0, 12), ' 链群，实现都市工业链式集群发展，为建设新时代社会主义现代', '化活力品质强区提供坚实的产业支撑。'];
    expect(texts(normalise(source(lines)))).toEqual([WRAPPED_TEXT]);
  });

  it('joins across a page number and records its removal', () => {
    const lines = [...WRAPPED.slice(0, 4), '', ' ', '- 19 - ', '', ...WRAPPED.slice(4)];
    const result = normalise(source(lines));
    expect(texts(result)).toEqual([WRAPPED_TEXT]);
    expect(result.normalisations.filter((n) => n.kind === 'page-number')).toEqual([{ kind: 'page-number', line: 7, before: '- 19 -', after: '' }]);
  });

  it('removes a lone number only when it interrupts a wrapped sentence', () => {
    const interrupted = [...WRAPPED.slice(0, 4), '19', '', ...WRAPPED.slice(4)];
    expect(texts(normalise(source(interrupted)))).toEqual([WRAPPED_TEXT]);
    const afterSentence = [...WRAPPED, '', '19', '', ...WRAPPED];
    expect(texts(normalise(source(afterSentence)))).toEqual([WRAPPED_TEXT, '19', WRAPPED_TEXT]);
  });

  it('joins a full line ending in a closing quote, but not one ending in an attribution', () => {
    const lines = [
      ...WRAPPED.slice(0, 10),
      '业园区，着力构建区域协调、功能互补、特色鲜明的“一区多园”',
      '',
      '产业发展新格局。（责任单位：区发展改革局、区科技局、区工业',
      '',
      '和信息化局、区财政局、区人力资源社会保障局、各街道办事处）',
      '',
      '深入实施品牌战略，开展增品种、提品质、创品牌“三品”专项',
      '',
      '行动。',
    ];
    expect(texts(normalise(source(lines)))).toEqual([
      `${WRAPPED.slice(0, 10).join('')}业园区，着力构建区域协调、功能互补、特色鲜明的“一区多园”产业发展新格局。（责任单位：区发展改革局、区科技局、区工业和信息化局、区财政局、区人力资源社会保障局、各街道办事处）`,
      '深入实施品牌战略，开展增品种、提品质、创品牌“三品”专项行动。',
    ]);
  });

  it('leaves one-paragraph-per-line text alone, even a title above a long paragraph', () => {
    const lines = ['河北省数字技术赋能制造业高质量发展实施方案', '为加快我省制造业数字化转型，推动数字技术赋能制造业高质量发展，制定本方案。', '一、工作目标'];
    const result = normalise(source(lines));
    expect(texts(result)).toEqual(lines);
    expect(result.normalisations).toEqual([]);
  });

  it('joins a visibly cut sentence in a one-paragraph-per-line file', () => {
    const lines = ['加快发展激光制造、人工智能、先进材料等产业，根据产业发展实际对相关领域和方向作动', '态调整。', '(一)加快发展的优势产业。'];
    expect(texts(normalise(source(lines)))).toEqual([
      '加快发展激光制造、人工智能、先进材料等产业，根据产业发展实际对相关领域和方向作动态调整。',
      '(一)加快发展的优势产业。',
    ]);
  });

  it('never joins table rows, and keeps their tabs exactly', () => {
    const lines = [
      '类别\t指标\t2023年',
      '\t现代物流网项目\t累计竣工数量\t20个\t',
      '产业规模\t规模以上交通运输、仓储和邮政业',
      '(剔除客运）年营业收入(元）\t957亿',
    ];
    expect(texts(normalise(source(lines)))).toEqual(lines);
  });
});

describe('line repairs', () => {
  it('closes up a spaced-out letterhead', () => {
    const result = normalise(source([' 济 南 市 市 中 区 人 民 政 府', '□孙化鹏 孔雪']));
    expect(texts(result)).toEqual(['济南市市中区人民政府', '□孙化鹏 孔雪']);
    expect(result.normalisations).toEqual([{ kind: 'letterhead-spacing', line: 1, before: '济 南 市 市 中 区 人 民 政 府', after: '济南市市中区人民政府' }]);
  });

  it('removes extraction spaces between Chinese and digits or Latin, one record per line', () => {
    const result = normalise(source(['到 2026 年，工业增加值占 GDP 比重不断提升，突破 1400 亿元，增加 5G 基站。', 'Open Source 软件 1 400 个']));
    expect(texts(result)).toEqual(['到2026年，工业增加值占GDP比重不断提升，突破1400亿元，增加5G基站。', 'Open Source软件1 400个']);
    expect(result.normalisations.map((n) => [n.kind, n.line])).toEqual([
      ['cjk-digit-space', 1],
      ['cjk-digit-space', 2],
    ]);
  });

  it('keeps private-use glyphs, flags the line and warns', () => {
    const result = normalise(source(['推进\ue5e5工业化。']));
    expect(result.lines).toEqual([{ text: '推进\ue5e5工业化。', lineStart: 1, lineEnd: 1, flags: ['private-use'] }]);
    expect(result.normalisations).toEqual([{ kind: 'private-use', line: 1, before: '\ue5e5', after: '\ue5e5' }]);
    expect(result.diagnostics.filter((d) => d.code === 'normalise/private-use')).toMatchObject([{ severity: 'warning', file: 'test.txt', line: 1 }]);
  });

  it('removes control characters but keeps tabs, and warns with the line', () => {
    const result = normalise(source(['甲\u0007乙\t丙\u001b']));
    expect(texts(result)).toEqual(['甲乙\t丙']);
    expect(result.normalisations).toEqual([{ kind: 'control-char', line: 1, before: '甲\u0007乙\t丙\u001b', after: '甲乙\t丙' }]);
    expect(result.diagnostics.find((d) => d.code === 'normalise/control-char')).toMatchObject({ line: 1, message: expect.stringContaining('U+0007, U+001B') });
  });

  it('drops blank and whitespace-only lines', () => {
    expect(normalise(source(['', '  ', '\u3000', '\t', '正文。'])).lines).toEqual([{ text: '正文。', lineStart: 5, lineEnd: 5 }]);
  });

  it('measures display width with CJK as two columns', () => {
    expect(displayWidth('到 2026 年')).toBe(10);
    expect(displayWidth('“一区多园”')).toBe(12);
  });
});

describe('unaccountedCharacters', () => {
  it('reports a character that was dropped without a record', () => {
    const src = source(['一、总体要求', '正文。']);
    const result = normalise(src);
    const tampered: NormalisedFile = { ...result, lines: [result.lines[0], { ...result.lines[1], text: '正。' }] };
    expect(unaccountedCharacters(src, result)).toEqual([]);
    expect(unaccountedCharacters(src, tampered)).toEqual([{ line: 2, char: '文' }]);
  });
});

describe('real seeds', () => {
  const files = listSeedFiles(SEEDS);
  const results = new Map(
    files.map((path) => {
      const src = readSeedFile(path).source as SourceFile;
      return [src.file.slice(0, 3), { src, result: normalise(src) }];
    }),
  );
  const get = (prefix: string) => results.get(prefix) as { src: SourceFile; result: NormalisedFile };

  it('reads all five seeds', () => {
    expect([...results.keys()]).toEqual(['000', '001', '002', '003', '004']);
  });

  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`keeps every character of seed ${prefix} (faithfulness)`, () => {
      const { src, result } = get(prefix);
      expect(unaccountedCharacters(src, result)).toEqual([]);
    });

    it(`swallows no numbered provision into a previous paragraph in seed ${prefix}`, () => {
      const { src, result } = get(prefix);
      const physical = src.lines.map((l) => l.trim()).filter(startsWithMarker).length;
      expect(result.lines.filter((l) => startsWithMarker(l.text)).length).toBe(physical);
      if (prefix !== '003') expect(physical).toBeGreaterThan(0); // 003 is a news feature without numbering
    });

    it(`gives every logical line of seed ${prefix} a valid physical span`, () => {
      const { src, result } = get(prefix);
      let previousEnd = 0;
      for (const line of result.lines) {
        expect(line.lineStart).toBeGreaterThan(previousEnd);
        expect(line.lineEnd).toBeGreaterThanOrEqual(line.lineStart);
        expect(line.lineEnd).toBeLessThanOrEqual(src.lines.length);
        expect(line.text).not.toMatch(/[\r\n]/);
        expect(line.text).not.toMatch(/^[ \u3000\u00a0]|[ \u3000\u00a0]$/); // trimmed, but tabs (empty cells) stay
        previousEnd = line.lineEnd;
      }
    });
  }

  it('decides per file: 000 and 002 are hard-wrapped, 001, 003 and 004 are not', () => {
    const layout = Object.fromEntries([...results].map(([prefix, { src }]) => [prefix, measureWrap(src.lines).hardWrapped]));
    expect(layout).toEqual({ '000': true, '001': false, '002': true, '003': false, '004': false });
    expect(measureWrap(get('000').src.lines)).toMatchObject({ typicalWidth: 56, fullWidth: 48 });
  });

  it('joins the notice sentence of 000 into one logical line', () => {
    const sentence = '现将《济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）》印发给你们，请结合工作实际，认真抓好贯彻落实。';
    expect(get('000').result.lines.find((l) => l.text.startsWith('现将'))).toEqual({ text: sentence, lineStart: 6, lineEnd: 10 });
  });

  it('keeps headings of 000 on their own lines', () => {
    const lines = texts(get('000').result);
    for (const heading of ['一、总体要求', '二、发展目标', '三、重点任务', '四、保障措施', '（一）实施制造业转型升级行动。']) expect(lines).toContain(heading);
  });

  it('repairs the notice header of 000: letterhead, date', () => {
    expect(
      get('000')
        .result.lines.slice(0, 6)
        .map((l) => l.text),
    ).toEqual([
      '济南市市中区人民政府',
      '市中政字〔2024〕29号',
      '各街道办事处，区政府各部门：',
      '现将《济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）》印发给你们，请结合工作实际，认真抓好贯彻落实。',
      '济南市市中区人民政府',
      '2024年10月24日',
    ]);
  });

  it('joins each task of 000 into one logical line from its marker', () => {
    const task1 = get('000').result.lines.find((l) => l.text.startsWith('1.优化产业规划布局'));
    expect(task1).toMatchObject({ lineStart: 58, lineEnd: 88 });
    expect(task1?.text).toContain('加大重点产业项目引进落地力度。（责任单位：区发展改革局');
    expect(task1?.text.endsWith('市生态环境局市中分局、各街道办事处）')).toBe(true);
    const goals = get('000').result.lines.find((l) => l.text.startsWith('到2026年'));
    expect(goals?.text).toBe(
      '到2026年，工业增加值占GDP比重不断提升，规模以上工业营业收入突破350亿元；信息传输、软件和信息技术服务业以及先进制造业、电力热力燃气及水生产和供应业等重点产业规模总量超过550亿元；制造业占规模以上工业比重达到50%以上；亿元以上工业企业达到20家以上。',
    );
  });

  it('removes the page numbers of 002 and joins the sentences they interrupt', () => {
    const { result } = get('002');
    expect(result.normalisations.filter((n) => n.kind === 'page-number')).toEqual([
      { kind: 'page-number', line: 776, before: '- 19 -', after: '' },
      { kind: 'page-number', line: 998, before: '- 24 -', after: '' },
    ]);
    expect(texts(result).some((t) => t.includes('借助专业化招商机构的强大资源实力，形成“链条式”项目推进格局。'))).toBe(true);
    expect(texts(result).some((t) => t.includes('加快推进教育治理体系和治理能力现代化建设'))).toBe(true);
  });

  it('joins the stray-space continuations of 002', () => {
    const goals = get('002').result.lines.find((l) => l.text.startsWith('（二）发展目标。'));
    expect(goals).toMatchObject({ lineStart: 37, lineEnd: 60 });
    expect(goals?.text).toContain('现代化活力品质强区建设迈上新的更高水平。经济实力显著提升，地区生产总值力争突破1400亿元');
  });

  it('joins only visibly cut sentences in the one-paragraph-per-line seeds', () => {
    const joins = (prefix: string) =>
      get(prefix)
        .result.normalisations.filter((n) => n.kind === 'wrap-join')
        .map((n) => n.line);
    expect(joins('001')).toEqual([]);
    expect(joins('003')).toEqual([9, 11, 49]);
    expect(joins('004')).toEqual([376, 479, 510, 752]);
    expect(
      get('004')
        .result.lines.find((l) => l.lineStart === 479)
        ?.text.endsWith('并结合实际,对相关领域和方向作动态调整。'),
    ).toBe(true);
  });

  it('keeps the tab-separated table of 004 exactly, one row per line', () => {
    const { src, result } = get('004');
    for (let n = 316; n <= 356; n++) {
      const raw = src.lines[n - 1];
      if (!raw.includes('\t')) continue;
      const logical = result.lines.find((l) => l.lineStart === n) as LogicalLine;
      expect(logical).toEqual({ text: raw.replace(/^ +| +$/g, ''), lineStart: n, lineEnd: n });
    }
  });

  it('removes the spaces PDF extraction put between Chinese and numbers or Latin', () => {
    const all = texts(get('000').result).join('\n');
    for (const fixed of ['到2026年，工业增加值占GDP比重', '突破350亿元', 'ToG、ToB行业应用软件', '5G基站', '“双30条”']) expect(all).toContain(fixed);
    expect(all).not.toMatch(/\d 年|[年月] \d/);
  });

  // Speed (MB/s) is measured by `npm run bench`, never by timed tests.
  it('normalises a 5 MB hard-wrapped file line for line like its parts', () => {
    const one = get('002').src.lines;
    const big = source(Array.from({ length: 110 }, () => one).flat(), 'big.txt');
    const bytes = Buffer.byteLength(big.lines.join('\n'));
    const result = normalise(big);
    expect(bytes).toBeGreaterThan(5e6);
    expect(result.lines.length).toBe(110 * get('002').result.lines.length);
  });
});
