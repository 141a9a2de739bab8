import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../scripts/ingest/hierarchy/block-text.ts';
import { splitLead } from '../../../scripts/ingest/hierarchy/lead.ts';
import { readMarker } from '../../../scripts/ingest/hierarchy/lexer.ts';
import { parseBody } from '../../../scripts/ingest/hierarchy/parse-body.ts';
import { provisionsOf } from '../../../shared/document/walk.ts';
import type { Block, LogicalLine, Paragraph, Provision } from '../../../scripts/ingest/model.ts';
import { hierarchyCases } from '../../fixtures/hierarchy/cases.ts';
import { DOCS_004, lineByLine, normalisedLines, SEEDS } from '../../fixtures/hierarchy/seed-lines.ts';

/** Logical lines numbered 1, 2, 3… from plain strings. */
function lines(...texts: string[]): LogicalLine[] {
  return texts.map((text, i) => ({ text, lineStart: i + 1, lineEnd: i + 1 }));
}

/** Every provision in document order, boxes included. */
const provisions = (blocks: Block[]): Provision[] => provisionsOf(blocks).map((p) => p.node);

/** Every paragraph in document order. */
function paragraphs(blocks: Block[]): Paragraph[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph') return [b];
    if (b.type === 'provision' || b.type === 'box') return paragraphs(b.children);
    return [];
  });
}

/** A compact outline: "marker title" per provision, nested. */
function outline(blocks: Block[]): unknown[] {
  return blocks.flatMap((b) => {
    if (b.type === 'provision') {
      const kids = outline(b.children);
      return [kids.length ? { [b.marker + b.title]: kids } : b.marker + b.title];
    }
    if (b.type === 'box') return [{ [b.marker]: outline(b.children) }];
    if (b.type === 'table') return [`table: ${b.caption ?? ''}`];
    return [];
  });
}

const provisionBase = { eid: '', label: '', isTask: false, units: [], targets: [] };

describe('readMarker', () => {
  it('reads every marker style, full- and half-width', () => {
    expect(['一、', '十二、', '（三）', '(四)', '(五）', '1.', '2、', '3．', '（1）', '(2)'].map((m) => readMarker(`${m}文字`))).toEqual([
      { kind: 'sec', num: 1, marker: '一、' },
      { kind: 'sec', num: 12, marker: '十二、' },
      { kind: 'subsec', num: 3, marker: '（三）' },
      { kind: 'subsec', num: 4, marker: '(四)' },
      { kind: 'subsec', num: 5, marker: '(五）' },
      { kind: 'item', num: 1, marker: '1.' },
      { kind: 'item', num: 2, marker: '2、' },
      { kind: 'item', num: 3, marker: '3．' },
      { kind: 'point', num: 1, marker: '（1）' },
      { kind: 'point', num: 2, marker: '(2)' },
    ]);
  });

  it('does not take decimals, years, counts or bracketed years for markers', () => {
    const texts = ['1.5万亿元', '2024年，继续坚持', '3个驻外招商服务中心。', '67.6%以上', '（2023-2025 年）', '10%', '一是加强'];
    expect(texts.map(readMarker)).toEqual(texts.map(() => null));
  });
});

describe('splitLead', () => {
  it('splits a lead title from the rest of its line', () => {
    expect(splitLead('优化产业规划布局。坚持龙头带动')).toEqual({ title: '优化产业规划布局', titleSep: '。', body: '坚持龙头带动' });
  });

  it('takes a heading-only line as title with no body', () => {
    expect([splitLead('总体要求'), splitLead('龙头企业“数字领航”带动工程。'), splitLead('工作目标：')]).toEqual([
      { title: '总体要求', titleSep: '', body: '' },
      { title: '龙头企业“数字领航”带动工程', titleSep: '。', body: '' },
      { title: '工作目标', titleSep: '：', body: '' },
    ]);
  });

  it('treats a long first sentence as body text, not a title', () => {
    const text = '推动龙头企业加快全流程、全场景、全链条数字化转型，打造100个行业数字化转型标杆企业和一批示范场景。其余';
    expect(splitLead(text)).toEqual({ title: '', titleSep: '', body: text });
  });

  it('ignores separators inside quotes and brackets, and decimal points', () => {
    expect(splitLead('实施“一链一策：试点”行动。推动')).toEqual({ title: '实施“一链一策：试点”行动', titleSep: '。', body: '推动' });
    expect(splitLead('指导思想.以习近平新时代')).toEqual({ title: '指导思想', titleSep: '.', body: '以习近平新时代' });
    expect(splitLead('提升2.5倍.其余').title).toBe('提升2.5倍');
  });
});

describe('parseBody', () => {
  it('makes the rest of a provision line its first paragraph, on the same physical lines', () => {
    const { body } = parseBody('t.txt', [{ text: '1.优化产业规划布局。坚持龙头带动。', lineStart: 58, lineEnd: 88 }]);
    expect(body).toEqual([
      {
        type: 'provision',
        kind: 'item',
        num: 1,
        marker: '1.',
        title: '优化产业规划布局',
        titleSep: '。',
        ...provisionBase,
        children: [{ type: 'paragraph', text: '坚持龙头带动。', lineStart: 58, lineEnd: 88 }],
        lineStart: 58,
        lineEnd: 88,
      },
    ]);
  });

  it('keeps lines before the first provision as preamble', () => {
    const { preamble, body } = parseBody('t.txt', lines('为推动工作，制定本方案。', '一、总体要求', '坚持稳中求进。'));
    expect(preamble).toEqual([{ type: 'paragraph', text: '为推动工作，制定本方案。', lineStart: 1, lineEnd: 1 }]);
    expect(outline(body)).toEqual(['一、总体要求']);
    expect(paragraphs(body).map((p) => p.text)).toEqual(['坚持稳中求进。']);
  });

  it('nests items directly under a section when a level is skipped', () => {
    const { body } = parseBody('t.txt', lines('三、重点任务', '（一）强基行动', '1．创新。', '2．转型。', '五、保障措施', '3．组织。'));
    expect(outline(body)).toEqual([{ '三、重点任务': [{ '（一）强基行动': ['1．创新', '2．转型'] }] }, { '五、保障措施': ['3．组织'] }]);
  });

  it('nests a style by where it first appears, even when it is not the usual depth', () => {
    // Items as the outer level with （一） inside them: the document's own order wins.
    const { body } = parseBody('t.txt', lines('1.总体要求', '（一）指导思想。', '（二）目标。', '2.重点任务', '（一）创新。'));
    expect(outline(body)).toEqual([{ '1.总体要求': ['（一）指导思想', '（二）目标'] }, { '2.重点任务': ['（一）创新'] }]);
  });

  it('lets one style sit at different depths through the stack of open levels', () => {
    // Items directly under 一、, later under （一）: the usual order keeps the later items inside （一）.
    const { body } = parseBody('t.txt', lines('一、方向', '1.激光。', '二、任务', '（一）创新工程。', '1.平台。', '2.攻关。', '（二）主体工程。', '3.梯次。'));
    expect(outline(body)).toEqual([{ '一、方向': ['1.激光'] }, { '二、任务': [{ '（一）创新工程': ['1.平台', '2.攻关'] }, { '（二）主体工程': ['3.梯次'] }] }]);
  });

  it('warns, naming file and line, when a number does not follow the previous sibling', () => {
    const { body, diagnostics } = parseBody('t.txt', lines('一、任务', '1.甲。', '2.乙。', '3.丙。', '7.丁。'));
    expect(provisions(body).map((p) => p.num)).toEqual([1, 1, 2, 3, 7]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'parse/numbering',
        message: '"7." follows "3." in the same list; expected 4',
        file: 't.txt',
        line: 5,
        hint: 'Check the source for a missing, repeated or misnumbered provision; it is kept with the number as printed.',
      },
    ]);
  });

  it('accepts numbering that runs on across groups and numbering that restarts, without warnings', () => {
    const runOn = parseBody('t.txt', lines('（一）甲', '1.a。', '2.b。', '（二）乙', '3.c。'));
    const restart = parseBody('t.txt', lines('（一）甲', '1.a。', '2.b。', '（二）乙', '1.c。'));
    expect([runOn.diagnostics, restart.diagnostics]).toEqual([[], []]);
  });

  it('takes a marker only at the start of a line', () => {
    const { body } = parseBody('t.txt', lines('一、任务', '加强协调，(1)建立机制；(2)定期调度。'));
    expect(provisions(body)).toHaveLength(1);
  });

  it('moves "本措施自…施行" after the last provision to document level, but leaves it in 附则', () => {
    const closing = parseBody('t.txt', lines('一、任务', '（一）甲。内容。', '本措施自印发之日起施行。'));
    expect(closing.body.map((b) => b.type)).toEqual(['provision', 'paragraph']);
    const annex = parseBody('t.txt', lines('一、任务', '（一）甲。内容。', '二、附则', '本政策措施自发布之日起实施。'));
    expect(annex.body.map((b) => b.type)).toEqual(['provision', 'provision']);
    expect(paragraphs([annex.body[1]]).map((p) => p.text)).toEqual(['本政策措施自发布之日起实施。']);
  });

  it('gives every node the physical lines it spans', () => {
    const { body } = parseBody('t.txt', lines('一、任务', '（一）甲', '内容一。', '内容二。', '（二）乙'));
    const spans = provisions(body).map((p) => [p.marker, p.lineStart, p.lineEnd]);
    expect(spans).toEqual([
      ['一、', 1, 5],
      ['（一）', 2, 4],
      ['（二）', 5, 5],
    ]);
  });
});

describe('blockText', () => {
  it('gives a provision its heading line, then each child on its own line', () => {
    const { body } = parseBody('t.txt', lines('（一）甲。内容。', '续写一段。', '1.乙：丙'));
    expect(blockText(body[0])).toBe('（一）甲。内容。\n续写一段。\n1.乙：丙');
  });
});

describe('fixture cases', () => {
  for (const c of hierarchyCases()) {
    it(`parses ${c.name} as expected`, () => {
      const expected = JSON.parse(readFileSync(c.expectedPath, 'utf8'));
      expect(parseBody(c.file, c.lines)).toEqual(expected);
    });
  }
});

describe('on the real seeds', () => {
  const docs004 = Object.entries(DOCS_004).map(([name, [from, to]]) => ({
    name,
    lines: lineByLine(SEEDS['004'], from, to),
  }));
  const all = [
    { name: '000', lines: normalisedLines(SEEDS['000'], 17, 451) },
    { name: '001', lines: lineByLine(SEEDS['001'], 5) },
    { name: '002', lines: normalisedLines(SEEDS['002'], 5, 1141) },
    { name: '003', lines: lineByLine(SEEDS['003']) },
    ...docs004,
  ];

  for (const doc of all) {
    it(`reproduces every provision line of ${doc.name} character for character`, () => {
      const { body } = parseBody('seed', doc.lines);
      const byStart = new Map(doc.lines.map((l) => [l.lineStart, l.text]));
      for (const p of provisions(body)) {
        const [first] = p.children;
        const rest = first?.type === 'paragraph' && first.lineStart === p.lineStart ? first.text : '';
        expect(p.marker + p.title + p.titleSep + rest).toBe(byStart.get(p.lineStart));
      }
    });

    it(`keeps every character of ${doc.name} and leaves nothing unplaced`, () => {
      const { preamble, body } = parseBody('seed', doc.lines);
      const blocks = [...preamble, ...body];
      const sorted = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
      // Tables reorder a wrapped cell tail next to its head, so compare characters.
      expect(sorted(blocks.map(blockText).join(''))).toBe(sorted(doc.lines.map((l) => l.text).join('')));
      expect(paragraphs(blocks).filter((p) => p.unplaced)).toEqual([]);
    });
  }

  it('parses 000 (after normalise) into 一、–四、 with items 1.–17.', () => {
    const { body, diagnostics } = parseBody(SEEDS['000'], normalisedLines(SEEDS['000'], 17, 451));
    expect(body.map((b) => (b as Provision).marker + (b as Provision).title)).toEqual(['一、总体要求', '二、发展目标', '三、重点任务', '四、保障措施']);
    const items = provisions(body).filter((p) => p.kind === 'item');
    expect(items.map((p) => p.num)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(items[0]).toMatchObject({ marker: '1.', title: '优化产业规划布局', titleSep: '。', lineStart: 58, lineEnd: 88 });
    expect(diagnostics).toEqual([]);
  });

  it('parses 001 and warns that 五、 follows 三、', () => {
    const { preamble, body, diagnostics } = parseBody(SEEDS['001'], lineByLine(SEEDS['001'], 5));
    expect(preamble).toHaveLength(1);
    expect(outline(body).length).toBe(4);
    expect(provisions(body).filter((p) => p.kind === 'item')).toHaveLength(22);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.message])).toEqual([
      ['parse/numbering', SEEDS['001'], 39, '"五、" follows "三、" in the same list; expected 4'],
    ]);
  });

  it('parses 002 (after normalise) into 11 parts holding （一）–（四十七）', () => {
    const { body } = parseBody(SEEDS['002'], normalisedLines(SEEDS['002'], 5, 1141));
    expect(body.map((b) => (b as Provision).num)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const subsecs = provisions(body).filter((p) => p.kind === 'subsec');
    expect(subsecs.map((p) => p.num)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
  });

  it('parses the Hebei plan (004) into ten groups of items 1、–22、', () => {
    const [from, to] = DOCS_004.hebei;
    const { body } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    const groups = (body[1] as Provision).children as Provision[];
    expect(groups.map((g) => g.marker)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）']);
    expect(groups.map((g) => g.children.length)).toEqual([2, 2, 2, 2, 2, 3, 2, 2, 3, 2]);
    expect(groups[0].children[0]).toEqual({
      type: 'provision',
      kind: 'item',
      num: 1,
      marker: '1、',
      title: '加快龙头企业数字化集成创新',
      titleSep: '。',
      ...provisionBase,
      children: [
        {
          type: 'paragraph',
          text: lineByLine(SEEDS['004'], 57, 57)[0].text,
          lineStart: 57,
          lineEnd: 57,
        },
      ],
      lineStart: 56,
      lineEnd: 57,
    });
  });

  it('places the Jinan logistics indicator table under 一、发展目标, after its five targets', () => {
    const [from, to] = DOCS_004.jinanLogistics;
    const { body } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    const goals = body[0] as Provision;
    expect(goals.children.map((c) => c.type)).toEqual(['paragraph', 'provision', 'provision', 'provision', 'provision', 'provision', 'table']);
    expect(goals.children[6]).toMatchObject({ caption: '济南市物流产业主要发展指标分解表（2024—2026年）', lineStart: 315, lineEnd: 356 });
  });

  it('parses the 专栏 boxes of the fine-chemicals plan (004) with their own items', () => {
    const [from, to] = DOCS_004.fineChemicals;
    const { body } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    expect(outline([body[1]])).toEqual([
      {
        '二、发展重点': [
          { '（一）延伸一批化工产业链条': [{ 专栏1: ['1.石油化工', '2.煤化工', '3.盐化工'] }] },
          { '（二）突破一批化工“卡脖子”技术': [{ 专栏2: ['1.化工新材料', '2.海洋化工', '3.生物化工', '4.电子化学品'] }] },
          { '（三）提升一批终端产品品质': [{ 专栏3: ['1.涂料', '2.染（颜）料', '3.农药', '4.专用化学品', '5.日用化学品'] }] },
        ],
      },
    ]);
  });

  it('parses the Dongli mechanism (004): （1）–（7） under 一、 before any （一）', () => {
    const [from, to] = DOCS_004.dongliMechanism;
    const { body, diagnostics } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    const first = body[0] as Provision;
    expect(first.children.filter((c) => c.type === 'provision').map((c) => (c as Provision).marker)).toEqual([
      '（1）',
      '（2）',
      '（3）',
      '（4）',
      '（5）',
      '（6）',
      '（7）',
    ]);
    expect((body[1] as Provision).children.map((c) => (c as Provision).children.length)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(diagnostics).toEqual([]);
  });

  it('reports the missing （四） of the Shizhong copy in 004', () => {
    const [from, to] = DOCS_004.shizhong;
    const { diagnostics } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[451, '"（五）" follows "（三）" in the same list; expected 4']]);
  });

  it('puts a closing paragraph printed after the last provision at document level (Tianjin, 004)', () => {
    const [from, to] = DOCS_004.tianjin;
    const { body, diagnostics } = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
    expect(body.at(-1)).toMatchObject({ type: 'paragraph', lineStart: 262 });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['info', 'parse/closing-paragraph', 262]]);
  });

  it('parses 004 the same way line by line and through normalise', () => {
    for (const [from, to] of Object.values(DOCS_004)) {
      const raw = parseBody(SEEDS['004'], lineByLine(SEEDS['004'], from, to));
      const normalised = parseBody(SEEDS['004'], normalisedLines(SEEDS['004'], from, to));
      expect(outline(normalised.body)).toEqual(outline(raw.body));
    }
  });
});
