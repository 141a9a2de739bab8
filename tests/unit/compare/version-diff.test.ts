import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, PolicyDocument } from '../../../scripts/ingest/model.ts';
import { diffOutline, diffText, versionBlocks, versionDiff } from '../../../scripts/compare/version-diff.ts';
import { SHIZHONG_2024, seedDoc } from './seeds.ts';

const changed = (pieces: Array<{ op: string; text: string }>, op: 'delete' | 'insert') =>
  pieces.filter((p) => p.op === op).map((p) => p.text.replace(/\n/g, ''));

describe('the version diff of the 市中区 2024 plan and its copy in 004', () => {
  const diff = versionDiff(seedDoc(SHIZHONG_2024));

  it('finds exactly one outline difference: the copy lacks the heading （四）实施绿色发展提档升级行动', () => {
    expect(diff.outline.added).toEqual([]);
    expect(diff.outline.removed.map((b) => b.text)).toEqual(['（四）实施绿色发展提档升级行动。']);
  });

  it('finds the missing 抄送 footer, whole', () => {
    const footer = diff.hunks.filter((h) => h.part === 'footer');
    expect(footer).toHaveLength(1);
    expect(changed(footer[0].pieces, 'delete').join('')).toBe(
      '抄送：区委各部门，区人大常委会办公室，区政协办公室，区人武部，区法院，区检察院，区监察委，区各人民团体，驻区有关单位。济南市市中区人民政府办公室2024年10月24日印发',
    );
    expect(changed(footer[0].pieces, 'insert')).toEqual([]);
  });

  it('marks the missing heading in the text as the missing marker “（四）” only', () => {
    const body = diff.hunks.filter((h) => h.part === 'body');
    expect(body.some((h) => h.label === '三、（四）' && changed(h.pieces, 'delete').join('') === '（四）')).toBe(true);
  });

  it('shows nothing else but the copy’s real omissions: no difference comes from line wrapping or paragraph breaks', () => {
    const deleted = diff.hunks.flatMap((h) => changed(h.pieces, 'delete'));
    const inserted = diff.hunks.flatMap((h) => changed(h.pieces, 'insert'));
    expect(inserted).toEqual([]);
    // Primary letterhead and number, the 此件公开发布 line, three characters the reprint dropped, one "（",
    // the missing marker, the period after a heading, and the footer.
    expect(deleted.sort()).toEqual(
      [
        '济南市市中区人民政府市中政字〔2024〕29号',
        '（此件公开发布）',
        '端',
        '技',
        '（',
        '应',
        '（四）',
        '。',
        '抄送：区委各部门，区人大常委会办公室，区政协办公室，区人武部，区法院，区检察院，区监察委，区各人民团体，驻区有关单位。济南市市中区人民政府办公室2024年10月24日印发',
      ].sort(),
    );
  });

  it('reports the notice fields that differ: the copy has a notice title and no document number', () => {
    expect(diff.fields.map((f) => [f.field, f.before, f.after !== null])).toEqual([
      ['通知标题', null, true],
      ['发文字号', '市中政字〔2024〕29号', false],
    ]);
  });

  it('locates each difference in both seed files', () => {
    const heading = diff.hunks.find((h) => h.label === '三、（四）')!;
    expect(heading.lineBefore).toBe(271);
    expect(heading.lineAfter).toBeGreaterThan(420);
  });
});

describe('comparing logical text, not lines', () => {
  const para = (text: string, line: number): Paragraph => ({ type: 'paragraph', text, lineStart: line, lineEnd: line });
  const source = (body: Block[]) => ({ subtitle: [], preamble: [], body });

  it('finds no difference between one paragraph and the same text in three paragraphs', () => {
    const a = versionBlocks(source([para('甲乙丙。丁戊己。', 1)]));
    const b = versionBlocks(source([para('甲乙丙。', 5), para('丁戊', 6), para('己。', 9)]));
    expect(diffText(a, b).hunks).toEqual([]);
  });

  it('treats full-width and half-width punctuation as the same text', () => {
    const a = versionBlocks(source([para('行动计划（2024—2026年）', 1)]));
    const b = versionBlocks(source([para('行动计划(2024—2026年)', 1)]));
    expect(diffText(a, b).hunks).toEqual([]);
  });

  it('ignores the punctuation after a heading when comparing outlines', () => {
    const heading = (titleSep: string): Block => ({
      type: 'provision',
      kind: 'subsec',
      num: 5,
      marker: '（五）',
      title: '实施产业生态优化升级行动',
      titleSep,
      eid: 'subsec_5',
      label: '（五）',
      isTask: false,
      units: [],
      targets: [],
      children: [],
      lineStart: 1,
      lineEnd: 1,
    });
    expect(diffOutline(versionBlocks(source([heading('。')])), versionBlocks(source([heading('')])))).toEqual({ removed: [], added: [] });
  });

  it('falls back to whole paragraphs when two texts are too different for a character diff', () => {
    const long = (from: number) => Array.from({ length: 6000 }, (_, i) => String.fromCharCode(from + (i % 2000))).join('');
    const a = versionBlocks(source([para(long(0x4e00), 1)]));
    const b = versionBlocks(source([para(long(0x6000), 1)]));
    const { hunks } = diffText(a, b);
    expect(hunks).toHaveLength(1);
    expect(changed(hunks[0].pieces, 'delete').join('')).toHaveLength(6000);
  });

  it('throws a clear error for a copy that does not exist', () => {
    expect(() => versionDiff({ ...seedDoc(SHIZHONG_2024), copies: [] } as PolicyDocument)).toThrow(/has no copy 1/);
  });
});
