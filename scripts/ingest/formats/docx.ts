/**
 * Word (.docx) reader: one line per paragraph (a manual line break starts another), one line per
 * table row with its cells separated by tabs (as Word's own "save as text" writes them, and as the
 * table parser reads them), and Word's automatic list numbering written back in front of the
 * paragraph it numbers ("一、", "（一）", "1."), because that is what a reader of the document sees
 * and what makes the paragraph a section, sub-section or task.
 *
 * Why not mammoth: mammoth 1.13.0 keeps of a numbered paragraph only "ordered or not" and the level
 * (lib/docx/numbering-xml.js reads neither w:numFmt, w:lvlText nor w:start). Measured on the
 * shandong-services-plan fixture, where Word numbers 54 paragraphs: mammoth's raw text has none of
 * those 54 numbers and its HTML 59 unnumbered <li>, so every 一、/（一）/1. provision is lost; and its
 * output does not say which paragraph a line came from, which the source map needs. It also took
 * 107–166 ms per file against 15 ms here (the 37-page bench .docx, warm).
 * The OOXML is read here with fflate (unzip) and htmlparser2 (XML), both already used by the build;
 * numbering follows ECMA-376 Part 1 §17.9 (lists: w:num → w:abstractNum → w:lvl).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Diagnostic, Normalisation } from '../model.ts';
import { unreadable, type ExtractedText, type LineOrigin } from './model.ts';

/** Largest .docx read, in bytes (images make them large; only the XML parts are unpacked). */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;
/** Largest unpacked XML part: a zip bomb is refused rather than inflated. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

// ---------------------------------------------------------------------------
// Public API

/** Reads a .docx into lines (paragraphs, table rows), restoring automatic numbering; refuses corrupt or encrypted files. */
export function readDocx(file: string, bytes: Uint8Array): ExtractedText | { error: Diagnostic } {
  if (bytes.length > MAX_DOCX_BYTES) {
    return {
      error: unreadable(
        file,
        'read/too-large',
        `Word file of ${(bytes.length / 1048576).toFixed(1)} MB; files over ${MAX_DOCX_BYTES / 1048576} MB are not read`,
        'Remove large images from the document, or split it.',
      ),
    };
  }
  // An OLE compound file: a Word 97–2003 .doc renamed, or a .docx saved with a password.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      error: unreadable(
        file,
        'read/docx-encrypted-or-doc',
        'is a password-protected Word file or an old .doc, not a .docx',
        'Open it in Word or WPS and save it as .docx without a password.',
      ),
    };
  }
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => PARTS.includes(f.name) && f.originalSize <= MAX_PART_BYTES });
  } catch (cause) {
    return {
      error: unreadable(
        file,
        'read/docx-invalid',
        `is not a readable .docx (its zip archive is damaged: ${(cause as Error).message})`,
        'The file may be damaged or only partly downloaded; open it in Word and save it again.',
      ),
    };
  }
  const documentXml = parts['word/document.xml'];
  if (!documentXml) {
    return {
      error: unreadable(
        file,
        'read/docx-invalid',
        'is a zip archive without word/document.xml, so not a Word document',
        'Save the document from Word or WPS as .docx.',
      ),
    };
  }
  const xml = (name: string) => (parts[name] ? parseDocument(strFromU8(parts[name]), { xmlMode: true }) : null);
  const styles = readStyles(xml('word/styles.xml'));
  const numbering = readNumbering(xml('word/numbering.xml'), styles);
  const body = find(xml('word/document.xml')!.children, 'body');
  if (!body) return { error: unreadable(file, 'read/docx-invalid', 'has no document body (w:body)', 'Save the document from Word or WPS as .docx.') };
  const out = new LineWriter(numbering, styles);
  out.blocks(body.children);
  const text = out.lines.join('');
  if (text.replace(/\s/g, '') === '') {
    return { error: unreadable(file, 'read/empty', 'Word document has no text', 'Check that the document is not only images; scanned pages need OCR first.') };
  }
  return { format: 'docx', lines: out.lines, origins: out.origins, normalisations: out.normalisations, setAside: [], diagnostics: [] };
}

// ---------------------------------------------------------------------------
// XML helpers (names are matched without their namespace prefix)

function local(node: ChildNode): string {
  if (node.type !== 'tag') return '';
  const name = (node as Element).name;
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function children(node: Element | null | undefined, name: string): Element[] {
  return (node?.children ?? []).filter((c): c is Element => local(c) === name);
}

function find(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (local(node) === name) return node as Element;
    if (node.type === 'tag' || node.type === 'root') {
      const found = find((node as Element).children, name);
      if (found) return found;
    }
  }
  return undefined;
}

function attr(node: Element | undefined, name: string): string | undefined {
  if (!node) return undefined;
  for (const [key, value] of Object.entries(node.attribs)) {
    if (key === name || key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

function childVal(node: Element | undefined, name: string): string | undefined {
  return attr(children(node, name)[0], 'val');
}

// ---------------------------------------------------------------------------
// Styles and numbering definitions

interface NumPr {
  numId: string;
  ilvl: number;
}

interface Styles {
  /** The numbering a paragraph style gives its paragraphs (after w:basedOn). */
  numPr(styleId: string | undefined): NumPr | null;
  /** The numId a numbering style (w:numStyleLink) stands for. */
  numStyleNumId(styleId: string): string | undefined;
}

function readStyles(doc: ReturnType<typeof parseDocument> | null): Styles {
  const byId = new Map<string, Element>();
  const root = doc ? find(doc.children, 'styles') : undefined;
  for (const style of children(root, 'style')) {
    const id = attr(style, 'styleId');
    if (id) byId.set(id, style);
  }
  const numPrOf = (id: string | undefined, depth = 0): NumPr | null => {
    const style = id ? byId.get(id) : undefined;
    if (!style || depth > 20) return null;
    const numPr = children(children(style, 'pPr')[0], 'numPr')[0];
    if (numPr) {
      const numId = childVal(numPr, 'numId');
      if (numId) return { numId, ilvl: Number(childVal(numPr, 'ilvl') ?? 0) };
    }
    return numPrOf(childVal(style, 'basedOn'), depth + 1);
  };
  return { numPr: (id) => numPrOf(id), numStyleNumId: (id) => numPrOf(id)?.numId };
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this level restarts; 0 never; undefined after any higher level. */
  restart?: number;
  legal: boolean;
}

interface Numbering {
  /** The label of the next paragraph numbered (numId, ilvl), counting it; null when it shows none. */
  next(numPr: NumPr): string | null;
}

function readNumbering(doc: ReturnType<typeof parseDocument> | null, styles: Styles): Numbering {
  const root = doc ? find(doc.children, 'numbering') : undefined;
  const abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  for (const abstract of children(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(abstract, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    abstracts.set(attr(abstract, 'abstractNumId') ?? '', { levels, styleLink: childVal(abstract, 'numStyleLink') });
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> }>();
  for (const num of children(root, 'num')) {
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const o of children(num, 'lvlOverride')) {
      const start = childVal(o, 'startOverride');
      const lvl = children(o, 'lvl')[0];
      overrides.set(Number(attr(o, 'ilvl') ?? 0), { start: start === undefined ? undefined : Number(start), level: lvl ? readLevel(lvl) : undefined });
    }
    nums.set(attr(num, 'numId') ?? '', { abstractId: childVal(num, 'abstractNumId') ?? '', overrides });
  }
  // Counters belong to the abstract list: two w:num of one w:abstractNum continue one sequence,
  // unless a w:startOverride restarts it (the first time that w:num is used).
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  const resolve = (numId: string, depth = 0): { abstractId: string; num: typeof nums extends Map<string, infer V> ? V : never } | null => {
    const num = nums.get(numId);
    const abstract = num ? abstracts.get(num.abstractId) : undefined;
    if (!num || !abstract || depth > 10) return null;
    if (abstract.styleLink && abstract.levels.size === 0) {
      const linked = styles.numStyleNumId(abstract.styleLink);
      const target = linked ? resolve(linked, depth + 1) : null;
      return target ? { abstractId: target.abstractId, num } : null;
    }
    return { abstractId: num.abstractId, num };
  };
  return {
    next({ numId, ilvl }) {
      if (numId === '0') return null;
      const found = resolve(numId);
      if (!found) return null;
      const levelOf = (i: number) => found.num.overrides.get(i)?.level ?? abstracts.get(found.abstractId)?.levels.get(i);
      const level = levelOf(ilvl);
      if (!level) return null;
      const count = counters.get(found.abstractId) ?? [];
      counters.set(found.abstractId, count);
      if (!overridden.has(numId)) {
        overridden.add(numId);
        for (const [i, o] of found.num.overrides) if (o.start !== undefined) count[i] = o.start - 1;
      }
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
      for (let deeper = ilvl + 1; deeper < 9; deeper++) {
        const restart = levelOf(deeper)?.restart;
        if (restart === undefined || (restart !== 0 && ilvl + 1 <= restart)) count[deeper] = undefined as unknown as number;
      }
      if (level.format === 'bullet' || level.format === 'none') return null;
      return level.text.replace(/%([1-9])/g, (_, n: string) => {
        const i = Number(n) - 1;
        const of = levelOf(i);
        const value = count[i] ?? of?.start ?? 1;
        return formatNumber(value, level.legal && i < ilvl ? 'decimal' : (of?.format ?? 'decimal'));
      });
    },
  };
}

function readLevel(lvl: Element): Level {
  const restart = childVal(lvl, 'lvlRestart');
  return {
    start: Number(childVal(lvl, 'start') ?? 1),
    format: childVal(lvl, 'numFmt') ?? 'decimal',
    text: childVal(lvl, 'lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: children(lvl, 'isLgl').length > 0,
  };
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_TRADITIONAL = '甲乙丙丁戊己庚辛壬癸';
const CN_ZODIAC = '子丑寅卯辰巳午未申酉戌亥';

/** Writes a list counter in a w:numFmt (ECMA-376 §17.18.59), the formats Chinese documents use and the common Latin ones. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(
        /./g,
        (c) => '零壹贰叁肆伍陆柒捌玖'[CN_DIGITS.indexOf(c)] ?? ({ 十: '拾', 百: '佰', 千: '仟' } as Record<string, string>)[c] ?? c,
      );
    case 'ideographTraditional':
      return CN_TRADITIONAL[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return CN_ZODIAC[(n - 1) % 12] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    default:
      return String(n);
  }
}

function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
    return `${CN_DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Body text

/** Elements whose content is not document text: deleted or moved-away text, field codes, properties. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'pPr',
  'rPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'Fallback',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'proofErr',
  'bookmarkStart',
  'bookmarkEnd',
]);

class LineWriter {
  lines: string[] = [];
  origins: LineOrigin[] = [];
  normalisations: Normalisation[] = [];
  private paragraph = 0;
  private table = 0;
  private numbering: Numbering;
  private styles: Styles;
  constructor(numbering: Numbering, styles: Styles) {
    this.numbering = numbering;
    this.styles = styles;
  }

  /** Block-level content: paragraphs, tables, content controls and custom XML that wrap them. */
  blocks(nodes: ChildNode[]): void {
    for (const node of nodes) {
      const name = local(node);
      if (name === 'p') this.paragraphLines(node as Element);
      else if (name === 'tbl') this.tableLines(node as Element);
      else if (name && !SKIPPED.has(name)) this.blocks((node as Element).children);
    }
  }

  private paragraphLines(p: Element): void {
    this.paragraph++;
    const origin: LineOrigin = { type: 'docx', paragraph: this.paragraph };
    const pieces = this.paragraphText(p);
    const label = this.label(p);
    pieces[0] = label + pieces[0];
    const first = this.lines.length + 1;
    for (const piece of pieces) {
      this.lines.push(piece);
      this.origins.push(origin);
    }
    if (label) this.normalisations.push({ kind: 'list-number', line: first, before: pieces[0].slice(label.length), after: pieces[0] });
  }

  /** The paragraph's automatic number, counted whether or not it shows. */
  private label(p: Element): string {
    const pPr = children(p, 'pPr')[0];
    const direct = children(pPr, 'numPr')[0];
    const styleNum = this.styles.numPr(childVal(pPr, 'pStyle'));
    let numPr: NumPr | null = styleNum;
    if (direct) {
      const numId = childVal(direct, 'numId') ?? styleNum?.numId;
      const ilvl = childVal(direct, 'ilvl');
      numPr = numId ? { numId, ilvl: ilvl === undefined ? (styleNum?.ilvl ?? 0) : Number(ilvl) } : null;
    }
    return numPr ? (this.numbering.next(numPr) ?? '') : '';
  }

  /** The paragraph's text split at manual line breaks; text-box paragraphs inside it become lines of their own first. */
  private paragraphText(p: Element): string[] {
    const pieces = [''];
    const walk = (nodes: ChildNode[]) => {
      for (const node of nodes) {
        if (node.type !== 'tag') continue;
        const el = node as Element;
        const name = local(el);
        if (SKIPPED.has(name)) continue;
        if (name === 't') pieces[pieces.length - 1] += textOf(el);
        else if (name === 'tab' || name === 'ptab') pieces[pieces.length - 1] += ' ';
        else if (name === 'br' || name === 'cr') {
          if (attr(el, 'type') !== 'page' && attr(el, 'type') !== 'column') pieces.push('');
        } else if (name === 'noBreakHyphen') pieces[pieces.length - 1] += '-';
        else if (name === 'sym') pieces[pieces.length - 1] += symbol(el);
        else if (name === 'txbxContent') this.blocks(el.children);
        else walk(el.children);
      }
    };
    walk(p.children);
    return pieces;
  }

  private tableLines(tbl: Element): void {
    this.table++;
    const table = this.table;
    children(tbl, 'tr').forEach((tr, r) => {
      const origin: LineOrigin = { type: 'docx', paragraph: this.paragraph + 1, table, row: r + 1 };
      const cells: string[] = [];
      const nested: LineWriter = new LineWriter(this.numbering, this.styles);
      for (const tc of cellsOf(tr)) {
        // A vertically merged cell continued from the row above is written empty, as Word does in text.
        const merge = children(children(tc, 'tcPr')[0], 'vMerge')[0];
        const continued = merge !== undefined && attr(merge, 'val') !== 'restart';
        nested.lines = [];
        nested.paragraph = 0;
        nested.blocks(tc.children);
        this.paragraph += nested.paragraph;
        cells.push(continued ? '' : nested.lines.filter((l) => l !== '').join(''));
      }
      this.lines.push(cells.join('\t'));
      this.origins.push(origin);
    });
  }
}

function cellsOf(tr: Element): Element[] {
  const cells: Element[] = [];
  for (const child of tr.children) {
    const name = local(child);
    if (name === 'tc') cells.push(child as Element);
    else if (name === 'sdt' || name === 'customXml') cells.push(...cellsOf(find((child as Element).children, 'sdtContent') ?? (child as Element)));
  }
  return cells;
}

function textOf(el: Element): string {
  return el.children.map((c) => ('data' in c ? (c as { data: string }).data : '')).join('');
}

/** A w:sym character (its code, minus the F000 offset symbol fonts use). */
function symbol(el: Element): string {
  const code = Number.parseInt(attr(el, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  return String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
}
