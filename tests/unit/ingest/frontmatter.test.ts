import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FrontMatter, parseFrontMatter, toIsoDate } from '../../../scripts/ingest/frontmatter.ts';
import type { DocumentChunk, LogicalLine } from '../../../scripts/ingest/model.ts';
import { normalise } from '../../../scripts/ingest/normalise.ts';
import { readSeedFile } from '../../../scripts/ingest/read.ts';
import { splitDocuments } from '../../../scripts/ingest/split.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/frontmatter/', import.meta.url));
/** Set UPDATE_FIXTURES=1 to rewrite expected.json files on purpose (then review the diff). */
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const SEED_FILES = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seed = (prefix: string) => SEED_FILES.find((f) => f.startsWith(prefix))!;

/** What each fixture folder shows; every folder must be described here. */
const CASES: Record<string, string> = {
  'letterhead-notice-with-footer': 'reads a notice under a spaced letterhead, with no body title, and the 抄送/印发 footer',
  'joint-notice-two-line-title': 'reads joint signing issuers and a body title broken over two lines with its period',
  'direct-issue': 'keeps the 发文字号 ([ ] brackets) and 主送 under a directly issued title as a notice without title',
  'news-headline': 'takes the line above a byline as the headline and keeps the place line in the body',
  'no-title': 'puts leading status/period lines in the subtitle and warns that there is no title',
  'chinese-numeral-date': 'reads a 成文日期 in Chinese numerals and keeps （此件主动公开） in the notice',
  'notice-without-date': 'ends a notice without a date at the body title, and warns',
  'registration-letterhead-joint-signature':
    'reads a registration number, a joint letterhead with 发文字号 above 文件, a signature broken over lines, a 试行 line into the title and a 审议稿 status',
  'addressee-first-notice': 'reads a notice that starts at its 主送 and issues the document under it (现将《…》印发给你们)',
  'reply-with-bracketed-number': 'reads a 答复 whose title quotes a comma, its 文号 in brackets, 主送 and a signature without date',
  'order-with-repeated-title': 'sets aside a title printed over an order and reads the order: issuer, （第16号）, signer and date',
  'closing-and-attachments': 'reads 附件说明, a joint signature, date and 附注 as the closing, and each attachment with its title',
};

/** One logical line per non-blank physical line, trimmed. */
function fixtureLines(text: string): LogicalLine[] {
  return text.split('\n').flatMap((t, i) => (t.trim() ? [{ text: t.trim(), lineStart: i + 1, lineEnd: i + 1 }] : []));
}

/** The seed through stages 1–3. */
function seedChunks(file: string): DocumentChunk[] {
  const { source } = readSeedFile(SEEDS + file);
  if (!source) throw new Error(`cannot read seed ${file}`);
  return splitDocuments(file, normalise(source).lines).chunks;
}

/** Lines of the chunk that no part of the front matter accounts for. */
function unaccounted(chunk: DocumentChunk, fm: FrontMatter): LogicalLine[] {
  const same = (a: { text: string; lineStart: number }, b: LogicalLine) => a.text === b.text && a.lineStart === b.lineStart;
  const within = (span: { lineStart: number; lineEnd: number } | undefined, l: LogicalLine) =>
    span !== undefined && l.lineStart >= span.lineStart && l.lineEnd <= span.lineEnd;
  return chunk.lines.filter(
    (l) =>
      !(fm.notice?.paragraphs.some((p) => same(p, l)) ?? false) &&
      !(within(fm.notice, l) && (fm.notice?.title ?? '').includes(l.text)) &&
      !(within(fm.titleSpan, l) && (fm.title ?? '').includes(l.text)) &&
      !fm.subtitle.includes(l.text) &&
      !fm.bodyLines.includes(l) &&
      !(fm.closing?.paragraphs.some((p) => same(p, l)) ?? false) &&
      !fm.attachments.some((a) => a.heading.includes(l) || a.lines.includes(l)) &&
      !fm.repeated.includes(l) &&
      !(fm.footer?.paragraphs.some((p) => same(p, l)) ?? false),
  );
}

/** Characters in all parts of the front matter: equal to the chunk's when nothing is doubled. */
function length(fm: FrontMatter): number {
  return [
    fm.notice?.title ?? '',
    ...(fm.notice?.paragraphs.map((p) => p.text) ?? []),
    fm.title ?? '',
    ...fm.subtitle,
    ...fm.bodyLines.map((l) => l.text),
    ...(fm.closing?.paragraphs.map((p) => p.text) ?? []),
    ...fm.attachments.flatMap((a) => [...a.heading, ...a.lines].map((l) => l.text)),
    ...fm.repeated.map((l) => l.text),
    ...(fm.footer?.paragraphs.map((p) => p.text) ?? []),
  ].join('').length;
}

describe('parseFrontMatter on fixtures', () => {
  const names = readdirSync(FIXTURES).sort();

  it('has a description for every fixture folder', () => {
    expect(names).toEqual(Object.keys(CASES).sort());
  });

  for (const name of names) {
    it(CASES[name] ?? name, () => {
      const lines = fixtureLines(readFileSync(`${FIXTURES}${name}/input.txt`, 'utf8'));
      const chunk: DocumentChunk = { file: 'input.txt', index: 0, lines, reason: 'file-start' };
      const fm = parseFrontMatter(chunk);
      const shown = { ...fm, diagnostics: fm.diagnostics.map(({ severity, code, line }) => ({ severity, code, line })) };
      if (UPDATE) writeFileSync(`${FIXTURES}${name}/expected.json`, `${JSON.stringify(shown, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(`${FIXTURES}${name}/expected.json`, 'utf8'));
      expect(shown).toEqual(expected);
      expect(unaccounted(chunk, fm)).toEqual([]);
      expect(length(fm)).toBe(lines.map((l) => l.text).join('').length);
    });
  }
});

describe('toIsoDate', () => {
  it('reads Arabic dates with or without extraction spaces', () => {
    expect(['2024 年 10 月 24 日', '2024年12月17日', '2025年1月14日'].map(toIsoDate)).toEqual(['2024-10-24', '2024-12-17', '2025-01-14']);
  });

  it('reads dates in Chinese numerals', () => {
    expect(['二〇二四年十月二十四日', '二〇二五年一月九日'].map(toIsoDate)).toEqual(['2024-10-24', '2025-01-09']);
  });

  it('refuses what is not a date', () => {
    expect(['2024年13月1日', '2024年', '到2026年底'].map(toIsoDate)).toEqual([undefined, undefined, undefined]);
  });
});

describe('parseFrontMatter on the seeds', () => {
  it('accounts for every line of every chunk of every seed exactly once', () => {
    for (const file of SEED_FILES) {
      for (const chunk of seedChunks(file)) {
        const fm = parseFrontMatter(chunk);
        expect(unaccounted(chunk, fm), `${file} chunk ${chunk.index}`).toEqual([]);
        expect(length(fm), `${file} chunk ${chunk.index}`).toBe(chunk.lines.map((l) => l.text).join('').length);
        const order = fm.bodyLines.map((l) => chunk.lines.indexOf(l));
        expect(order, `${file} chunk ${chunk.index} body order`).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });

  it('finds the title of each of the 16 documents of 004', () => {
    expect(seedChunks(seed('004_')).map((c) => parseFrontMatter(c).title)).toEqual([
      '北京市关于支持氢能产业发展的若干政策措施（修订版）',
      '河北省数字技术赋能制造业高质量发展实施方案',
      '沧州市推动低空经济高质量发展若干措施',
      '关于进一步加强招商引资的工作机制',
      '关于加强文旅深度融合推动旅游业高质量发展的实施方案',
      '东丽区2024年招商引资提质攻坚行动方案',
      '济南市促进物流产业高质量发展三年行动计划(2024—2026年)',
      '济南市市场监督管理局等九部门关于质量基础设施助力产业链供应链质量联动提升赋能工业强市建设的实施方案',
      '济南市市中区推进新型工业化加快产业转型升级行动计划（2024—2026年）',
      '济南市未来产业培育发展实施方案',
      '青岛市以科技创新引领构建现代海洋产业体系培育打造海洋新质生产力行动方案（2025—2027年）',
      '青岛市加快体育产业高质量发展若干措施',
      '青岛市智能网联新能源汽车产业发展行动计划（2025—2027年）',
      '山东省人民政府办公厅关于加快推动广电视听产业高质量发展的实施意见',
      '山东省精细化工产业高质量发展行动方案（2025-2027年）',
      '关于推动传统产业优化升级培育发展新质生产力的实施方案',
    ]);
  });

  it('reads the notice number, date and issuers of the documents of 004 that have them', () => {
    const notices = seedChunks(seed('004_')).map((c) => {
      const n = parseFrontMatter(c).notice;
      return n && { number: n.number, date: n.date, issuers: n.issuers };
    });
    const qingdao = ['青岛市人民政府办公厅'];
    const jinan = ['济南市人民政府办公厅'];
    expect(notices).toEqual([
      { date: '2024-12-17', issuers: ['北京市经济和信息化局'] },
      { date: '2025-01-14', issuers: ['河北省人民政府办公厅'] },
      { date: '2025-01-19', issuers: ['沧州市人民政府办公室'] },
      undefined,
      undefined,
      undefined,
      { date: '2024-07-30', issuers: jinan },
      { issuers: [] }, // 质量基础设施: only its 主送 under the title
      { date: '2024-10-24', issuers: ['济南市市中区人民政府'] },
      { date: '2024-12-01', issuers: jinan },
      { date: '2024-11-15', issuers: qingdao },
      { date: '2024-12-30', issuers: qingdao },
      { date: '2024-05-23', issuers: qingdao },
      { number: '鲁政办字〔2025〕6号', issuers: [] }, // 实施意见 issued directly
      {
        date: '2024-12-24',
        issuers: ['山东省工业和信息化厅', '山东省发展和改革委员会', '山东省财政厅', '山东省生态环境厅', '山东省农业农村厅', '山东省应急管理厅', '山东省能源局'],
      },
      { date: '2024-12-04', issuers: ['山东省人民政府办公厅'] },
    ]);
  });

  it('reads the notice titles and recipients of 004', () => {
    const [beijing, , , , , , , quality] = seedChunks(seed('004_')).map((c) => parseFrontMatter(c).notice);
    expect(beijing?.title).toBe('北京市经济和信息化局关于印发《北京市关于支持氢能产业发展的若干政策措施（修订版）》的通知');
    expect(beijing?.recipients).toBe('各有关单位');
    expect(quality?.recipients).toBe('各区县(功能区)市场监管、发改、教育、科技、工信、人社、生态、农业农村、商务部门');
  });

  it('reads the notice and footer of 000, which prints no body title', () => {
    const [chunk] = seedChunks(seed('000_'));
    const fm = parseFrontMatter(chunk);
    const { paragraphs, ...notice } = fm.notice!;
    expect(notice).toEqual({
      issuers: ['济南市市中区人民政府'],
      issuersFrom: { part: 'letterhead', line: 1 },
      number: '市中政字〔2024〕29号',
      numberLine: 2,
      dateLine: 14,
      recipients: '各街道办事处，区政府各部门',
      date: '2024-10-24',
      lineStart: 1,
      lineEnd: 16,
    });
    expect(paragraphs.at(-1)?.text).toBe('（此件公开发布）');
    expect(fm.title).toBeUndefined();
    expect(fm.diagnostics).toMatchObject([{ severity: 'info', code: 'frontmatter/no-title', line: 1 }]);
    expect(fm.bodyLines[0].lineStart).toBe(17);
    expect(fm.footer?.lineStart).toBe(453);
    expect(fm.footer?.lineEnd).toBe(457);
    expect(fm.footer?.paragraphs[0].text.startsWith('抄送：区委各部门')).toBe(true);
    expect(fm.footer?.paragraphs.at(-1)?.text.replace(/\s/g, '')).toBe('济南市市中区人民政府办公室2024年10月24日印发');
  });

  it('reads the two-line title of 001 and its status line', () => {
    const fm = parseFrontMatter(seedChunks(seed('001_'))[0]);
    expect([fm.title, fm.titleSpan, fm.subtitle, fm.notice]).toEqual([
      '深入推进新型工业化加快建设工业强市三年行动计划',
      { lineStart: 1, lineEnd: 2 },
      ['（征求意见稿）'],
      undefined,
    ]);
  });

  it('gives 002 no title, its period and status as subtitle, and a warning', () => {
    const fm = parseFrontMatter(seedChunks(seed('002_'))[0]);
    expect(fm.title).toBeUndefined();
    expect(fm.subtitle.map((s) => s.replace(/\s/g, ''))).toEqual(['（2023-2025年）', '（送审稿）']);
    expect(fm.bodyLines[0].text.startsWith('为深入贯彻党的二十大精神')).toBe(true);
    expect(fm.diagnostics).toMatchObject([{ severity: 'warning', code: 'frontmatter/no-title', file: seed('002_'), line: 1 }]);
  });

  it('takes the headline of the news article 003 and keeps the rest as body', () => {
    const fm = parseFrontMatter(seedChunks(seed('003_'))[0]);
    expect([fm.title, fm.titleSpan, fm.notice, fm.footer]).toEqual(['惟实励新，“二次创业”再出发', { lineStart: 5, lineEnd: 5 }, undefined, undefined]);
    expect(fm.bodyLines.slice(0, 2).map((l) => l.text)).toEqual(['济南市市中区', '□孙化鹏 孔雪']);
  });
});
