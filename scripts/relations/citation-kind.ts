/**
 * What a 《…》 citation says about the cited document, read from the words of
 * its clause: 根据《甲》 (based on), 落实《甲》 (carries out), 《甲》的配套文件,
 * 转发《甲》, 修订《甲》, 代替《甲》, 原《甲》同时废止. A title in a list
 * (根据《甲》《乙》和《丙》, 《甲》、《乙》同时废止) takes the words of the whole
 * list. A citation with none of these words is a plain 引用.
 */
import type { RelationKind } from './model.ts';

/** The kind, whether the cited document is the subject (根据《决定》修改: the decision revises this one), and the words that say it. */
export interface CitationReading {
  kind: RelationKind;
  /** True when the relation runs from the cited document to the citing one. */
  reversed: boolean;
  /** Offsets [start, end) of the deciding words in the text (empty for 引用). */
  marks: Array<[number, number]>;
}

/** Ends a clause (the words governing a title stay inside one). */
const CLAUSE_END = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '\n']);
const GROUPS: Record<string, string> = { '《': '》', '（': '）', '(': ')', '〔': '〕', '[': ']' };
const GROUP_OPEN = new Map(Object.entries(GROUPS).map(([open, close]) => [close, open]));

/**
 * The words after a title, by kind; the first that matches decides. Searched in the rest of the clause with
 * every other title and parenthesis (文号) taken out.
 */
const AFTER: Array<[RelationKind, RegExp, boolean]> = [
  ['废止', /(?:同时|一并|予以|即行)?废止|(?:同时|即日起|自行)?失效/, false],
  ['替代', /(?:同时)?(?:停止执行|不再执行|停止施行|不再施行)/, false],
  ['配套', /配套(?:文件|政策|措施|细则)?/, false],
  ['转发', /转发给/, false],
  ['落实', /落地(?:实施|见效)|贯彻执行|贯彻落实/, false],
  // 对《甲》进行修订 (a revision this document makes); 定期修订《甲》 is a task, read below as no relation word.
  ['修订', /^进行了?(?:修订|修改)$|^(?:修订|修改)如下$|^作(?:如下|以下)修改$/, false],
];

/** Words before a title; the one nearest the title decides (为贯彻落实…，依据《甲》 is 依据). */
const BEFORE: Array<[RelationKind, RegExp]> = [
  ['废止', /废止/g],
  ['替代', /代替|替代|取代/g],
  ['修订', /^(?:关于)?现?(?:修订|修改)$/g],
  ['转发', /转发/g],
  ['配套', /配套/g],
  ['落实', /贯彻落实|落实|贯彻|执行|细化/g],
  ['依据', /根据|依据|依照|按照|遵照|参照|遵循/g],
];

/** 《…决定》修改 / 第二次修正 after a title: the cited document amended the citing one. */
const AMENDED_BY = /^(?:第[一二三四五六七八九十]+次)?(?:修改|修正|修订)$/;

/** Reads the kind of the citation at [start, end) (the brackets included) of `text`. */
export function readCitation(text: string, start: number, end: number): CitationReading {
  const before = clauseBefore(text, start);
  const after = clauseAfter(text, end);
  // 根据《决定》修改 / 2022年3月24日《决定》修改: the decision amended this document (对《甲》修改 is this one amending 甲).
  if (AMENDED_BY.test(after.words.trim()) && !/对$/.test(before.words)) {
    return { kind: '修订', reversed: true, marks: [...found(before, /根据|依据|依照/g), ...found(after, /修改|修正|修订/g)] };
  }
  for (const [kind, re, reversed] of AFTER) {
    const marks = found(after, new RegExp(re.source, 'g'));
    if (marks.length > 0) return { kind, reversed, marks };
  }
  let best: { kind: RelationKind; at: number; marks: Array<[number, number]> } | undefined;
  for (const [kind, re] of BEFORE) {
    const marks = found(before, re);
    const last = marks.at(-1);
    if (last && (!best || last[1] > best.at)) best = { kind, at: last[1], marks: [last] };
  }
  return best ? { kind: best.kind, reversed: false, marks: best.marks } : { kind: '引用', reversed: false, marks: [] };
}

/** The words of a clause with the titles and parentheses taken out, and for each kept character its offset in the text. */
interface Words {
  words: string;
  offsets: number[];
}

function clauseBefore(text: string, start: number): Words {
  const kept: number[] = [];
  let depth = 0;
  for (let i = start - 1; i >= 0; i--) {
    const ch = text[i];
    if (GROUP_OPEN.has(ch)) depth += 1;
    else if (ch in GROUPS) {
      // An unclosed （ before the title: the title sits inside a parenthesis, which bounds its clause.
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0) {
      if (CLAUSE_END.has(ch)) break;
      kept.push(i);
    }
  }
  kept.reverse();
  return { words: kept.map((i) => text[i]).join(''), offsets: kept };
}

function clauseAfter(text: string, end: number): Words {
  const kept: number[] = [];
  let depth = 0;
  for (let i = end; i < text.length; i++) {
    const ch = text[i];
    if (ch in GROUPS) depth += 1;
    else if (GROUP_OPEN.has(ch)) {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0) {
      if (CLAUSE_END.has(ch)) break;
      kept.push(i);
    }
  }
  return { words: kept.map((i) => text[i]).join(''), offsets: kept };
}

/** Every match of `re` (global) in the words, as offsets in the text. */
function found(words: Words, re: RegExp): Array<[number, number]> {
  return [...words.words.matchAll(re)].map((m) => [words.offsets[m.index], words.offsets[m.index + m[0].length - 1] + 1]);
}
