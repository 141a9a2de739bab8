/**
 * The side-by-side view of two documents as a hast tree: the two documents,
 * a summary, aligned task rows with differences and shared concepts marked,
 * the targets both set, responsible units, shared concepts. One renderer for
 * the pre-rendered pair pages and the compare page's client.
 */
import type { Element, ElementContent } from 'hast';
import type { AlignedRow, Comparison, ConceptInfo, DocumentConcepts, TargetCell, TaskText } from '../model.ts';
import { evidenceText, targetValue, targetWhen } from '../format.ts';
import { ownText } from '../compare-pair.ts';
import { h } from './h.ts';
import { markedLines, type ConceptMark } from './marks.ts';

/** What the view shows about a document besides its tasks. */
export interface DocSummary {
  id: string;
  title: string;
  issuer: string | null;
  date: string | null;
  status: string;
  region: string[];
  kind: string;
}

/** URLs the view links to (paths.ts in the build; page-relative URLs in the client). */
export interface ViewLinks {
  doc(id: string): string;
  task(id: string, eid: string): string;
  concept(id: string): string;
}

/** One side of the view. */
export interface ViewSide {
  doc: DocSummary;
  tasks: TaskText[];
  concepts?: DocumentConcepts;
}

/** Everything the view renders. */
export interface ComparisonViewInput {
  comparison: Comparison;
  a: ViewSide;
  b: ViewSide;
  conceptInfo: ReadonlyMap<string, ConceptInfo>;
  links: ViewLinks;
}

/** A word for a task-similarity score, calibrated on the seeds (true counterparts score 0.13–0.55). */
export function scoreWord(score: number): string {
  return score >= 0.35 ? '高' : score >= 0.18 ? '中' : '低';
}

function scoreBadge(score: number): Element {
  return h(
    'span',
    { className: ['cmp-score'] },
    h('span', { className: ['visually-hidden'] }, '相似度'),
    h('meter', { min: 0, max: 1, low: 0.18, high: 0.35, optimum: 1, value: score, ariaHidden: 'true' }),
    h('span', { className: ['cmp-score__value'] }, score.toFixed(2)),
    h('span', { className: ['cmp-score__word'] }, scoreWord(score)),
  );
}

function docCard(side: ViewSide, which: 'A' | 'B', links: ViewLinks): Element {
  const d = side.doc;
  const facts: Array<[string, string]> = [
    ['发文', d.issuer ?? '未注明'],
    ['日期', d.date ?? '未注明'],
    ['状态', d.status],
    ['地区', d.region.join(' · ') || '未注明'],
    ['任务', `${side.tasks.length}项`],
  ];
  return h(
    'section',
    { className: ['cmp-doc', `cmp-doc--${which.toLowerCase()}`], ariaLabel: `文件${which}` },
    h('p', { className: ['cmp-side'] }, `文件${which}`),
    h('p', { className: ['cmp-doc__title'] }, h('a', { href: links.doc(d.id) }, d.title)),
    h('dl', { className: ['cmp-facts'] }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}

/** Concept mentions in a task, for marking (only concepts both documents use). */
function conceptMarks(
  task: TaskText,
  concepts: DocumentConcepts | undefined,
  shared: ReadonlySet<string>,
  info: ReadonlyMap<string, ConceptInfo>,
): ConceptMark[] {
  return (concepts?.spans[task.eid] ?? []).filter((s) => shared.has(s.concept)).map((s) => ({ ...s, name: info.get(s.concept)?.name ?? s.concept }));
}

function taskCell(task: TaskText | undefined, which: 'A' | 'B', side: ViewSide, own: Array<[number, number]>, marks: ConceptMark[], links: ViewLinks): Element {
  const className = ['cmp-cell', `cmp-cell--${which.toLowerCase()}`];
  if (!task) return h('div', { className: [...className, 'cmp-cell--none'] }, h('p', { className: ['cmp-none'] }, `文件${which}无对应任务`));
  const [title, ...body] = markedLines(`${task.title}\n${task.text}`, own, marks);
  return h(
    'div',
    { className },
    h(
      'h3',
      { className: ['cmp-task'] },
      h('span', { className: ['visually-hidden'] }, `文件${which}：`),
      h('a', { href: links.task(side.doc.id, task.eid) }, h('span', { className: ['cmp-label'] }, task.label), ' ', ...title),
    ),
    ...body.filter((line) => line.length > 0).map((line) => h('p', {}, ...line)),
  );
}

function row(r: AlignedRow, input: ComparisonViewInput, shared: ReadonlySet<string>): Element {
  const { a, b, links, conceptInfo } = input;
  const ta = r.a !== undefined ? a.tasks[r.a] : undefined;
  const tb = r.b !== undefined ? b.tasks[r.b] : undefined;
  // comparePair diffs every matched row; a comparison from elsewhere is diffed here.
  const own = ta && tb ? (r.own ?? ownText(ta, tb)) : { a: [], b: [] };
  const ownA = own.a;
  const ownB = own.b;
  const kind = ta && tb ? 'pair' : ta ? 'a-only' : 'b-only';
  const middle =
    ta && tb && r.score !== undefined
      ? h('div', { className: ['cmp-mid'] }, scoreBadge(r.score), r.moved ? h('span', { className: ['cmp-moved'] }, '在文件B中顺序不同') : null)
      : h('div', { className: ['cmp-mid'] }, h('span', { className: ['cmp-alone'] }, ta ? '仅A' : '仅B'));
  return h(
    'li',
    { className: ['cmp-row', `cmp-row--${kind}`] },
    taskCell(ta, 'A', a, ownA, ta ? conceptMarks(ta, a.concepts, shared, conceptInfo) : [], links),
    middle,
    taskCell(tb, 'B', b, ownB, tb ? conceptMarks(tb, b.concepts, shared, conceptInfo) : [], links),
  );
}

function targetCells(cells: TargetCell[], docId: string, links: ViewLinks, rowIndicator: string): ElementContent[] {
  return cells.map((c) =>
    h(
      'span',
      { className: ['cmp-target'] },
      h('strong', {}, targetValue(c.target)),
      targetWhen(c.target) ? `（${targetWhen(c.target)}${c.target.yearFrom === 'inherited' ? '，年份承上文' : ''}）` : '',
      ' ',
      h('a', { href: links.task(docId, c.eid), title: `原文：${evidenceText(c.target.evidence)}` }, c.label),
      c.target.indicator !== rowIndicator ? h('span', { className: ['cmp-target__name'] }, c.target.indicator) : null,
    ),
  );
}

function targetsSection(input: ComparisonViewInput): Element {
  const { comparison, a, b, links } = input;
  const rows = comparison.targets;
  return h(
    'section',
    { className: ['cmp-section'], ariaLabelledby: 'cmp-targets' },
    h('h2', { id: 'cmp-targets' }, `共同指标（${rows.length}项）`),
    rows.length === 0
      ? h('p', {}, '两份文件没有设定相同或相近的量化指标。')
      : h(
          'div',
          { className: ['table-wrap'] },
          h(
            'table',
            { className: ['cmp-targets'] },
            h('caption', { className: ['visually-hidden'] }, '两份文件都设定的量化指标'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '指标'), h('th', { scope: 'col' }, '文件A'), h('th', { scope: 'col' }, '文件B'))),
            h(
              'tbody',
              {},
              ...rows.map((r) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, r.indicator, r.match === 'related' ? h('span', { className: ['cmp-related'] }, '口径不同') : null),
                  h('td', {}, ...targetCells(r.a, a.doc.id, links, r.indicator)),
                  h('td', {}, ...targetCells(r.b, b.doc.id, links, r.indicator)),
                ),
              ),
            ),
          ),
        ),
  );
}

function unitList(names: string[], label: string): Element {
  return h(
    'div',
    { className: ['cmp-units__group'] },
    h('h3', {}, `${label}（${names.length}）`),
    names.length ? h('ul', { className: ['cmp-chips'] }, ...names.map((n) => h('li', {}, n))) : h('p', { className: ['cmp-none'] }, '无'),
  );
}

function unitsSection(input: ComparisonViewInput): Element {
  const d = input.comparison.departments;
  const paired = new Set(d.counterparts.flatMap((c) => [c.a, c.b]));
  return h(
    'section',
    { className: ['cmp-section'], ariaLabelledby: 'cmp-units' },
    h('h2', { id: 'cmp-units' }, '责任单位'),
    h(
      'div',
      { className: ['cmp-units'] },
      unitList(d.both, '两份文件都有'),
      h(
        'div',
        { className: ['cmp-units__group'] },
        h('h3', {}, `对应单位（不同层级，${d.counterparts.length}）`),
        d.counterparts.length
          ? h('ul', { className: ['cmp-chips'] }, ...d.counterparts.map((c) => h('li', {}, `${c.a} ↔ ${c.b}`)))
          : h('p', { className: ['cmp-none'] }, '无'),
      ),
      unitList(
        d.onlyA.filter((n) => !paired.has(n)),
        '仅文件A',
      ),
      unitList(
        d.onlyB.filter((n) => !paired.has(n)),
        '仅文件B',
      ),
    ),
  );
}

function conceptsSection(input: ComparisonViewInput): Element | null {
  const { comparison, links, a, b } = input;
  if (!a.concepts || !b.concepts) return null;
  const list = comparison.concepts;
  return h(
    'section',
    { className: ['cmp-section'], ariaLabelledby: 'cmp-concepts' },
    h('h2', { id: 'cmp-concepts' }, `共同概念（${list.length}个）`),
    list.length === 0
      ? h('p', {}, '两份文件没有共同使用的概念。')
      : h(
          'ul',
          { className: ['cmp-concept-list'] },
          ...list.map((c) => h('li', {}, h('a', { href: links.concept(c.id) }, h('mark', { className: ['cmp-concept'] }, c.name)), ` A ${c.a}次 · B ${c.b}次`)),
        ),
  );
}

/** The whole view. */
export function comparisonView(input: ComparisonViewInput): Element {
  const { comparison: c, a, b, links } = input;
  const shared = new Set(c.concepts.map((x) => x.id));
  const pairs = c.rows.filter((r) => r.a !== undefined && r.b !== undefined).length;
  const onlyA = c.rows.filter((r) => r.b === undefined).length;
  const onlyB = c.rows.filter((r) => r.a === undefined).length;
  const concepts = conceptsSection(input);
  return h(
    'div',
    { className: ['cmp'], dataA: a.doc.id, dataB: b.doc.id },
    h('div', { className: ['cmp-docs'] }, docCard(a, 'A', links), docCard(b, 'B', links)),
    h(
      'p',
      { className: ['cmp-summary'] },
      `整体相似度 ${c.score.toFixed(2)}：对应任务 ${pairs} 对，仅文件A ${onlyA} 项，仅文件B ${onlyB} 项；共同指标 ${c.targets.length} 项；共同责任单位 ${c.departments.both.length} 个`,
      c.departments.counterparts.length ? `、不同层级的对应单位 ${c.departments.counterparts.length} 对` : '',
      concepts ? `；共同概念 ${c.concepts.length} 个。` : '。',
    ),
    h(
      'nav',
      { className: ['cmp-toc'], ariaLabel: '对比内容' },
      h('a', { href: '#cmp-tasks' }, '任务对照'),
      h('a', { href: '#cmp-targets' }, '共同指标'),
      h('a', { href: '#cmp-units' }, '责任单位'),
      concepts ? h('a', { href: '#cmp-concepts' }, '共同概念') : null,
    ),
    h(
      'section',
      { className: ['cmp-section'], ariaLabelledby: 'cmp-tasks' },
      h('h2', { id: 'cmp-tasks' }, '任务对照'),
      h(
        'p',
        { className: ['cmp-legend'] },
        '每行是一对对应任务（按字符 n 元组 TF-IDF 余弦相似度配对，中间为相似度）。',
        h('span', { className: ['cmp-only'] }, '带下划线底色'),
        '的文字是对方任务中没有的表述',
        concepts ? ['；', h('mark', { className: ['cmp-concept'] }, '高亮'), '为两份文件的共同概念'] : null,
        '。未能配对的任务单独成行，两份文件各自的顺序保持不变。',
      ),
      h('ol', { className: ['cmp-rows'] }, ...c.rows.map((r) => row(r, input, shared))),
    ),
    targetsSection(input),
    unitsSection(input),
    concepts,
  );
}
