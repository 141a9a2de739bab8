/**
 * The kind of a document (文种) as the text names it: the word its title ends in
 * (…行动计划, …管理办法（试行）, …的通知), or, when no title is printed, the word
 * the text uses for itself (制定本行动计划, 本办法自…施行, 现提出如下意见). A
 * reader of official documents names the kind the same way; nothing is guessed
 * from the subject matter.
 */
import { KIND_WORDS } from '../../shared/document/kind-words.ts';
import { SELF_REFERENCE, TRAILING_BRACKETS } from './rules/kinds.ts';

/** The kind a title names, or undefined. */
export function kindOfTitle(title: string): string | undefined {
  const core = title
    .replace(/\s+/g, '')
    .replace(TRAILING_BRACKETS, '')
    .replace(/[》”"]+$/, '');
  return KIND_WORDS.find(([word]) => core.endsWith(word))?.[1];
}

/**
 * The kind a document calls itself in its own text, or undefined: the most
 * specific kind word among its self-references (本行动计划 over 本计划).
 */
export function kindOfSelfReference(texts: string[]): string | undefined {
  let best: number | undefined;
  for (const text of texts) {
    if (!text.includes('本') && !text.includes('如下') && !text.includes('以下')) continue;
    for (const m of text.matchAll(SELF_REFERENCE)) {
      // "本办法所称" and "本政策自…施行" are self-references too; "本行政区域" is not (no kind word ends there).
      const index = KIND_WORDS.findIndex(([w]) => w === m[1]);
      if (index >= 0 && (best === undefined || index < best)) best = index;
    }
  }
  return best === undefined ? undefined : KIND_WORDS[best][1];
}

/** The kind word as the text prints it in a self-reference, for an inferred title ("细则", not "实施细则"). */
export function selfReferenceWord(text: string): string | undefined {
  return new RegExp(SELF_REFERENCE.source).exec(text)?.[1];
}
