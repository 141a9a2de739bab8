/**
 * The one walk over a document's blocks: depth first, in reading order, into the children of
 * provisions and 专栏 boxes. Every listing of provisions, tasks, units or targets goes through it,
 * so "what is inside a document" has a single meaning (boxes included, attachments not: an
 * attachment's body is walked only when a caller passes it).
 */
import type { Block, Box, Provision } from '../../scripts/ingest/model.ts';

/** A block that holds blocks. */
export type Container = Provision | Box;

/** Returned by a visitor to leave the children of the block it was given unvisited. */
export const SKIP = 'skip';

/**
 * Calls `visit` on every block of `blocks` and below, depth first in reading order. `ancestors`
 * are the containers enclosing the block, outermost first (one array, changed as the walk goes:
 * copy it to keep it). Return SKIP to not descend into a block's children.
 */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block, ancestors: readonly Container[]) => typeof SKIP | undefined): void {
  const ancestors: Container[] = [];
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (visit(block, ancestors) === SKIP || (block.type !== 'provision' && block.type !== 'box')) continue;
      ancestors.push(block);
      walk(block.children);
      ancestors.pop();
    }
  };
  walk(blocks);
}

/** A provision with its depth: 1 at the top of the walked blocks, one more inside each provision or box. */
export interface ProvisionAt {
  node: Provision;
  depth: number;
}

/** Every provision of `blocks` in reading order, boxes' included, with its depth. */
export function provisionsOf(blocks: readonly Block[]): ProvisionAt[] {
  const out: ProvisionAt[] = [];
  walkBlocks(blocks, (b, ancestors) => {
    if (b.type === 'provision') out.push({ node: b, depth: ancestors.length + 1 });
  });
  return out;
}

/** The nearest provision enclosing a block (boxes skipped), or undefined at the top. */
export function enclosingProvision(ancestors: readonly Container[]): Provision | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === 'provision') return a;
  }
  return undefined;
}
