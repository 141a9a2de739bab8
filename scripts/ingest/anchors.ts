/**
 * Stage 7: gives every provision and 专栏 box of one document a stable anchor
 * (eId), a citation label and its task flag.
 *
 * eIds come only from marker styles, numbers and nesting, never from wording,
 * so they survive edits to the text. A style whose numbers run on through the
 * whole document (item 1–17 across five groups) gets short eIds (`item_10`);
 * a style that restarts in some parent is scoped by its parent's eId
 * (`sec_2__subsec_1__item_3`). Sections are always `sec_N`; anything inside a
 * box is scoped by the box (`box_1__item_2`).
 *
 * A task is a numbered provision without numbered children, except where a
 * document fills in a form: when two or more provisions have the same run of
 * labelled items ("1、工作目标：… 2、相关单位：… 3、主要职责：…"), those items are
 * fields of one task, and their parent is the task (东丽 招商引资工作机制: six
 * mechanisms, not eighteen tasks).
 *
 * Labels chain the markers exactly as printed ("三、（二）10．", "二、（一）3、"):
 * a reader can find each part on the page as written; the box marker is
 * followed by a space ("专栏1 2.") so its number does not run into the next.
 */
import type { Block, Box, Diagnostic, Provision, ProvisionKind } from './model.ts';
import { chineseToInt } from './rules/markers.ts';
import { provisionsOf } from '../../shared/document/walk.ts';

/** The anchored body of one document. */
export interface AnchoredBody {
  body: Block[];
  diagnostics: Diagnostic[];
}

/** eId prefix per marker style (Akoma Ntoso names). */
const PREFIX: Record<ProvisionKind, string> = {
  chapter: 'chp',
  section: 'sec',
  article: 'art',
  sec: 'sec',
  subsec: 'subsec',
  item: 'item',
  point: 'point',
  clause: 'clause',
};

/**
 * Kinds cited on their own: an article is "第五条" whatever chapter holds it,
 * so its label starts afresh, as a chapter's does; what is inside an article
 * chains from it ("第九条（一）").
 */
const CITED_ALONE = new Set<ProvisionKind>(['chapter', 'article']);

/** Assigns eId, label and isTask to a copy of one document's body blocks. */
export function assignAnchors(body: Block[], file = ''): AnchoredBody {
  const out = cloneBlocks(body);
  const diagnostics: Diagnostic[] = [];
  const runOn = runningKinds(out);
  const deeper = hasDeeperLevels(out);
  const forms = formParents(out);
  const used = new Set<string>();
  // Next suffix to try per base eId: a file that repeats one number thousands of
  // times (a 20 MB seed) stays linear instead of re-probing _2, _3, … each time.
  const nextSuffix = new Map<string, number>();

  const unique = (eid: string, line: number, what: string): string => {
    let id = eid;
    let n = nextSuffix.get(eid) ?? 2;
    while (used.has(id)) id = `${eid}_${n++}`;
    nextSuffix.set(eid, n);
    used.add(id);
    if (id !== eid) {
      diagnostics.push({
        severity: 'warning',
        code: 'anchor/duplicate',
        message: `${what} would repeat anchor "${eid}"; anchored as "${id}"`,
        file,
        line,
        hint: 'Two provisions carry the same number under one parent; check the numbering in the source.',
      });
    }
    return id;
  };

  const visit = (blocks: Block[], parent: { eid: string; label: string; inBox: boolean; form?: boolean } | null) => {
    for (const block of blocks) {
      if (block.type === 'box') {
        const eid = unique(`box_${boxNumber(block)}`, block.lineStart, block.marker);
        block.eid = eid;
        visit(block.children, { eid, label: `${parent?.label ?? ''}${block.marker} `, inBox: true });
      } else if (block.type === 'provision') {
        const own = `${PREFIX[block.kind]}_${block.num}`;
        // 第X节 shares Akoma Ntoso's "sec" with 一、, so it is always scoped by its chapter (chp_2__sec_1).
        const scoped = parent && (parent.inBox || block.kind === 'section' || (block.kind !== 'sec' && !runOn.has(block.kind)));
        block.eid = unique(scoped ? `${parent.eid}__${own}` : own, block.lineStart, block.marker);
        // 第X条 markers carry the space printed after them; a label does not.
        const marker = block.marker.trim();
        block.label = CITED_ALONE.has(block.kind) && !parent?.inBox ? marker : (parent?.label ?? '') + marker;
        if (parent?.form) block.isTask = false;
        else if (forms.has(block)) block.isTask = !(parent?.inBox ?? false);
        else block.isTask = isTask(block, parent === null, deeper, parent?.inBox ?? false);
        visit(block.children, { eid: block.eid, label: block.label, inBox: parent?.inBox ?? false, form: forms.has(block) });
      }
    }
  };
  visit(out, null);
  return { body: out, diagnostics };
}

/**
 * A deep copy of a body, node type by node type. structuredClone did the same for any value and
 * cost 3–4% of the whole ingest (measured on the bench's 500-document corpus); what a node holds
 * beyond its own fields (units, targets) is copied whole.
 */
export function cloneBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map(cloneBlock);
}

function cloneBlock(block: Block): Block {
  switch (block.type) {
    case 'paragraph':
      return block.targets ? { ...block, targets: structuredClone(block.targets) } : { ...block };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map((cell) => ({ ...cell }))) };
    case 'box':
      return { ...block, children: cloneBlocks(block.children) };
    case 'provision':
      return {
        ...block,
        units: block.units.length ? structuredClone(block.units) : [],
        targets: block.targets.length ? structuredClone(block.targets) : [],
        children: cloneBlocks(block.children),
      };
  }
}

/** A task is a numbered provision without numbered children (see module comment). */
function isTask(p: Provision, topLevel: boolean, deeper: boolean, inBox: boolean): boolean {
  if (inBox) return false; // a box lists examples or directions, not tasks
  if (p.kind === 'chapter' || p.kind === 'section') return false; // headings that group articles
  if (p.children.some((c) => c.type === 'provision')) return false;
  return !(topLevel && p.kind === 'sec' && deeper);
}

// A field label: short, and followed by a colon ("工作目标：", "相关单位:").
const FIELD_LABEL_MAX = 8;
const isFieldItem = (p: Provision) => (p.titleSep === '：' || p.titleSep === ':') && p.title.length > 0 && p.title.length <= FIELD_LABEL_MAX;

/**
 * Provisions whose numbered children are all labelled fields, with a run of labels that at least
 * one other provision of the document repeats: a form filled in once per provision.
 */
function formParents(body: Block[]): Set<Provision> {
  const byLabels = new Map<string, Provision[]>();
  for (const { node: b } of provisionsOf(body)) {
    const items = b.children.filter((c): c is Provision => c.type === 'provision');
    if (items.length >= 2 && items.every((c) => isFieldItem(c) && c.children.every((g) => g.type !== 'provision'))) {
      const key = items.map((c) => c.title).join('\u0000');
      byLabels.set(key, [...(byLabels.get(key) ?? []), b]);
    }
  }
  return new Set([...byLabels.values()].filter((parents) => parents.length >= 2).flat());
}

/**
 * Styles whose numbers never restart at a new parent, outside boxes. Numbering
 * slips inside one parent (3, 3 or 3, 7) do not count as a restart.
 */
function runningKinds(body: Block[]): Set<ProvisionKind> {
  const last = new Map<ProvisionKind, number>();
  const restarts = new Set<ProvisionKind>();
  const walk = (blocks: Block[]) => {
    const firstHere = new Set<ProvisionKind>();
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      const prev = last.get(b.kind);
      if (!firstHere.has(b.kind) && prev !== undefined && b.num <= prev) restarts.add(b.kind);
      firstHere.add(b.kind);
      last.set(b.kind, b.num);
      walk(b.children);
    }
  };
  walk(body);
  return new Set((Object.keys(PREFIX) as ProvisionKind[]).filter((k) => !restarts.has(k)));
}

/** Whether any top-level section holds numbered provisions. */
function hasDeeperLevels(body: Block[]): boolean {
  return body.some((b) => b.type === 'provision' && b.children.some((c) => c.type === 'provision' || c.type === 'box'));
}

function boxNumber(box: Box): number {
  const m = /(\d+|[一二三四五六七八九十百零〇两]+)\s*$/.exec(box.marker);
  const n = m ? chineseToInt(m[1]) : Number.NaN;
  return Number.isNaN(n) ? 0 : n;
}
