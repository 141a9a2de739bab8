/**
 * Rules for the blocks of a document body: article captions, closing clauses, table captions. Each
 * regular expression under a purpose name (the habit of marked's rules file).
 */
import { CLOSING_CLAUSE_WORDS, kindWordsPattern } from '../../../shared/document/kind-words.ts';

/** A caption printed right after 第X条: "第一条　（目的和依据）". */
export const ARTICLE_CAPTION = /^[（(][^（）()。；]{1,20}[）)]/;

/** A closing clause of the whole document: "本方案自…施行", "本措施所称…". */
export const CLOSING = new RegExp(`^本${kindWordsPattern(CLOSING_CLAUSE_WORDS)}(?:自|所称|由|有效期)`);

/** The title of a closing section that holds the closing clauses itself. */
export const ANNEX = /附则/;

/** A caption line right above a table mentions 表 (and is short, with no sentence end: see hierarchy/lexer.ts). */
export const CAPTION = /表/;
