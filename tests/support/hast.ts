/** hast helpers for tests that compare trees from different parsers. */
import type { Nodes } from 'hast';

/** The tree without source positions (fromHtml records them, parse-html.ts does not); changes the tree in place. */
export function withoutPositions<T extends Nodes>(tree: T): T {
  delete tree.position;
  if ('children' in tree) for (const child of tree.children) withoutPositions(child);
  if (tree.type === 'element' && tree.content) withoutPositions(tree.content);
  return tree;
}
