import { describe, expect, it } from 'vitest';
import { assignAnchors } from '../../../scripts/ingest/anchors.ts';
import { provisionsOf } from '../../../shared/document/walk.ts';
import { parseBody } from '../../../scripts/ingest/hierarchy/parse-body.ts';
import type { Block, LogicalLine, Provision } from '../../../scripts/ingest/model.ts';
import { DOCS_004, lineByLine, normalisedLines, SEEDS } from '../../fixtures/hierarchy/seed-lines.ts';

/** Logical lines numbered 1, 2, 3… from plain strings. */
function lines(...texts: string[]): LogicalLine[] {
  return texts.map((text, i) => ({ text, lineStart: i + 1, lineEnd: i + 1 }));
}

/** Parses and anchors a document's lines. */
function anchored(docLines: LogicalLine[], file = 't.txt') {
  return assignAnchors(parseBody(file, docLines).body, file);
}

/** Every provision in document order, boxes included. */
const provisions = (blocks: Block[]): Provision[] => provisionsOf(blocks).map((p) => p.node);

/** Every anchor (provisions and boxes) in document order. */
function eids(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'provision') return [b.eid, ...eids(b.children)];
    if (b.type === 'box') return [b.eid, ...eids(b.children)];
    return [];
  });
}

// Every provision flagged as a task (not tasksOf, which would not look below a task: these tests check the flags).
const tasks = (blocks: Block[]) => provisions(blocks).filter((p) => p.isTask);
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);

describe('assignAnchors', () => {
  it('anchors chapters, sections and articles the Akoma Ntoso way and labels articles as cited (第三条（二）)', () => {
    const { body } = anchored(
      lines(
        '第一章　总　则',
        '第一条　为了规范管理，制定本办法。',
        '第二条 本办法适用于本省。',
        '第二章 职责',
        '第一节 一般规定',
        '第三条　（职责）',
        '（一）统筹协调；',
        '（二）监督检查：',
        '1.制定标准；',
        '第二节 安全',
        '第四条 下列行为应当禁止：',
        '（一）泄露数据；',
      ),
    );
    expect(provisions(body).map((p) => [p.eid, p.label, p.isTask])).toEqual([
      ['chp_1', '第一章', false],
      ['art_1', '第一条', true],
      ['art_2', '第二条', true],
      ['chp_2', '第二章', false],
      ['chp_2__sec_1', '第二章第一节', false],
      ['art_3', '第三条', false],
      ['art_3__subsec_1', '第三条（一）', true],
      ['art_3__subsec_2', '第三条（二）', false],
      ['item_1', '第三条（二）1.', true],
      ['chp_2__sec_2', '第二章第二节', false],
      ['art_4', '第四条', false],
      ['art_4__subsec_1', '第四条（一）', true],
    ]);
  });

  it('anchors ⑴ as a point and ① as a clause under it', () => {
    const { body } = anchored(lines('1﹒规模。甲。', '⑴集群。乙。', '①龙头。丙。', '②专精。丁。', '⑵平台。戊。', '①省级。己。'));
    expect(provisions(body).map((p) => [p.eid, p.label])).toEqual([
      ['item_1', '1﹒'],
      ['point_1', '1﹒⑴'],
      ['point_1__clause_1', '1﹒⑴①'],
      ['point_1__clause_2', '1﹒⑴②'],
      ['point_2', '1﹒⑵'],
      ['point_2__clause_1', '1﹒⑵①'],
    ]);
  });

  it('makes a provision the task when its items are the same labelled fields as another provision’s (a form)', () => {
    const { body } = anchored(
      lines(
        '一、机制',
        '（一）考核机制',
        '1、工作目标：甲。',
        '2、相关单位：乙。',
        '（二）评审机制',
        '1、工作目标：丙。',
        '2、相关单位：丁。',
        '（三）其他',
        '1、加强领导。',
      ),
    );
    expect(tasks(body).map((p) => p.label)).toEqual(['一、（一）', '一、（二）', '一、（三）1、']);
    // Anchors do not change: the fields keep theirs.
    expect(eids(body)).toContain('subsec_1__item_2');
  });

  it('keeps labelled items as tasks when no other provision repeats their labels', () => {
    const { body } = anchored(
      lines('一、机制', '（一）考核机制', '1、工作目标：甲。', '2、相关单位：乙。', '（二）评审机制', '1、评审范围：丙。', '2、评审程序：丁。'),
    );
    expect(tasks(body)).toHaveLength(4);
  });

  it('gives short eIds to a style numbered through the document, scoped ones to a style that restarts', () => {
    const { body } = anchored(lines('一、目标', '二、任务', '（一）甲', '1.a。', '2.b。', '（二）乙', '3.c。', '三、保障', '（一）丙', '4.d。'));
    expect(eids(body)).toEqual(['sec_1', 'sec_2', 'sec_2__subsec_1', 'item_1', 'item_2', 'sec_2__subsec_2', 'item_3', 'sec_3', 'sec_3__subsec_1', 'item_4']);
  });

  it('scopes every item by its parent when items restart in any parent', () => {
    const { body } = anchored(lines('（一）甲', '1.a。', '2.b。', '（二）乙', '1.c。'));
    expect(eids(body)).toEqual(['subsec_1', 'subsec_1__item_1', 'subsec_1__item_2', 'subsec_2', 'subsec_2__item_1']);
  });

  it('does not take a numbering slip inside one list for a restart', () => {
    const { body } = anchored(lines('一、任务', '1.a。', '2.b。', '2.c。', '二、保障', '3.d。'));
    expect(eids(body)).toEqual(['sec_1', 'item_1', 'item_2', 'item_2_2', 'sec_2', 'item_3']);
  });

  it('makes a repeated anchor unique deterministically and warns with file and line', () => {
    const { diagnostics } = anchored(lines('一、任务', '1.a。', '1.b。'));
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'anchor/duplicate',
        message: '1. would repeat anchor "item_1"; anchored as "item_1_2"',
        file: 't.txt',
        line: 3,
        hint: 'Two provisions carry the same number under one parent; check the numbering in the source.',
      },
    ]);
  });

  it('writes citation labels as the chain of markers as printed', () => {
    const { body } = anchored(lines('三、任务', '（二）甲', '10.乙。', '(1)丙。', '四、保障', '11、丁。'));
    expect(provisions(body).map((p) => p.label)).toEqual(['三、', '三、（二）', '三、（二）10.', '三、（二）10.(1)', '四、', '四、11、']);
  });

  it('marks numbered provisions without numbered children as tasks, but not sections of a deeper document', () => {
    const { body } = anchored(lines('一、总体要求', '坚持。', '二、任务', '（一）甲', '1.a。', '（二）乙。内容。', '三、保障'));
    expect(provisions(body).map((p) => [p.marker, p.isTask])).toEqual([
      ['一、', false],
      ['二、', false],
      ['（一）', false],
      ['1.', true],
      ['（二）', true],
      ['三、', false],
    ]);
  });

  it('marks sections as tasks when they are the only level', () => {
    const { body } = anchored(lines('一、加强领导。内容。', '二、强化保障。内容。'));
    expect(tasks(body).map((p) => p.eid)).toEqual(['sec_1', 'sec_2']);
  });

  it('anchors a 专栏 box and scopes its items by it; neither is a task', () => {
    const { body } = anchored(lines('一、重点', '（一）延伸链条。发挥优势。', '专栏1', '1.石油化工。发展。', '2.煤化工。发展。', '（二）突破技术。'));
    expect(eids(body)).toEqual(['sec_1', 'subsec_1', 'box_1', 'box_1__item_1', 'box_1__item_2', 'subsec_2']);
    expect(
      provisions(body)
        .filter((p) => p.kind === 'item')
        .map((p) => [p.label, p.isTask]),
    ).toEqual([
      ['一、（一）专栏1 1.', false],
      ['一、（一）专栏1 2.', false],
    ]);
    expect(tasks(body).map((p) => p.eid)).toEqual(['subsec_1', 'subsec_2']);
  });

  it('keeps eIds when wording changes', () => {
    const before = anchored(lines('一、任务', '（一）甲', '1.提升创新能力。强化。', '2.推动转型。'));
    const after = anchored(lines('一、工作任务', '（一）乙丙', '1.全面提升企业创新能力。加强。', '2.推动产业转型升级。'));
    expect(eids(after.body)).toEqual(eids(before.body));
  });

  it('does not change the blocks it is given', () => {
    const { body } = parseBody('t.txt', lines('一、任务', '1.a。'));
    const copy = structuredClone(body);
    assignAnchors(body, 't.txt');
    expect(body).toEqual(copy);
  });
});

describe('on the real seeds', () => {
  it('000 (after normalise): 17 item tasks, item_1 … item_17, 15 under 三、 in five groups and 2 under 四、', () => {
    const { body, diagnostics } = anchored(normalisedLines(SEEDS['000'], 17, 451), SEEDS['000']);
    const found = tasks(body);
    expect(found.map((p) => p.eid)).toEqual(range('item', 17));
    const groups = (body[2] as Provision).children.filter((c): c is Provision => c.type === 'provision');
    expect(groups.map((g) => g.children.filter((c) => c.type === 'provision').length)).toEqual([3, 3, 3, 3, 3]);
    expect((body[3] as Provision).children.map((c) => (c as Provision).label)).toEqual(['四、16.', '四、17.']);
    expect(found[9].label).toBe('三、（四）10.');
    expect(diagnostics).toEqual([]);
  });

  it('001: 22 tasks, item_1 … item_22', () => {
    const { body } = anchored(lineByLine(SEEDS['001'], 5), SEEDS['001']);
    expect(tasks(body).map((p) => p.eid)).toEqual(range('item', 22));
  });

  it('002 (after normalise): 47 tasks （一）–（四十七） under 11 parts, subsec_1 … subsec_47', () => {
    const { body } = anchored(normalisedLines(SEEDS['002'], 5, 1141), SEEDS['002']);
    const found = tasks(body);
    expect(found.map((p) => p.eid)).toEqual(range('subsec', 47));
    expect(found.at(-1)?.label).toBe('十一、（四十七）');
    expect(body.filter((b) => b.type === 'provision')).toHaveLength(11);
  });

  it('Hebei (004): 22 tasks 1、–22、 in ten groups, item_1 … item_22', () => {
    const [from, to] = DOCS_004.hebei;
    const { body } = anchored(lineByLine(SEEDS['004'], from, to), SEEDS['004']);
    expect(tasks(body).map((p) => p.eid)).toEqual(range('item', 22));
    expect(tasks(body)[2].label).toBe('二、（二）3、');
  });

  it('Dongli 2024 (004): numbering restarts in each group, so eIds are scoped and unique', () => {
    const [from, to] = DOCS_004.dongli2024;
    const { body } = anchored(lineByLine(SEEDS['004'], from, to), SEEDS['004']);
    expect(tasks(body).map((p) => p.eid)).toEqual([
      'sec_2__subsec_1__item_1',
      'sec_2__subsec_1__item_2',
      'sec_2__subsec_1__item_3',
      'sec_2__subsec_2__item_1',
      'sec_2__subsec_2__item_2',
      'sec_2__subsec_2__item_3',
      'sec_2__subsec_2__item_4',
      'sec_2__subsec_2__item_5',
      'sec_2__subsec_2__item_6',
      'sec_2__subsec_3__item_1',
      'sec_2__subsec_3__item_2',
      'sec_2__subsec_3__item_3',
      'sec_2__subsec_3__item_4',
      'sec_3__subsec_1',
      'sec_3__subsec_2',
      'sec_3__subsec_3',
    ]);
  });

  it('gives every document in 004 unique ASCII eIds without warnings', () => {
    for (const [from, to] of Object.values(DOCS_004)) {
      const { body, diagnostics } = anchored(lineByLine(SEEDS['004'], from, to), SEEDS['004']);
      const all = eids(body);
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((e) => !/^[a-z]+_\d+(?:__[a-z]+_\d+)*$/.test(e))).toEqual([]);
      expect(diagnostics).toEqual([]);
    }
  });

  it('counts the tasks of every document in 004', () => {
    const counts = Object.fromEntries(
      Object.entries(DOCS_004).map(([name, [from, to]]) => [name, tasks(anchored(lineByLine(SEEDS['004'], from, to)).body).length]),
    );
    expect(counts).toEqual({
      beijing: 19,
      hebei: 22,
      cangzhou: 18,
      // Six mechanisms, each a form of 工作目标/相关单位/主要职责 (fields, not tasks), plus the seven （1）–（7）.
      dongliMechanism: 13,
      tianjin: 20,
      dongli2024: 16,
      jinanLogistics: 29,
      jinanQuality: 18,
      shizhong: 17,
      jinanFuture: 24,
      qingdaoOcean: 8,
      qingdaoSports: 19,
      qingdaoVehicles: 19,
      shandongAudiovisual: 27,
      fineChemicals: 19,
      traditionalIndustry: 10,
    });
  });
});
