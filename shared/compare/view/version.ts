/**
 * The version view as a hast tree: two copies of one document, their outline
 * difference (headings present in one copy only), every textual difference
 * with a little context, and differing notice fields. Deletions and
 * insertions are real edits between copies, so <del>/<ins> carry them, with
 * hidden words for screen readers (which do not announce del/ins by default).
 */
import type { Element, ElementContent } from 'hast';
import type { DiffPiece, VersionBlock, VersionDiff, VersionHunk } from '../model.ts';
import { h } from './h.ts';

/** URLs the version view links to. */
export interface VersionLinks {
  doc(id: string): string;
  /** A line of the document's original-text page; `copy` 0 is the primary source. */
  sourceLine(id: string, copy: number, line: number): string;
}

const PART_NAMES: Record<VersionBlock['part'], string> = {
  notice: '印发通知',
  title: '标题',
  preamble: '前言',
  body: '正文',
  footer: '抄送与印发',
};

function lines(text: string): ElementContent[] {
  return text
    .split('\n')
    .flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]))
    .map((x) => (typeof x === 'string' ? { type: 'text', value: x } : x));
}

function piece(p: DiffPiece): ElementContent[] {
  if (p.op === 'equal') return lines(p.text);
  const hidden = p.op === 'delete' ? '〔仅主文本有：' : '〔仅副本有：';
  return [
    h(
      p.op === 'delete' ? 'del' : 'ins',
      {},
      h('span', { className: ['visually-hidden'] }, hidden),
      ...lines(p.text),
      h('span', { className: ['visually-hidden'] }, '〕'),
    ),
  ];
}

const dot = (): ElementContent => ({ type: 'text', value: ' · ' });

function where(diff: VersionDiff, hunk: VersionHunk, links: VersionLinks): ElementContent[] {
  const out: ElementContent[] = [h('span', { className: ['vd-part'] }, PART_NAMES[hunk.part] + (hunk.label ? ` ${hunk.label}` : ''))];
  if (hunk.lineBefore) out.push(dot(), h('a', { href: links.sourceLine(diff.id, 0, hunk.lineBefore) }, `主文本第${hunk.lineBefore}行`));
  if (hunk.lineAfter) out.push(dot(), h('a', { href: links.sourceLine(diff.id, diff.copy, hunk.lineAfter) }, `副本第${hunk.lineAfter}行`));
  return out;
}

/** The whole version view for document `title`. */
export function versionView(diff: VersionDiff, title: string, links: VersionLinks): Element {
  const { outline, hunks, fields } = diff;
  const total = outline.removed.length + outline.added.length + hunks.length + fields.length;
  const src = (s: VersionDiff['source']) => `${s.file} 第${s.lineStart}–${s.lineEnd}行`;
  return h(
    'div',
    { className: ['cmp', 'vd'] },
    h(
      'div',
      { className: ['cmp-docs'] },
      h(
        'section',
        { className: ['cmp-doc', 'cmp-doc--a'], ariaLabel: '主文本' },
        h('p', { className: ['cmp-side'] }, '主文本'),
        h('p', { className: ['cmp-doc__title'] }, h('a', { href: links.doc(diff.id) }, title)),
        h('p', {}, src(diff.primarySource)),
      ),
      h(
        'section',
        { className: ['cmp-doc', 'cmp-doc--b'], ariaLabel: '副本' },
        h('p', { className: ['cmp-side'] }, `副本${diff.copy}`),
        h('p', { className: ['cmp-doc__title'] }, title),
        h('p', {}, src(diff.source)),
      ),
    ),
    h(
      'p',
      { className: ['cmp-summary'] },
      `共比较 ${diff.charCount.before} / ${diff.charCount.after} 字，差异 ${total} 处：结构 ${outline.removed.length + outline.added.length} 处，文字 ${hunks.length} 处，通知要素 ${fields.length} 项。`,
      '除此之外两份文本逐字相同（比较的是解析后的逻辑文本，已忽略换行、分段、空白及全角/半角差异）。',
    ),
    h(
      'section',
      { className: ['cmp-section'], ariaLabelledby: 'vd-outline' },
      h('h2', { id: 'vd-outline' }, `结构差异（${outline.removed.length + outline.added.length}处）`),
      outline.removed.length + outline.added.length === 0
        ? h('p', {}, '两份文本的条目结构相同。')
        : h(
            'ul',
            { className: ['vd-list'] },
            ...outline.removed.map((b) =>
              h(
                'li',
                {},
                '副本缺少标题 ',
                h('del', {}, b.text),
                '（',
                h('a', { href: links.sourceLine(diff.id, 0, b.line) }, `主文本第${b.line}行`),
                '）；其下条目在副本中归入上一级标题。',
              ),
            ),
            ...outline.added.map((b) =>
              h(
                'li',
                {},
                '副本多出标题 ',
                h('ins', {}, b.text),
                '（',
                h('a', { href: links.sourceLine(diff.id, diff.copy, b.line) }, `副本第${b.line}行`),
                '）。',
              ),
            ),
          ),
    ),
    h(
      'section',
      { className: ['cmp-section'], ariaLabelledby: 'vd-text' },
      h('h2', { id: 'vd-text' }, `文字差异（${hunks.length}处）`),
      h('p', { className: ['cmp-legend'] }, h('del', {}, '删除线'), '为仅主文本有的文字，', h('ins', {}, '下划线'), '为仅副本有的文字，其余为前后文。'),
      hunks.length === 0
        ? h('p', {}, '两份文本的文字相同。')
        : h(
            'ol',
            { className: ['vd-list'] },
            ...hunks.map((hunk) =>
              h('li', {}, h('p', { className: ['vd-where'] }, ...where(diff, hunk, links)), h('p', { className: ['vd-text'] }, ...hunk.pieces.flatMap(piece))),
            ),
          ),
    ),
    h(
      'section',
      { className: ['cmp-section'], ariaLabelledby: 'vd-fields' },
      h('h2', { id: 'vd-fields' }, `通知要素差异（${fields.length}项）`),
      fields.length === 0
        ? h('p', {}, '发文字号、发文机关、日期等要素相同。')
        : h(
            'div',
            { className: ['table-wrap'] },
            h(
              'table',
              {},
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '要素'), h('th', { scope: 'col' }, '主文本'), h('th', { scope: 'col' }, '副本'))),
              h(
                'tbody',
                {},
                ...fields.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.field), h('td', {}, f.before ?? '（无）'), h('td', {}, f.after ?? '（无）'))),
              ),
            ),
          ),
    ),
  );
}
