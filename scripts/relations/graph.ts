/**
 * The layout of the relations graph (pure): the collection drawn as its region
 * tree — one row per level of the region path (省, 市, 区), each region a box
 * spanning the columns of the regions under it, its documents stacked inside —
 * with the relations between documents as arrows. The relations page renders
 * it as SVG on the server, so it reads without JavaScript and offline.
 *
 * Written here rather than with a layered-graph library (dagre, elkjs): those
 * rank nodes by their edges, and the seeds have 1 relation among 19 documents,
 * so 17 unrelated documents would share one row. Rows by level and columns by
 * region keep every document where a reader looks for it, related or not.
 * A collection of more than SHOW_ALL documents draws only the documents that
 * have a relation, and each region box counts the others.
 */
import type { Relation, RelationKind, Standing } from './model.ts';

/** A document as the graph needs it. */
export interface GraphDocument {
  id: string;
  title: string;
  /** Region path, outermost first; [] when not known. */
  region: string[];
  status: Standing;
}

/** A region's box: its path, place and the documents it does not draw. */
export interface RegionBox {
  path: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Documents of this region (not below) left out of the drawing: they have no relation. */
  hidden: number;
}

/** A document's box and its title wrapped into lines. */
export interface DocumentNode {
  id: string;
  title: string;
  status: Standing;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

/** A relation drawn from one document to another. */
export interface GraphEdge {
  kind: RelationKind;
  from: string;
  to: string;
  /** SVG path data, ending at the `to` document (where the arrowhead goes). */
  d: string;
  /** Where the kind's label sits. */
  labelX: number;
  labelY: number;
}

/** The whole drawing, in CSS pixels. */
export interface GraphLayout {
  width: number;
  height: number;
  regions: RegionBox[];
  nodes: DocumentNode[];
  edges: GraphEdge[];
  /** True when unrelated documents were left out (the collection is larger than SHOW_ALL). */
  partial: boolean;
}

/** Collections up to this size draw every document; larger ones only the related ones. */
export const SHOW_ALL = 150;
const COLUMN = 212;
const NODE_WIDTH = 188;
const FONT = 13;
const LINE = 17;
const MAX_LINES = 4;
const PAD = 8;
const HEADER = 26;
const GAP = 10;
const ROW_GAP = 44;
const MARGIN = 12;
const UNKNOWN_REGION = '地区未注明';

interface Tree {
  name: string;
  path: string[];
  docs: GraphDocument[];
  hidden: number;
  children: Tree[];
  width: number;
}

/** Lays out the collection and its relations between documents of the collection. */
export function layoutGraph(documents: readonly GraphDocument[], relations: readonly Relation[], showAll = SHOW_ALL): GraphLayout {
  const internal = relations.filter((r) => r.from.id !== null && r.to.id !== null && r.from.id !== r.to.id);
  const related = new Set(internal.flatMap((r) => [r.from.id!, r.to.id!]));
  const partial = documents.length > showAll;
  const root: Tree = { name: '', path: [], docs: [], hidden: 0, children: [], width: 0 };
  for (const doc of documents) {
    const path = doc.region.length > 0 ? doc.region : [UNKNOWN_REGION];
    let node = root;
    for (const [i, name] of path.entries()) {
      let child = node.children.find((c) => c.name === name);
      if (!child) node.children.push((child = { name, path: path.slice(0, i + 1), docs: [], hidden: 0, children: [], width: 0 }));
      node = child;
    }
    if (!partial || related.has(doc.id)) node.docs.push(doc);
    else node.hidden += 1;
  }
  const measure = (t: Tree): number => {
    t.children.forEach(measure);
    const below = t.children.reduce((n, c) => n + c.width, 0);
    t.width = Math.max(t.docs.length > 0 || t.hidden > 0 || t.children.length === 0 ? COLUMN : 0, below);
    return t.width;
  };
  measure(root);

  // Row heights: the tallest box of each level.
  const nodeHeight = (doc: GraphDocument) => PAD * 2 + wrapTitle(doc.title).length * LINE;
  const boxHeight = (t: Tree) => HEADER + t.docs.reduce((h, d) => h + nodeHeight(d) + GAP, 0) + (t.hidden > 0 ? LINE + GAP : 0) + PAD;
  const rows: number[] = [];
  const walkRows = (t: Tree, depth: number) => {
    rows[depth] = Math.max(rows[depth] ?? 0, boxHeight(t));
    t.children.forEach((c) => walkRows(c, depth + 1));
  };
  root.children.forEach((c) => walkRows(c, 0));
  const rowTop = rows.map((_, i) => MARGIN + rows.slice(0, i).reduce((n, h) => n + h + ROW_GAP, 0));

  // In a box, documents related to a row above come first and those related to a row below last,
  // so an arrow between rows leaves from the facing side instead of crossing the box.
  const depthOf = new Map(documents.map((d) => [d.id, Math.max(0, d.region.length - 1)]));
  const pullOf = new Map<string, number>();
  for (const r of internal) {
    const [a, b] = [r.from.id!, r.to.id!];
    const step = Math.sign((depthOf.get(b) ?? 0) - (depthOf.get(a) ?? 0));
    pullOf.set(a, (pullOf.get(a) ?? 0) + step);
    pullOf.set(b, (pullOf.get(b) ?? 0) - step);
  }
  const pull = (id: string) => pullOf.get(id) ?? 0;

  const regions: RegionBox[] = [];
  const nodes: DocumentNode[] = [];
  const place = (t: Tree, depth: number, x: number) => {
    const y = rowTop[depth];
    regions.push({ path: t.path, x: x + 4, y, width: t.width - 8, height: rows[depth], hidden: t.hidden });
    let top = y + HEADER;
    for (const doc of [...t.docs].sort((a, b) => pull(a.id) - pull(b.id) || (a.id < b.id ? -1 : 1))) {
      const lines = wrapTitle(doc.title);
      const height = PAD * 2 + lines.length * LINE;
      nodes.push({ id: doc.id, title: doc.title, status: doc.status, x: x + (t.width - NODE_WIDTH) / 2, y: top, width: NODE_WIDTH, height, lines });
      top += height + GAP;
    }
    let childX = x;
    for (const c of t.children) {
      place(c, depth + 1, childX);
      childX += c.width;
    }
  };
  let x = MARGIN;
  for (const c of root.children) {
    place(c, 0, x);
    x += c.width;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = internal.flatMap((r): GraphEdge[] => {
    const a = byId.get(r.from.id!);
    const b = byId.get(r.to.id!);
    return a && b ? [edgeBetween(r.kind, a, b)] : [];
  });
  return { width: x + MARGIN, height: (rowTop.at(-1) ?? MARGIN) + (rows.at(-1) ?? 0) + MARGIN, regions, nodes, edges, partial };
}

/** A curve from `a` to `b`: between rows from the facing edges, within a row (or a column) round the right side. */
function edgeBetween(kind: RelationKind, a: DocumentNode, b: DocumentNode): GraphEdge {
  const ax = a.x + a.width / 2;
  const bx = b.x + b.width / 2;
  const round = (n: number) => Math.round(n * 10) / 10;
  if (a.y + a.height < b.y || b.y + b.height < a.y) {
    const down = a.y < b.y;
    const y1 = down ? a.y + a.height : a.y;
    const y2 = down ? b.y : b.y + b.height;
    const mid = (y1 + y2) / 2;
    return {
      kind,
      from: a.id,
      to: b.id,
      d: `M${round(ax)},${round(y1)} C${round(ax)},${round(mid)} ${round(bx)},${round(mid)} ${round(bx)},${round(y2)}`,
      labelX: round((ax + bx) / 2),
      labelY: round(mid),
    };
  }
  // Side by side or stacked in one box: leave from the right edge and come back round.
  const x1 = a.x + a.width;
  const x2 = b.x + b.width;
  const y1 = a.y + a.height / 2;
  const y2 = b.y + b.height / 2;
  const bulge = Math.max(x1, x2) + 28;
  return {
    kind,
    from: a.id,
    to: b.id,
    d: `M${round(x1)},${round(y1)} C${round(bulge)},${round(y1)} ${round(bulge)},${round(y2)} ${round(x2)},${round(y2)}`,
    labelX: round(bulge - 6),
    labelY: round((y1 + y2) / 2),
  };
}

/** A title in lines of at most NODE_WIDTH less padding (CJK characters one em, others about half), at most MAX_LINES, the last ending in … when cut. */
export function wrapTitle(title: string): string[] {
  const room = (NODE_WIDTH - PAD * 2) / FONT;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of title) {
    const w = /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
    if (used + w > room) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line) lines.push(line);
  if (lines.length > MAX_LINES) {
    const kept = lines.slice(0, MAX_LINES);
    kept[MAX_LINES - 1] = `${[...kept[MAX_LINES - 1]].slice(0, -1).join('')}…`;
    return kept;
  }
  return lines;
}

/** The drawing's constants the page's stylesheet and SVG use. */
export const GRAPH_TEXT = { font: FONT, line: LINE, pad: PAD, header: HEADER } as const;
