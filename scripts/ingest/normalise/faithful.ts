/**
 * The faithfulness check the tests run on normalise: every non-whitespace character of the seed is in
 * the output text or in a recorded removal. Not part of the pipeline.
 */
import type { NormalisedFile, SourceFile } from '../model.ts';

/** A non-whitespace character of the seed that is neither in the output text nor in a recorded removal. */
export interface UnaccountedCharacter {
  line: number;
  char: string;
}

/**
 * Lists the seed's non-whitespace characters that appear neither, in order, in the logical lines'
 * text nor in a recorded removal (page numbers, control characters). Empty means faithful.
 */
export function unaccountedCharacters(source: SourceFile, normalised: NormalisedFile): UnaccountedCharacter[] {
  const output = nonWhitespace(normalised.lines.map((l) => l.text).join(''));
  const removedByLine = new Map<number, string>();
  for (const record of normalised.normalisations) {
    const removed = nonWhitespace(removedBy(record.before, record.after));
    if (removed) removedByLine.set(record.line, (removedByLine.get(record.line) ?? '') + removed);
  }
  const missing: UnaccountedCharacter[] = [];
  let p = 0;
  source.lines.forEach((raw, i) => {
    const line = i + 1;
    const removed = removedByLine.get(line) ?? '';
    let r = 0;
    for (const char of nonWhitespace(raw)) {
      // Removals first: a removed page number's digits must not be matched against the text after it.
      if (r < removed.length && removed.startsWith(char, r)) r += char.length;
      else if (output.startsWith(char, p)) p += char.length;
      else missing.push({ line, char });
    }
  });
  return missing;
}

function nonWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The characters of `before` left over after matching `after` as a subsequence: what a change removed. */
function removedBy(before: string, after: string): string {
  let removed = '';
  let j = 0;
  for (const ch of before) {
    // Whitespace a change put in (a pipe table's cells joined by tabs) matches nothing of the seed.
    while (j < after.length && /\s/.test(after[j]) && !/\s/.test(ch)) j++;
    if (after.startsWith(ch, j)) j += ch.length;
    else removed += ch;
  }
  return removed;
}
