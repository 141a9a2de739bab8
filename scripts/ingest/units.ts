/**
 * Stage 5a: responsible units (责任单位) named in the text of one provision.
 *
 * Policy documents name the departments responsible for a task in several ways:
 * a labelled list in brackets "（责任单位：区财政局、区发展改革局）", a
 * "牵头单位：…；配合单位：…" pair, a lead/support phrase "（省工信厅牵头，省财政厅
 * 配合）", a list closed by "按职责分工负责", or a bare bracketed list at the end of
 * a sentence "（市科委、中关村管委会）". Names are returned exactly as written,
 * except that a note written inside a name is set apart: "各市（含定州、辛集市，
 * 下同）政府" is the unit 各市政府 with the note 含定州、辛集市，下同. Each unit keeps
 * the clause it was read from (its evidence).
 *
 * Some clauses speak for the rest of the document; `findStandingClauses` finds
 * them and scripts/ingest/extract.ts applies them in reading order:
 * "以下均需各市政府、雄安新区管委会落实，不再列出" (units of every later task) and
 * "列第一位的为牵头单位，下同" (the first unit of every later list leads).
 */
import type { Diagnostic, Evidence, Unit } from './model.ts';
import {
  ANNOTATION,
  BRACKET,
  CLOSERS,
  COLLECTIVE_UNIT,
  DUTY_SUFFIX,
  ETC_TAIL,
  FIRST_IS_LEAD,
  GROUP_ROLE_SUFFIX,
  GROUP_SEPARATORS,
  LABEL,
  LABEL_ANYWHERE,
  LATER_TASKS,
  NAME_NOTE,
  NAME_SEPARATORS,
  NOT_UNIT,
  OPENERS,
  STANDING_CUE,
  UNIT_SUFFIX,
} from './rules/units.ts';

/** Where the text comes from, so a warning can name the seed file and line. */
export interface UnitContext {
  file: string;
  /** 1-based physical line where the text starts. */
  line: number;
}

/** The units found in one text, in order of first mention, plus warnings. */
export interface UnitExtraction {
  units: Unit[];
  diagnostics: Diagnostic[];
}

/** A clause that applies beyond the list it is written in. */
export type StandingClause =
  /** "以下均需各市政府、雄安新区管委会落实，不再列出": these units are responsible for every later task. */
  | { kind: 'later-tasks'; units: string[]; evidence: Evidence }
  /** "列第一位的为牵头单位，下同": the first unit of every later list leads (and of this one). */
  | { kind: 'first-leads'; evidence: Evidence }
  /** "各市（含定州、辛集市，下同）政府": later mentions of 各市政府 carry the same note. */
  | { kind: 'name-note'; name: string; note: string; evidence: Evidence };

// ---------------------------------------------------------------------------
// Reading (the rules are in rules/units.ts)

/** Looks like the name of a department, government body, company or collective. */
export function isUnitName(s: string): boolean {
  const name = s.trim();
  if (name.length < 2 || name.length > 60) return false;
  if (/[\d０-９]/.test(name)) return false;
  if (COLLECTIVE_UNIT.test(name)) return true;
  return UNIT_SUFFIX.test(name) && !NOT_UNIT.test(name);
}

/** Finds responsible units in the text of one provision or paragraph. */
export function extractUnits(text: string, context: UnitContext): UnitExtraction {
  const found: Located[] = [];
  const diagnostics: Diagnostic[] = [];
  const brackets = topLevelBrackets(text);

  for (const bracket of brackets) {
    const read = readBracket(text, bracket);
    if (!read) continue;
    const clause = text.slice(bracket.open, bracket.close < 0 ? text.length : bracket.close + 1);
    found.push({ at: bracket.open, units: withEvidence(read, clause, context) });
    if (bracket.close < 0) diagnostics.push(unbalanced(text, bracket, context));
  }
  found.push(...readLabelledRuns(text, brackets, context));
  found.sort((a, b) => a.at - b.at);
  return { units: dedupe(found.flatMap((f) => f.units)), diagnostics };
}

/** The clauses of a text that apply to later tasks, in order; see {@link StandingClause}. */
export function findStandingClauses(text: string, context: UnitContext): StandingClause[] {
  const found: Array<{ at: number; clause: StandingClause }> = [];
  // Every standing clause says 不再…列出, 牵头 or 下同; most texts say none of them.
  if (!STANDING_CUE.test(text)) return [];
  for (const m of text.matchAll(LATER_TASKS)) {
    const units = mergeFragments(splitTopLevel(m[1], NAME_SEPARATORS)).map((n) => cleanName(n).name);
    if (units.length === 0 || !units.every(isUnitName)) continue;
    found.push({ at: m.index, clause: { kind: 'later-tasks', units, evidence: { text: m[0], line: context.line } } });
  }
  for (const m of text.matchAll(new RegExp(`${FIRST_IS_LEAD.source}[^。）)]*`, 'g'))) {
    // Without 下同 the clause speaks of its own list only (parseList applies it there).
    if (/下同|以下|各项/.test(m[0])) found.push({ at: m.index, clause: { kind: 'first-leads', evidence: { text: m[0], line: context.line } } });
  }
  for (const m of text.matchAll(new RegExp(NAME_NOTE.source, 'g'))) {
    if (!m[1].includes('下同')) continue;
    const around = nameAround(text, m.index, m.index + m[0].length);
    if (around)
      found.push({ at: m.index, clause: { kind: 'name-note', name: around.name, note: m[1], evidence: { text: around.written, line: context.line } } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.clause);
}

/** The unit name a note sits in: "各市（含…）政府" → 各市政府, and the name as written. */
function nameAround(text: string, open: number, close: number): { name: string; written: string } | null {
  const before = /[^、，,；;：:（(）)。\s]*$/.exec(text.slice(0, open))![0];
  const after = /^[^、，,；;：:（(）)。\s]*/.exec(text.slice(close))![0];
  const name = before + after;
  return after !== '' && isUnitName(name) ? { name, written: before + text.slice(open, close) + after } : null;
}

/** Units as read from a list (name, role, note) with the clause they were read from. */
function withEvidence(read: ReadUnit[], clause: string, context: UnitContext): Unit[] {
  return read.map((u) => ({ ...u, evidence: { text: clause, line: context.line, scope: 'task' } }));
}

/** A unit as a list gives it, before its evidence is attached. */
type ReadUnit = Omit<Unit, 'evidence'>;

/** Units read at one place in the text, so that lists keep the order they are written in. */
interface Located {
  at: number;
  units: Unit[];
}

// ---------------------------------------------------------------------------
// Brackets

interface Bracket {
  /** Index of the opening bracket. */
  open: number;
  /** Index of the closing bracket, or -1 when the text ends first. */
  close: number;
  content: string;
}

/** Outermost bracket pairs; （ and ( close each other, as the seeds mix them. */
function topLevelBrackets(text: string): Bracket[] {
  const result: Bracket[] = [];
  let depth = 0;
  let open = -1;
  // Jumps from bracket to bracket: a loop over every character was 5% of the ingest.
  for (const m of text.matchAll(BRACKET)) {
    const i = m.index;
    if (OPENERS.includes(m[0])) {
      if (depth === 0) open = i;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) result.push({ open, close: i, content: text.slice(open + 1, i) });
    }
  }
  if (depth > 0) result.push({ open, close: -1, content: text.slice(open + 1) });
  return result;
}

/** Units from one bracket, or null when the bracket is not a unit list. */
function readBracket(text: string, bracket: Bracket): ReadUnit[] | null {
  const content = bracket.content.trim();
  if (LABEL.test(content) || DUTY_SUFFIX.test(content)) return parseList(content, false);
  // 牵头/配合/负责 phrases and bare lists must consist of unit-like names only,
  // so that "（鼓励企业牵头）" or "（含定州、辛集市）" are not taken for units.
  if (GROUP_ROLE_SUFFIX.test(content) || /牵头[，,；;]/.test(content)) return parseList(content, true);
  // A bare list counts only where a task's units are written: at the end of a
  // sentence or paragraph, e.g. "…给予资金支持（市科委、中关村管委会）。"
  // An unclosed bracket runs to the end of the text, which also ends a sentence.
  if (bracket.close >= 0 && !endsSentence(text, bracket.close + 1)) return null;
  return parseList(content, true);
}

/** True when only spaces and then sentence-final punctuation or the end follow. */
function endsSentence(text: string, from: number): boolean {
  const rest = text.slice(from).trimStart();
  return rest === '' || /^[。．.；;！？!?\n]/.test(rest);
}

/** A warning for a unit list whose bracket is never closed. */
function unbalanced(text: string, bracket: Bracket, context: UnitContext): Diagnostic {
  const quoted = text.slice(bracket.open, bracket.open + 24);
  return {
    severity: 'warning',
    code: 'extract/unbalanced',
    message: `${context.file}:${context.line}: unit list "${quoted}…" has no closing bracket; read it up to the end of the text`,
    file: context.file,
    line: context.line,
    hint: 'Check whether the paragraph was cut off or split in the middle of the list; the seed itself is never edited.',
  };
}

// ---------------------------------------------------------------------------
// Labelled runs outside brackets: "相关单位：投资促进局、各街道园区"

/** Units after a label that is not inside brackets, up to the end of its sentence. */
function readLabelledRuns(text: string, brackets: Bracket[], context: UnitContext): Located[] {
  const runs: Located[] = [];
  // Brackets are in text order and matches come in text order: one pointer suffices.
  let b = 0;
  const inBracket = (i: number) => {
    while (b < brackets.length && brackets[b].close >= 0 && brackets[b].close < i) b++;
    return b < brackets.length && i > brackets[b].open;
  };
  LABEL_ANYWHERE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LABEL_ANYWHERE.exec(text))) {
    if (inBracket(match.index)) continue;
    const end = sentenceEnd(text, match.index);
    const parsed = parseList(dropStrayClosers(text.slice(match.index, end)), false);
    if (parsed) runs.push({ at: match.index, units: withEvidence(parsed, text.slice(match.index, end), context) });
    LABEL_ANYWHERE.lastIndex = end;
  }
  return runs;
}

/** Index of the first 。 (or line break) at bracket depth 0 from `from`, else the text length. */
function sentenceEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && (ch === '。' || ch === '\n')) return i;
  }
  return text.length;
}

// ---------------------------------------------------------------------------
// Lists

/**
 * Parses "责任单位：A、B，C按职责分工负责" or "A牵头，B、C配合" into units.
 * With `strict`, every name must look like a unit, else the whole list is rejected.
 */
function parseList(content: string, strict: boolean): ReadUnit[] | null {
  const units: ReadUnit[] = [];
  let labelRole: Unit['role'] = 'responsible';
  let firstIsLead = false;

  for (let group of splitTopLevel(content, GROUP_SEPARATORS)) {
    group = group.trim();
    if (group === '') continue;
    if (ANNOTATION.test(group)) {
      firstIsLead = FIRST_IS_LEAD.test(group);
      break;
    }
    const label = LABEL.exec(group);
    if (label) {
      labelRole = roleOfLabel(label[1]);
      group = group.slice(label[0].length).trim();
    }
    let role = labelRole;
    const suffix = GROUP_ROLE_SUFFIX.exec(group);
    if (suffix) {
      if (suffix[1].startsWith('牵头')) role = 'lead';
      else if (suffix[1] !== '负责') role = 'support';
      group = group.slice(0, suffix.index);
    }
    for (const written of mergeFragments(splitTopLevel(group, NAME_SEPARATORS)).flatMap(splitJoined)) {
      const { name, note } = cleanName(written);
      if (name === '') continue;
      if (strict && !isUnitName(name)) return null;
      units.push(note ? { name, role, note } : { name, role });
    }
  }
  if (units.length === 0) return null;
  // "列第一位的为牵头单位" names the lead only: the others stay what their label makes them.
  if (firstIsLead) units[0].role = 'lead';
  return units;
}

function roleOfLabel(label: string): Unit['role'] {
  if (label.startsWith('牵头')) return 'lead';
  if (/^(配合|协同|协办|协助|参与|参加)/.test(label)) return 'support';
  return 'responsible';
}

/**
 * Rejoins a name the 、 split in two: "各区、市政府" (Qingdao's districts and
 * county-level cities) and "…及代管镇、街道的功能区管理机构" are one name each.
 */
function mergeFragments(parts: string[]): string[] {
  const merged: string[] = [];
  for (const part of parts) {
    const prev = merged.at(-1);
    // "各区、市政府", "有关区、市政府": Qingdao's districts and county-level cities.
    const prevIsStub = prev !== undefined && (/^各.{1,2}$/.test(prev.trim()) || /^(?:有关|相关)[区县市镇乡]$/.test(prev.trim()));
    const continues = prev !== undefined && /^[^、]{1,6}的/.test(part.trim());
    if (prevIsStub || continues) merged[merged.length - 1] = `${prev}、${part}`;
    else merged.push(part);
  }
  return merged;
}

/** "市工业和信息化局及专班成员单位" is two units; "市人力资源和社会保障局" (市人力资源 is no unit) is one. */
function splitJoined(written: string): string[] {
  const name = written.trim();
  let depth = 0;
  for (let i = 1; i < name.length; i++) {
    // Every 及/和/与 outside brackets is tried, not only the first: 市工业和信息化局及专班成员单位.
    if (OPENERS.includes(name[i])) depth++;
    else if (CLOSERS.includes(name[i]) && depth > 0) depth--;
    const joiner = depth === 0 ? /^(?:以及|及|和|与)/.exec(name.slice(i)) : null;
    if (!joiner) continue;
    const left = name.slice(0, i);
    const right = name.slice(i + joiner[0].length);
    if (!/[、，,；;（(]/.test(left + right) && isUnitName(left) && isUnitName(right)) return [left, right];
  }
  return [written];
}

/**
 * Trims a name and drops "等", "等有关单位" and an explanatory "（由…组成）"; a
 * note inside the name ("各市（含定州、辛集市，下同）政府") is set apart.
 */
function cleanName(written: string): { name: string; note?: string } {
  let clean = dropStrayClosers(written).trim().replace(ETC_TAIL, '').trim();
  // "评审工作组（由…等部门组成…）": the bracket explains who sits in the group.
  clean = clean.replace(/[（(]由.*$/, '').trim();
  const note = NAME_NOTE.exec(clean);
  if (!note) return { name: clean };
  return { name: (clean.slice(0, note.index) + clean.slice(note.index + note[0].length)).trim(), note: note[1] };
}

/** Removes closing brackets that close nothing, left when a list was cut from its bracket. */
function dropStrayClosers(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      if (depth === 0) continue;
      depth--;
    }
    out += ch;
  }
  return out;
}

/** Splits at separator characters that are not inside brackets. */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Keeps the first mention of each name (and its role). */
export function dedupe(units: Unit[]): Unit[] {
  const seen = new Set<string>();
  return units.filter((u) => !seen.has(u.name) && seen.add(u.name));
}
