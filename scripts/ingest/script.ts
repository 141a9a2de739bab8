/**
 * Traditional-script documents are parsed as Simplified ones and shown as printed.
 *
 * Every rule of the parser is written in Simplified characters (关于, 印发, 第X条,
 * 办法, 号 …). A file in Traditional script is folded character by character to
 * Simplified (OpenCC's character dictionaries; one character to one, so every
 * position stays where it was), parsed like any other file, and every string of
 * the result is then given back its printed characters. A character folded from
 * one Traditional character throughout the file is restored by a table; one the
 * file prints in two ways (發 and 发) is restored from the position of the string
 * in the file's text.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
/** A file is Traditional when at least this share of its ideographs are Traditional-only (0 in every seed and corpus file; ~40% in Traditional text). */
const TRADITIONAL_SHARE = 0.03;
/** …and at least this many of them. */
const TRADITIONAL_MIN = 5;
/** Ideographs counted for the decision (whole lines, until at least this many): enough to tell. */
const SAMPLE = 1_500;
const EARLY_SAMPLE = 300;

let table: Map<string, string> | undefined;

/** Traditional (and Taiwan/Hong Kong variant) characters to Simplified, one to one; built once. */
export function traditionalMap(): Map<string, string> {
  if (table) return table;
  const parse = (dict: string) => {
    const map = new Map<string, string>();
    for (const entry of dict.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from.length === 1 && to.length === 1 && !map.has(from)) map.set(from, to);
    }
    return map;
  };
  const ts = parse(TSCharacters);
  const out = new Map<string, string>();
  for (const [from, to] of ts) if (to !== from) out.set(from, to);
  for (const variants of [parse(TWVariantsRev), parse(HKVariantsRev)]) {
    for (const [from, standard] of variants) {
      const to = ts.get(standard) ?? standard;
      if (to !== from && !out.has(from)) out.set(from, to);
    }
  }
  table = out;
  return out;
}

/** Per UTF-16 unit 0x3400–0x9fff: 1 when it is a Traditional-only character (built once, with the map). */
let traditionalUnits: Uint8Array | undefined;

/** True when the lines are in Traditional script (see TRADITIONAL_SHARE). */
export function isTraditional(lines: readonly string[]): boolean {
  if (!traditionalUnits) {
    traditionalUnits = new Uint8Array(0x9fff - 0x3400 + 1);
    for (const ch of traditionalMap().keys()) {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0x3400 && c <= 0x9fff) traditionalUnits[c - 0x3400] = 1;
    }
  }
  const units = traditionalUnits;
  // Measured: the check costs 12% of the ingest when it looks at every character; a sample decides as well.
  let ideographs = 0;
  let traditional = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c < 0x3400 || c > 0x9fff) continue;
      ideographs++;
      traditional += units[c - 0x3400];
    }
    if (ideographs >= SAMPLE) break;
    // A Traditional text shows its script at once (a third of its ideographs): none in the first hundreds is Simplified.
    if (ideographs >= EARLY_SAMPLE && traditional === 0) return false;
  }
  return traditional >= TRADITIONAL_MIN && traditional >= TRADITIONAL_SHARE * ideographs;
}

/** Folds one text to Simplified, character by character (same length). */
export function foldToSimplified(text: string): string {
  const map = traditionalMap();
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/** Gives strings made from folded text back the characters the file printed. */
export interface Restorer {
  /** The string as printed. */
  text(folded: string): string;
  /** A deep copy of a value with every string restored (keys and non-text fields left alone). */
  value<T>(folded: T): T;
}

/** Fields that hold codes, not text (restoring them could only do harm). */
const CODE_KEYS = new Set(['type', 'kind', 'eid', 'severity', 'code', 'file', 'part', 'role', 'comparator', 'reason', 'encoding', 'date', 'from']);

/** A restorer for strings cut from `folded`, the folded form of the `printed` lines. */
export function restorer(printed: readonly string[], folded: readonly string[]): Restorer {
  const original = printed.join('\n');
  const simple = folded.join('\n');
  // Per folded character: the printed character it always came from, or null when the file prints it two ways.
  const back = new Map<string, string | null>();
  for (let i = 0; i < simple.length; i++) {
    const [f, o] = [simple[i], original[i]];
    const known = back.get(f);
    if (known === undefined) back.set(f, o);
    else if (known !== null && known !== o) back.set(f, null);
  }
  const text = (s: string): string => {
    let ambiguous = false;
    let out = '';
    for (const ch of s) {
      const b = back.get(ch);
      if (b === null) ambiguous = true;
      out += b ?? ch;
    }
    if (!ambiguous) return out;
    const at = simple.indexOf(s);
    return at >= 0 ? original.slice(at, at + s.length) : out;
  };
  const value = <T>(v: T): T => {
    if (typeof v === 'string') return text(v) as T;
    if (Array.isArray(v)) return v.map(value) as T;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = CODE_KEYS.has(k) ? x : value(x);
      return out as T;
    }
    return v;
  };
  return { text, value };
}
