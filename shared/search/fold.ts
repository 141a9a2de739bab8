/**
 * Character folding for search: Traditional → Simplified, full-width → ASCII,
 * upper → lower case. Every mapping is one UTF-16 unit to one, so a folded
 * text has the same length as the original and a match position in the
 * folded text is also its position in the text shown to the reader.
 *
 * Used at build time on the indexed text and in the browser on the query.
 */

/** A Traditional → Simplified character map, as `{ 鏈: '链', … }`. */
export type FoldMap = Readonly<Record<string, string>>;

/** Packs a fold map as pairs of characters ("鏈链長长…"), the form stored in the index. */
export function packFoldMap(map: FoldMap): string {
  return Object.entries(map)
    .filter(([from, to]) => from.length === 1 && to.length === 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, to]) => from + to)
    .join('');
}

/** Unpacks the pairs written by {@link packFoldMap}. */
export function unpackFoldMap(packed: string): FoldMap {
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < packed.length; i += 2) map[packed[i]] = packed[i + 1];
  return map;
}

/** Folds one UTF-16 unit; characters outside the map and the ASCII/full-width ranges pass through. */
export function foldChar(ch: string, map: FoldMap): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  // Full-width ASCII forms (！ … ～): "５Ｇ" is typed as often as "5G".
  if (code >= 0xff01 && code <= 0xff5e) return foldChar(String.fromCharCode(code - 0xfee0), map);
  if (code === 0x3000) return ' ';
  return map[ch] ?? ch;
}

/** Folds a text unit by unit; the result always has the same length as the input. */
export function foldText(text: string, map: FoldMap): string {
  // Short texts (queries, titles) are not worth a table; `+=` per unit is fine for them.
  if (text.length < 256) {
    let out = '';
    for (let i = 0; i < text.length; i++) out += foldChar(text[i], map);
    return out;
  }
  const table = foldTable(map);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = table[text.charCodeAt(i)];
  // Chunks keep String.fromCharCode's argument list short; building a long text by `+=` per unit costs a heap object per unit.
  const pieces: string[] = [];
  for (let i = 0; i < units.length; i += 8192) pieces.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return pieces.join('');
}

const tables = new WeakMap<FoldMap, Uint16Array>();

/** foldChar of every UTF-16 unit under `map`, computed once per map. */
function foldTable(map: FoldMap): Uint16Array {
  let table = tables.get(map);
  if (!table) {
    table = new Uint16Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) table[unit] = foldChar(String.fromCharCode(unit), map).charCodeAt(0);
    tables.set(map, table);
  }
  return table;
}
