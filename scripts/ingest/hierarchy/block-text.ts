/** A block's text as written, for checks, merging and search. */
import type { Block } from '../model.ts';

/**
 * The full text of a block in order (marker + title + titleSep + children),
 * logical lines joined by "\n", table cells by "\t"; for checks and search.
 */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'table':
      return [block.caption, ...block.rows.map((r) => r.map((c) => c.text).join('\t'))].filter((t) => t !== undefined).join('\n');
    case 'box':
      return [block.marker + block.title, ...block.children.map(blockText)].join('\n');
    case 'provision': {
      const head = block.marker + block.title + block.titleSep;
      const [first, ...rest] = block.children;
      // The first paragraph came from the heading's own line: no break between them.
      if (first?.type === 'paragraph' && first.lineStart === block.lineStart) {
        return [head + first.text, ...rest.map(blockText)].join('\n');
      }
      return [head, ...block.children.map(blockText)].join('\n');
    }
  }
}
