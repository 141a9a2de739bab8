/**
 * Relations as one document sees them: which side it is on and who the other
 * side is. Kept apart from the analysis so pages import only this.
 */
import { RELATION_KINDS, type Relation, type RelationEnd } from './model.ts';

/** A relation seen from one document: the other side, and whether this document is the relation's subject. */
export interface RelationView {
  relation: Relation;
  /** True when this document is `from` (it cites, carries out, repeals… the other). */
  outgoing: boolean;
  other: RelationEnd;
}

/** The relations of one document, outgoing first, each kind in RELATION_KINDS order. */
export function relationsOf(relations: readonly Relation[], id: string): RelationView[] {
  return relationIndex(relations.filter((r) => r.from.id === id || r.to.id === id)).get(id) ?? [];
}

/** Every document's relations in one pass (pages ask for each document's, and scanning per page is quadratic). */
export function relationIndex(relations: readonly Relation[]): Map<string, RelationView[]> {
  const index = new Map<string, RelationView[]>();
  const push = (id: string | null, view: RelationView) => {
    if (id === null) return;
    const list = index.get(id);
    if (list) list.push(view);
    else index.set(id, [view]);
  };
  for (const relation of relations) {
    push(relation.from.id, { relation, outgoing: true, other: relation.to });
    if (relation.to.id !== relation.from.id) push(relation.to.id, { relation, outgoing: false, other: relation.from });
  }
  for (const list of index.values())
    list.sort((a, b) => Number(b.outgoing) - Number(a.outgoing) || RELATION_KINDS.indexOf(a.relation.kind) - RELATION_KINDS.indexOf(b.relation.kind));
  return index;
}
