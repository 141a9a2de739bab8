/**
 * Differences between two Chinese texts, for marking what an aligned pair of
 * tasks (or two versions of a paragraph) does not share.
 *
 * jsdiff does the diffing. Words come from Intl.Segmenter (ICU's Chinese
 * dictionary, in Node and in browsers), so "强化要素保障" vs "加大要素保障力度"
 * reads as 强化→加大 … +力度 rather than as scattered single characters; where
 * Intl.Segmenter is missing, characters are the unit. Afterwards, kept runs of
 * a single character between two changes are folded into the changes: an
 * isolated shared "的" or "，" is noise to a reader, not agreement.
 */
import { diffChars, diffWords } from 'diff';
import type { DiffPiece } from './model.ts';

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Merges adjacent pieces of the same op. */
function coalesce(pieces: DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const p of pieces) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Folds kept runs shorter than `minKeep` characters that sit between changes into both sides of the change. */
export function foldShortKeeps(pieces: DiffPiece[], minKeep = 2): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const between = i > 0 && i < pieces.length - 1 && pieces[i - 1].op !== 'equal' && pieces[i + 1].op !== 'equal';
    if (p.op === 'equal' && between && Array.from(p.text).length < minKeep) {
      out.push({ op: 'delete', text: p.text }, { op: 'insert', text: p.text });
    } else out.push(p);
  }
  // Regroup so each change reads as all deletions then all insertions.
  const grouped: DiffPiece[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) grouped.push({ op: 'delete', text: del });
    if (ins) grouped.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  for (const p of out) {
    if (p.op === 'delete') del += p.text;
    else if (p.op === 'insert') ins += p.text;
    else {
      flush();
      grouped.push(p);
    }
  }
  flush();
  return coalesce(grouped);
}

/**
 * Stands in for "\n" while diffing: jsdiff's word diff treats whitespace as
 * glue and may move or drop line breaks, so they become a control character
 * that the ingest removes from every text (it cannot occur otherwise) and that
 * the segmenter keeps as a word of its own.
 */
const LINE_BREAK = '\u001e';

/** The difference from `before` to `after`, by words where the runtime can segment Chinese, else by characters. */
export function diffText(before: string, after: string): DiffPiece[] {
  const seg = wordSegmenter();
  const x = before.replaceAll('\n', LINE_BREAK);
  const y = after.replaceAll('\n', LINE_BREAK);
  const changes = seg ? diffWords(x, y, { intlSegmenter: seg }) : diffChars(x, y);
  const pieces = foldShortKeeps(toPieces(changes, (v) => v.replaceAll(LINE_BREAK, '\n')));
  // Word mode may normalise whitespace between words; each side must read exactly as written.
  if (joined(sideOf(pieces, 'before')) === before && joined(sideOf(pieces, 'after')) === after) return pieces;
  return foldShortKeeps(toPieces(diffChars(before, after), (v) => v));
}

/** jsdiff's change objects as pieces (adjacent pieces of one op merged). */
function toPieces(changes: Array<{ added: boolean; removed: boolean; value: string }>, text: (value: string) => string): DiffPiece[] {
  return coalesce(changes.map((c): DiffPiece => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: text(c.value) })));
}

function joined(pieces: DiffPiece[]): string {
  return pieces.map((p) => p.text).join('');
}

/** The text of one side of a diff: `before` keeps equal+delete pieces, `after` keeps equal+insert. */
export function sideOf(pieces: DiffPiece[], side: 'before' | 'after'): DiffPiece[] {
  const drop = side === 'before' ? 'insert' : 'delete';
  return pieces.filter((p) => p.op !== drop);
}

/** Share of `before`'s characters kept in `after` (0–1), a plain-language overlap figure. */
export function keptShare(pieces: DiffPiece[]): number {
  let kept = 0;
  let total = 0;
  for (const p of pieces) {
    if (p.op === 'insert') continue;
    const n = Array.from(p.text).length;
    total += n;
    if (p.op === 'equal') kept += n;
  }
  return total === 0 ? 1 : kept / total;
}
