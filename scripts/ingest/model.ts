import type { OriginalFile } from './formats/model.ts';

/**
 * The typed document model that every ingest stage produces or consumes.
 *
 * Stages: read → normalise → split → parse → extract → metadata → merge → write.
 * Every stage is a pure function from one of these types to the next; line
 * numbers always refer to the physical lines (1-based) of the seed file, so the
 * site can link any task back to its source text.
 */

/** A warning or error found while ingesting, always tied to a file and line. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Short machine-readable code, e.g. `encoding/binary`, `parse/unplaced`. */
  code: string;
  message: string;
  file: string;
  /** 1-based physical line in the seed file; 0 when the whole file is meant. */
  line: number;
  /** How to fix it, when there is something to do. */
  hint?: string;
}

// ---------------------------------------------------------------------------
// Stage 1: read

/** A seed file decoded to text, split into physical lines (line ends removed). */
export interface SourceFile {
  /** File name relative to seeds/, e.g. `000_78c7405c68261ac8.txt`. */
  file: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  bom: boolean;
  lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  /** Physical lines; `lines[0]` is line 1. */
  lines: string[];
  byteLength: number;
}

/** Result of reading: a decoded file, or nothing plus diagnostics (empty, binary…). */
export interface ReadResult {
  source: SourceFile | null;
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Stage 2: normalise

export type NormalisationKind =
  | 'page-number' // "- 19 -" removed
  | 'letterhead-spacing' // " 济 南 市 …" → "济南市…"
  | 'wrap-join' // a line hard-wrapped mid-sentence joined to the next
  | 'cjk-digit-space' // "2026 年" → "2026年"
  | 'private-use' // a private-use glyph kept but flagged
  | 'control-char' // a control character removed
  | 'blank-line' // empty or whitespace-only line dropped
  | 'edge-space' // leading/trailing whitespace trimmed
  | 'repeated-header' // a notice header repeated verbatim, kept once
  | 'running-header' // a PDF page's repeated header line, set aside
  | 'running-footer' // a PDF page's repeated footer line, set aside
  | 'site-navigation' // a web page's navigation, breadcrumb, info lines, share or print links and footer, set aside
  | 'list-number' // a Word automatic list number, written in front of its paragraph
  | 'markup' // Markdown heading marks, comments, link syntax removed
  | 'glued-heading' // "。 三、" a heading glued after a sentence starts its own line
  | 'pinyin-gloss' // "工業(yè)" a pinyin annotation removed
  | 'export-header' // 【法宝引证码】, 原文链接 … of a legal-database export, read as metadata
  | 'front-matter'; // a YAML front matter block, read as metadata

/** One change made by normalisation, so the original-text page can show it. */
export interface Normalisation {
  kind: NormalisationKind;
  /** Physical line where the change was made. */
  line: number;
  /** The text as it was in the seed (for a join: the end of the first line). */
  before: string;
  /** The text after the change ('' when removed). */
  after: string;
}

/**
 * A logical line: one or more physical lines joined after normalisation.
 * `text` never contains a line break.
 */
export interface LogicalLine {
  text: string;
  /** First and last physical line (1-based, inclusive) this text came from. */
  lineStart: number;
  lineEnd: number;
  /** Set when the text contains private-use glyphs left by PDF extraction. */
  flags?: Array<'private-use'>;
}

export interface NormalisedFile {
  file: string;
  lines: LogicalLine[];
  normalisations: Normalisation[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Stage 2b: chrome set aside

/** The metadata a file states outside the document's text. */
export type SourceFieldName = 'title' | 'issuer' | 'number' | 'date' | 'published' | 'effective' | 'validity' | 'level' | 'citation' | 'url' | 'source';

/** One value read from a web page's chrome, an export header or YAML front matter. */
export interface SourceField {
  value: string;
  from: 'web-page' | 'export' | 'front-matter';
  /** Physical line it was read from. */
  line: number;
  /** The label as printed, whitespace removed ("发文字号", "发布部门", "title"). */
  label: string;
}

/** Metadata read from the lines set aside around a document; the text wins where they disagree. */
export type SourceFields = Partial<Record<SourceFieldName, SourceField>>;

// ---------------------------------------------------------------------------
// Stage 3: split

/** The lines of one document inside a seed file. */
export interface DocumentChunk {
  file: string;
  /** 0-based order of the chunk inside its file. */
  index: number;
  lines: LogicalLine[];
  /** Why the splitter started a new document here (for the build report). */
  reason: 'file-start' | 'notice-title' | 'bare-title' | 'after-footer';
  /** Set when the chunk looks cut off (e.g. the file ends mid-document). */
  truncated?: boolean;
  /**
   * Lines inside the chunk that repeat its own header (notice, title and first
   * lines printed twice); kept in `lines` so nothing is lost, marked by the parser.
   */
  repeatedHeader?: SourceSpan;
}

// ---------------------------------------------------------------------------
// Stage 4: parse

/** Position of a node in its seed file. */
export interface SourceSpan {
  lineStart: number;
  lineEnd: number;
}

/**
 * The marker styles of policy-document numbering, outermost first. Rules and
 * measures (办法, 细则, 条例) number 第X章 / 第X节 / 第X条; plans and opinions
 * number 一、 / （一） / 1. / （1）; both go down to ⑴ and ①. Each kind's eId prefix
 * is Akoma Ntoso's name for it (anchors.ts): chp, sec, art, sec, subsec, item, point, clause.
 */
export type ProvisionKind =
  | 'chapter' // 第一章
  | 'section' // 第一节 (inside a chapter)
  | 'article' // 第一条
  | 'sec' // 一、
  | 'subsec' // （一） or (一)
  | 'item' // 1. 1、 1． 1﹒
  | 'point' // （1） (1) ⑴
  | 'clause'; // ①

export interface Paragraph extends SourceSpan {
  type: 'paragraph';
  text: string;
  /** Set when the parser could not place this text in the hierarchy. */
  unplaced?: boolean;
  /** Quantitative targets of a paragraph outside any provision (a preamble's headline targets). */
  targets?: Target[];
}

export interface TableCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  header?: boolean;
}

export interface Table extends SourceSpan {
  type: 'table';
  caption?: string;
  rows: TableCell[][];
}

/** A 专栏 box: a titled aside inside a section. */
export interface Box extends SourceSpan {
  type: 'box';
  /** e.g. "专栏1"; eid `box_1`. */
  marker: string;
  title: string;
  eid: string;
  children: Block[];
}

/** A numbered part of a document: section, sub-section, item or point. */
export interface Provision extends SourceSpan {
  type: 'provision';
  kind: ProvisionKind;
  /** The number as an integer (三 → 3, 10 → 10). */
  num: number;
  /** The marker exactly as written: "三、", "（二）", "10.", "(1)". */
  marker: string;
  /** The lead title: "优化产业规划布局" (may be '' when the line has none). */
  title: string;
  /** The text between marker+title and the body on the first line, e.g. "。". */
  titleSep: string;
  /** Akoma Ntoso style anchor, e.g. `item_10` or `sec_2__subsec_1__item_3`. */
  eid: string;
  /** Citation label as a reader writes it: "三、（二）10.". */
  label: string;
  /** True for the numbered provisions that are the document's tasks. */
  isTask: boolean;
  /** Responsible units found in the provision's own text (stage 5). */
  units: Unit[];
  /** Quantitative targets found in the provision's own text (stage 5). */
  targets: Target[];
  children: Block[];
}

export type Block = Paragraph | Table | Box | Provision;

/** The notice wrapper (…关于印发《…》的通知) around a document. */
export interface Notice extends SourceSpan {
  title?: string;
  /** 发文机关 as printed (a letterhead or signature); several for joint notices. */
  issuers: string[];
  /** Where the issuers were read: the letterhead, an order's head or the signature. */
  issuersFrom?: Origin;
  /** The line of the 发文字号 and of the 成文日期. */
  numberLine?: number;
  dateLine?: number;
  /** 发文字号, e.g. 市中政字〔2024〕29号. */
  number?: string;
  /** 主送. */
  recipients?: string;
  /** 成文日期 as ISO date (YYYY-MM-DD). */
  date?: string;
  /** The notice's own text, in order, as paragraphs. */
  paragraphs: Paragraph[];
}

/** The 抄送/印发 footer. */
export interface Footer extends SourceSpan {
  paragraphs: Paragraph[];
}

/**
 * The end of a document's text (GB/T 9704): 附件说明, 署名, 成文日期 and 附注
 * ("（此件公开发布）"), every line kept as printed in `paragraphs`.
 */
export interface Closing extends SourceSpan {
  /** Signing issuers as printed, joint and broken names split into one name each. */
  issuers: string[];
  /** 成文日期 as ISO date (YYYY-MM-DD). */
  date?: string;
  /** Physical line of the signature and of the date, for "read from" notes. */
  signatureLine?: number;
  dateLine?: number;
  paragraphs: Paragraph[];
}

/** An attachment printed after the document (附件1, 附录2：…): its own text, anchored att_N. */
export interface Attachment extends SourceSpan {
  /** "附件1", "附录2：" as printed (with a colon when one follows it). */
  marker: string;
  /** Its title as printed ('' when none). */
  title: string;
  /** Akoma Ntoso style anchor: att_1; provisions inside are att_1__sec_1 …. */
  eid: string;
  /** Its text, parsed like a body; its provisions are never the document's tasks. */
  body: Block[];
}

/** A document as parsed from one chunk, before metadata and merging. */
export interface ParsedDocument {
  file: string;
  chunkIndex: number;
  span: SourceSpan;
  notice?: Notice;
  /** The body title as printed (may span lines); undefined when there is none. */
  title?: string;
  /** Status/period lines under the title, e.g. "（征求意见稿）", "（2023-2025年）". */
  subtitle: string[];
  titleSpan?: SourceSpan;
  /** Paragraphs before the first numbered provision. */
  preamble: Block[];
  body: Block[];
  closing?: Closing;
  attachments?: Attachment[];
  footer?: Footer;
  truncated?: boolean;
  /** Changes made while parsing (a repeated header set aside), merged into the file's list. */
  normalisations?: Normalisation[];
  /** Metadata the file states around this document (web page, export header, front matter). */
  fields?: SourceFields;
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Stage 5: extract

/**
 * Where a unit or target was read: the sentence or clause exactly as written,
 * and the physical line of the seed file where its paragraph starts.
 */
export interface Evidence {
  text: string;
  line: number;
}

/** A unit's evidence: its task's own clause, or a clause written once for every later task. */
export interface UnitEvidence extends Evidence {
  /** 'task': the task's own clause; 'document': "以下均需各市政府…落实，不再列出" earlier in the document. */
  scope: 'task' | 'document';
}

/** 牵头 (lead), 配合/参加 (support), or a responsible unit whose role the text does not state. */
export type UnitRole = 'lead' | 'support' | 'responsible';

export interface Unit {
  /** The name as written, without a bracketed note: "各市政府" for "各市（含定州、辛集市，下同）政府". */
  name: string;
  role: UnitRole;
  /** A note written inside the name, e.g. "含定州、辛集市，下同". */
  note?: string;
  evidence: UnitEvidence;
  /**
   * Set when the role comes from a clause elsewhere in the document:
   * "列第一位的为牵头单位，下同" in an earlier task.
   */
  roleEvidence?: Evidence;
}

/** The time frame of a target: per year (每年, 年均), summed over the plan (累计), or a level reached by a year. */
export type TargetPeriod = 'yearly' | 'cumulative' | 'by-year';

export interface Target {
  /** The sentence fragment the target was read from, verbatim. */
  text: string;
  /** What is measured, e.g. "规模以上工业营业收入", "5G基站". */
  indicator: string;
  /** The number read (full-width digits too: "１２０００" → 12000); for a range "3－5", its lower bound. */
  value: number;
  /** The upper bound of a range ("3－5个" → 5). */
  upper?: number;
  /** The number exactly as printed: "１２０００", "3－5", "1.2". */
  valueText: string;
  /** Unit as written: "亿元", "家", "%", "个". */
  unit: string;
  /** Number, unit and qualifier as printed ("350 家", "50%以上"): what the page marks when one fragment holds several targets. */
  quantity: string;
  comparator: 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'approx';
  /** Target year (到2026年, “十四五”期间 → 2025), printed in the sentence or inherited from the context. */
  year?: number;
  /** Whether the year is printed in the target's own sentence or inherited (paragraph, section or document period). */
  yearFrom?: 'printed' | 'inherited';
  /** For an inherited year: the text that gives it ("到2025年，…" with its line, or the title's period). */
  yearEvidence?: Evidence;
  /** Per year, cumulative, or by a year; absent when the text states no time frame. */
  period?: TargetPeriod;
  /** The sentence the target was read from, with its line. */
  evidence: Evidence;
}

// ---------------------------------------------------------------------------
// Stage 6: metadata

/**
 * The kind of document (文种) as the text names it: the word its title ends in
 * (行动计划, 实施方案, 指导意见, 办法, 实施细则, 通知, 答复 …, see kinds.ts), or
 * 新闻报道 (curated), or 其他 when the text names none.
 */
export type DocumentKind = string;

export type DocumentStatus = '征求意见稿' | '送审稿' | '修订版' | '正式';

export type AdminLevel = '省' | '市' | '区';

/** Where in a file a metadata value was read. */
export type OriginPart =
  | 'title' // the document's title line
  | 'notice-title' // the title of the notice that issues it (印发《…》的通知)
  | 'cited-title' // the notice's text naming what it issues (现将《…》印发给你们)
  | 'letterhead' // 版头: the issuers printed above the 发文字号
  | 'order' // an order's head ("上海市人民政府令", "（第19号）")
  | 'number-line' // the 发文字号 line
  | 'signature' // 署名 above the 成文日期
  | 'date-line' // the 成文日期 line
  | 'promulgation' // a history note: "2019年11月30日 …令第20号公布"
  | 'self-reference' // inferred from what the text says of itself (原文无标题，据正文拟定)
  | 'web-page' // a web page's chrome (名称/发文字号 box, page heading)
  | 'export' // a legal-database export's header (【发布部门】 …)
  | 'front-matter'; // a YAML front matter block

/** What a value was read from: the part of the file and its physical line. */
export interface Origin {
  part: OriginPart;
  line: number;
}

/** A metadata value, whether it came from curated data rather than the text, and where it was read. */
export interface Field<T> {
  value: T;
  curated: boolean;
  /** Where the value was read (absent for curated values and defaults). */
  from?: Origin;
}

export interface DocumentMeta {
  title: Field<string>;
  kind: Field<DocumentKind>;
  issuer: Field<string | null>;
  number: Field<string | null>;
  date: Field<string | null>;
  status: Field<DocumentStatus>;
  level: Field<AdminLevel | null>;
  /** Region path, outermost first: ["山东省", "济南市", "市中区"]. */
  region: Field<string[]>;
  /** e.g. "2024—2026年". */
  period: Field<string | null>;
}

export interface SourceRef {
  file: string;
  lineStart: number;
  lineEnd: number;
}

// ---------------------------------------------------------------------------
// Stage 7/8: the final document

/** A second copy of a document, kept for version comparison. */
export interface DocumentCopy {
  source: SourceRef;
  /** The copy as parsed, so the version view can diff it with the primary. */
  parsed: ParsedDocument;
}

export interface PolicyDocument {
  /** ASCII slug, stable across rebuilds and seed reordering. */
  id: string;
  meta: DocumentMeta;
  notice?: Notice;
  subtitle: string[];
  preamble: Block[];
  body: Block[];
  closing?: Closing;
  attachments?: Attachment[];
  footer?: Footer;
  /** Primary source first, then further copies. */
  sources: SourceRef[];
  copies: DocumentCopy[];
  truncated?: boolean;
  /** Why curated values were needed (shown on the page beside the metadata). */
  curatedNote?: string;
  diagnostics: Diagnostic[];
}

/** Everything the ingest produces; written to JSON for the site. */
export interface Corpus {
  documents: PolicyDocument[];
  /** Normalisations per seed file, for the original-text pages. */
  normalisations: Record<string, Normalisation[]>;
  /** The raw physical lines per seed file, for the original-text pages. */
  sources: Record<string, string[]>;
  /** Per source file: its format, size and, for PDF, Word and HTML, where each line came from. */
  originals?: Record<string, OriginalFile>;
  diagnostics: Diagnostic[];
}
