/**
 * Builds the MDX tree (mdast with MDX JSX nodes) of one document's body: the
 * notice, preamble, sections and tasks with their eId anchors, units, targets,
 * tables and boxes. Text stays in plain `text` nodes here so that remark
 * plugins (concept links) can work on it; remarkSafeText turns it into
 * literal-only MDX before serialisation.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { Block, PolicyDocument, Provision, Table, Box, Paragraph, Target, Unit } from '../ingest/model.ts';
import { byRole, roleText, targetTitle, unitTitle } from '../../shared/compare/format.ts';
import { paths } from '../urls/paths.ts';

/** What the tree builder needs besides the document. */
export interface MdxTreeContext {
  /** Department slug per unit name (for unit chips). */
  departmentSlug: (name: string) => string;
  /** Blocks appended to a provision's section after its units (the compare stage's 相似任务 list). */
  provisionExtras?: (p: Provision) => RootContent[];
}

type Attrs = Record<string, string | number | undefined>;

/**
 * Attribute values are written as JSON string literals (`id={"item_1"}`), like text:
 * safe whatever the value holds, and much cheaper to serialise than quoted
 * values, for which the MDX serialiser builds a regular expression per value.
 */
function attributes(attrs: Attrs): MdxJsxAttribute[] {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({
      type: 'mdxJsxAttribute',
      name,
      value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(String(value)) },
    }));
}

/** A block-level JSX element. */
export function flow(name: string, attrs: Attrs, children: Array<RootContent | PhrasingContent>): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children: children as MdxJsxFlowElement['children'] };
}

/** An inline JSX element. */
export function inline(name: string, attrs: Attrs, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

interface MarkSpan {
  start: number;
  end: number;
  target: Target;
}

/**
 * Splits `value` so that each target is wrapped in <mark class="target"> with its
 * own tooltip: the target's verbatim text, or, where one fragment holds several
 * targets ("A、B、C分别达到300家、50家、30家"), each quantity within it.
 */
export function markTargets(value: string, targets: Target[]): PhrasingContent[] {
  const spans: MarkSpan[] = [];
  const add = (span: MarkSpan) => {
    if (span.end > span.start && !spans.some((s) => span.start < s.end && span.end > s.start)) spans.push(span);
  };
  const byText = new Map<string, Target[]>();
  for (const target of targets) if (target.text) byText.set(target.text, [...(byText.get(target.text) ?? []), target]);
  for (const [fragment, group] of byText) {
    const start = value.indexOf(fragment);
    if (start < 0) continue;
    if (group.length === 1) {
      add({ start, end: start + fragment.length, target: group[0] });
      continue;
    }
    let from = start;
    for (const target of group) {
      const at = value.indexOf(target.quantity, from);
      if (at < 0 || at >= start + fragment.length) continue;
      add({ start: at, end: at + target.quantity.length, target });
      from = at + target.quantity.length;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const { start, end, target } of spans) {
    if (start > at) out.push(text(value.slice(at, start)));
    out.push(
      inline('mark', { class: 'target', title: targetTitle(target, false), 'data-year-from': target.yearFrom === 'inherited' ? 'inherited' : undefined }, [
        text(value.slice(start, end)),
      ]),
    );
    at = end;
  }
  if (at < value.length) out.push(text(value.slice(at)));
  return out;
}

/**
 * The unit chips of a provision, lead units first. Each chip's tooltip is its
 * evidence; the evidence most chips share (the task's own 责任单位 clause) is
 * written once, on the list, and a chip whose tooltip says the same has none of
 * its own (the browser shows the list's), which keeps long clauses from being
 * repeated on every chip of the page.
 */
function unitChips(units: Unit[], ctx: MdxTreeContext): MdxJsxFlowElement {
  const titles = units.map(unitTitle);
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  const shared = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const chips = byRole(units.map((u, i) => ({ role: u.role, u, title: titles[i] === shared ? undefined : titles[i] })));
  return flow(
    'ul',
    { class: 'units', 'aria-label': '责任单位', title: shared },
    chips.map(({ u, title }) => unitChip(u, title, ctx)),
  );
}

/** A unit chip: role first (牵头 / 配合), the name as written, a note kept out of the name. */
function unitChip(u: Unit, title: string | undefined, ctx: MdxTreeContext): MdxJsxFlowElement {
  const role = roleText(u.role);
  const label: PhrasingContent[] = [];
  if (role) label.push(inline('span', { class: 'unit-role' }, [text(role)]));
  label.push(text(u.name));
  if (u.note) label.push(inline('span', { class: 'count' }, [text(`（${u.note}）`)]));
  if (u.evidence.scope === 'document') label.push(inline('span', { class: 'visually-hidden' }, [text('（文件前文统一规定）')]));
  // Only what differs from a plain responsible unit of the task's own clause is marked (every byte is on every page).
  const attrs = { 'data-role': u.role === 'responsible' ? undefined : u.role, 'data-scope': u.evidence.scope === 'document' ? 'document' : undefined };
  return flow('li', attrs, [inline('a', { href: paths.department(ctx.departmentSlug(u.name)), title }, label)]);
}

function paragraph(p: Paragraph, targets: Target[]): MdxJsxFlowElement {
  const attrs: Attrs = p.unplaced ? { class: 'unplaced', title: '解析器未能将此段归入文件结构，按原文位置保留' } : {};
  return flow('p', { ...attrs, 'data-lines': `${p.lineStart}-${p.lineEnd}` }, markTargets(p.text, targets));
}

function table(t: Table): MdxJsxFlowElement {
  const headerRows = t.rows.filter((row) => row.length > 0 && row.every((c) => c.header));
  const bodyRows = t.rows.filter((row) => !(row.length > 0 && row.every((c) => c.header)));
  const row = (cells: Table['rows'][number]) =>
    flow(
      'tr',
      {},
      cells.map((c) =>
        flow(
          c.header ? 'th' : 'td',
          {
            colspan: c.colspan && c.colspan > 1 ? c.colspan : undefined,
            rowspan: c.rowspan && c.rowspan > 1 ? c.rowspan : undefined,
            scope: c.header ? 'col' : undefined,
          },
          c.text ? [text(c.text)] : [],
        ),
      ),
    );
  const children: MdxJsxFlowElement[] = [];
  if (t.caption) children.push(flow('caption', {}, [text(t.caption)]));
  if (headerRows.length) children.push(flow('thead', {}, headerRows.map(row)));
  children.push(flow('tbody', {}, bodyRows.map(row)));
  return flow('div', { class: 'table-wrap', 'data-lines': `${t.lineStart}-${t.lineEnd}` }, [flow('table', {}, children)]);
}

/** Renders the document tree; `depth` is the heading depth of the current level. */
function blocks(list: Block[], doc: PolicyDocument, ctx: MdxTreeContext, depth: number, targets: Target[]): RootContent[] {
  return list.map((block) => {
    switch (block.type) {
      case 'paragraph':
        // A paragraph outside provisions (a preamble) carries its own targets.
        return paragraph(block, block.targets ?? targets);
      case 'table':
        return table(block);
      case 'box':
        return box(block, doc, ctx, depth);
      case 'provision':
        return provision(block, doc, ctx, depth);
    }
  });
}

function box(b: Box, doc: PolicyDocument, ctx: MdxTreeContext, depth: number): MdxJsxFlowElement {
  const level = Math.min(depth, 6);
  return flow('aside', { class: 'box', 'aria-labelledby': b.eid }, [
    flow(`h${level}`, { id: b.eid }, [text(b.marker + (b.title ? ` ${b.title}` : ''))]),
    ...blocks(b.children, doc, ctx, depth + 1, []),
  ]);
}

function provision(p: Provision, doc: PolicyDocument, ctx: MdxTreeContext, depth: number): MdxJsxFlowElement {
  const level = Math.min(depth, 6);
  const heading = flow(`h${level}`, { id: p.eid, 'data-label': p.label }, [text(p.marker + p.title + p.titleSep)]);
  const tools = provisionTools(p, doc);
  const children: RootContent[] = [heading, tools, ...blocks(p.children, doc, ctx, depth + 1, p.targets)];
  if (p.units.length > 0) {
    children.push(unitChips(p.units, ctx));
  }
  children.push(...(ctx.provisionExtras?.(p) ?? []));
  const classes = ['prov', `prov-${p.kind}`, p.isTask ? 'task' : ''].filter(Boolean).join(' ');
  // An <article>, not a <section>: a named section is a landmark, and documents repeat
  // headings ("1、工作目标：" in every group), which would give duplicate landmark names.
  return flow('article', { class: classes, 'aria-labelledby': p.eid, 'data-lines': `${p.lineStart}-${p.lineEnd}` }, children);
}

/**
 * The tool bar under a provision's heading: its permalink (§ label) and a link to its lines in the
 * original text. The page script adds "复制引用" beside the permalink. Permalink and source link are
 * page furniture, not the document's text: kept out of search.
 */
function provisionTools(p: Provision, doc: PolicyDocument): MdxJsxFlowElement {
  return flow('div', { class: 'prov-tools', 'data-pagefind-ignore': '' }, [
    inline('a', { class: 'permalink', href: `#${p.eid}`, title: '本条链接（可复制）' }, [text(`§ ${p.label}`)]),
    text('\n'),
    inline('a', { class: 'srclink', href: `${paths.source(doc.id)}#L${p.lineStart}`, title: `原文第${p.lineStart}–${p.lineEnd}行` }, [text('原文')]),
  ]);
}

/** The MDX tree of a document's body (the page layout adds title, metadata card and navigation). */
export function documentTree(doc: PolicyDocument, ctx: MdxTreeContext): Root {
  const children: RootContent[] = [];
  if (doc.notice && doc.notice.paragraphs.length > 0) {
    children.push(
      flow('section', { class: 'notice', 'aria-label': '印发通知' }, [
        flow('h2', { id: 'notice', class: 'visually-hidden' }, [text('印发通知')]),
        ...doc.notice.paragraphs.map((p) => paragraph(p, [])),
      ]),
    );
  }
  if (doc.subtitle.length > 0) {
    children.push(
      flow(
        'div',
        { class: 'subtitle' },
        doc.subtitle.map((s) => flow('p', {}, [text(s)])),
      ),
    );
  }
  if (doc.preamble.length > 0) {
    children.push(flow('div', { class: 'preamble' }, blocks(doc.preamble, doc, ctx, 2, [])));
  }
  children.push(...blocks(doc.body, doc, ctx, 2, []));
  if (doc.closing && doc.closing.paragraphs.length > 0) {
    // The 附件说明 under the text, then 署名, 成文日期 and 附注 at the right, as GB/T 9704 lays them out.
    const signed = doc.closing.signatureLine ?? doc.closing.dateLine ?? Number.POSITIVE_INFINITY;
    const note = doc.closing.paragraphs.filter((p) => p.lineStart < signed);
    const signature = doc.closing.paragraphs.filter((p) => p.lineStart >= signed);
    children.push(
      flow('div', { class: 'closing' }, [
        ...(note.length
          ? [
              flow(
                'div',
                { class: 'attachment-note' },
                note.map((p) => paragraph(p, [])),
              ),
            ]
          : []),
        ...(signature.length
          ? [
              flow(
                'div',
                { class: 'signature' },
                signature.map((p) => paragraph(p, [])),
              ),
            ]
          : []),
      ]),
    );
  }
  for (const a of doc.attachments ?? []) {
    // A space between 附件1 and its title, which the source prints on the next line.
    const heading = a.title && !/[：:\s]$/.test(a.marker) ? `${a.marker} ${a.title}` : a.marker + a.title;
    children.push(
      flow('section', { class: 'attachment', 'aria-labelledby': a.eid, 'data-lines': `${a.lineStart}-${a.lineEnd}` }, [
        flow('h2', { id: a.eid }, [text(heading)]),
        ...blocks(a.body, doc, ctx, 3, []),
      ]),
    );
  }
  if (doc.footer && doc.footer.paragraphs.length > 0) {
    children.push(
      flow(
        'section',
        { class: 'doc-footer', 'aria-label': '抄送与印发' },
        doc.footer.paragraphs.map((p) => paragraph(p, [])),
      ),
    );
  }
  return { type: 'root', children };
}
