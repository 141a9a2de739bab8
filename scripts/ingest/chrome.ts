/**
 * Stage 2b — set aside what surrounds a document in the file but is not the
 * document: a web page's chrome (page title, site name, breadcrumb, 发布时间/
 * 来源/打印 lines, the 名称/索引号/发文字号 box, related links and the site footer),
 * a legal-database export's header (【法宝引证码】, 【发布部门】, 原文链接 …) and a
 * YAML front matter block. These lines leave the document's text; each becomes a
 * normalisation (site-navigation, export-header, front-matter), so the original-text
 * page still shows and marks it. What they state (title, issuer, 文号, dates) is
 * read into SourceFields, which the metadata stage checks against the text.
 *
 * Chrome is looked for only at the head and the tail of a file, and a run of
 * lines is set aside only when it holds clear chrome (a rule below), never
 * because a line is merely short: body text is never taken for navigation.
 */
import type { Diagnostic, LogicalLine, Normalisation, SourceField, SourceFieldName, SourceFields, SourceSpan } from './model.ts';
import { readDocNumber } from './doc-number.ts';
import { CHROME_RULES, DATE_LINE, INFO_LABEL } from './rules/chrome.ts';
import { DOC_NUMBER_RULES } from './rules/heads.ts';

/** What `setAsideChrome` returns. */
export interface SetAsideResult {
  /** The lines that remain: the documents' own text. */
  lines: LogicalLine[];
  /** One record per line set aside, in line order. */
  normalisations: Normalisation[];
  /** The physical lines of each line set aside. */
  spans: SourceSpan[];
  /** Metadata read from the lines set aside. */
  fields: SourceFields;
  diagnostics: Diagnostic[];
}

// Stage rules (the line shapes are in rules/chrome.ts) ----------------------

/** Field labels of legal-database exports (北大法宝 and the like), as printed in 【】. */
const EXPORT_LABELS = new Set(
  '法宝引证码 发布部门 制定机关 发文字号 发布日期 公布日期 实施日期 施行日期 时效性 效力级别 法规类别 批准部门 批准日期 题注 失效日期 来源 标题'.split(' '),
);

/** Words of site utilities (print, close, font size, language, accessibility …). */
const UTILITY_WORDS = new Set(
  '打印 关闭 打印本页 关闭窗口 关闭本页 分享 分享到 收藏 返回顶部 返回 简体 繁体 繁體 无障碍 无障碍辅助浏览 长者模式 关怀版 适老化 English 登录 注册 搜索 网站地图 联系我们 设为首页 加入收藏 移动版 手机版 扫一扫 微信 微博 字体 字号 大 中 小 首页 【打印】 【关闭】'.split(
    ' ',
  ),
);

/** Info and meta labels (whitespace removed) and the field each one fills; unknown labels are set aside unread. */
const FIELD_OF_LABEL: Record<string, SourceFieldName> = {
  名称: 'title',
  标题: 'title',
  文件名称: 'title',
  title: 'title',
  发布部门: 'issuer',
  制定机关: 'issuer',
  发布机构: 'issuer',
  发布机关: 'issuer',
  发文机关: 'issuer',
  发文单位: 'issuer',
  颁布机关: 'issuer',
  issuer: 'issuer',
  发文字号: 'number',
  文号: 'number',
  发布文号: 'number',
  number: 'number',
  成文日期: 'date',
  date: 'date',
  发布时间: 'published',
  发文日期: 'published',
  实施日期: 'effective',
  施行日期: 'effective',
  生效日期: 'effective',
  时效性: 'validity',
  有效性: 'validity',
  效力级别: 'level',
  法宝引证码: 'citation',
  原文链接: 'url',
  原文地址: 'url',
  链接地址: 'url',
  网址: 'url',
  url: 'url',
  来源: 'source',
  信息来源: 'source',
  文章来源: 'source',
};

/** A database export's 发布日期/公布日期 is the promulgation date; a web page's is only when it went online. */
const EXPORT_DATE_LABELS = new Set(['发布日期', '公布日期', 'published', '发布时间']);

/** A line of chrome is short; a longer one is the document's (and is never tested against chrome rules). */
const MAX_CHROME_LINE = 200;
/** How far into a file the head chrome is looked for, and back from its end the tail chrome. */
const HEAD_WINDOW = 60;
const TAIL_WINDOW = 40;
/** A related-links item: short, and not a sentence. */
const LINK_ITEM_MAX = 80;
/** Related-link items allowed between two chrome lines of a footer. */
const MAX_LINK_RUN = 3;

// Entry point ----------------------------------------------------------------

type Kind = 'site-navigation' | 'export-header' | 'front-matter';

/** Sets aside the chrome, export header and front matter of one file's logical lines. */
export function setAsideChrome(file: string, lines: LogicalLine[]): SetAsideResult {
  const marks = new Map<number, Kind>();
  const fields: SourceFields = {};
  const diagnostics: Diagnostic[] = [];
  const headEnd = readFrontMatter(lines, marks, fields);
  readHead(lines, headEnd, marks, fields);
  readTail(lines, marks, fields);
  if (marks.size === 0) return { lines, normalisations: [], spans: [], fields, diagnostics };
  const kept: LogicalLine[] = [];
  const normalisations: Normalisation[] = [];
  const spans: SourceSpan[] = [];
  lines.forEach((line, i) => {
    const kind = marks.get(i);
    if (kind === undefined) return void kept.push(line);
    normalisations.push({ kind, line: line.lineStart, before: line.text, after: '' });
    spans.push({ lineStart: line.lineStart, lineEnd: line.lineEnd });
  });
  const counts = [...new Set(marks.values())].map((k) => `${[...marks.values()].filter((v) => v === k).length} ${k}`);
  diagnostics.push({
    severity: 'info',
    code: 'chrome/set-aside',
    file,
    line: lines[Math.min(...marks.keys())].lineStart,
    message: `${file}: lines set aside from the document text (${counts.join(', ')}); they are shown on the original-text page`,
  });
  return { lines: kept, normalisations, spans, fields, diagnostics };
}

// Front matter ---------------------------------------------------------------

/** A YAML block fenced by "---" at the top: every line set aside, its keys read. Returns the first line after it. */
function readFrontMatter(lines: LogicalLine[], marks: Map<number, Kind>, fields: SourceFields): number {
  if (lines[0]?.text !== '---') return 0;
  const close = lines.findIndex((l, i) => i > 0 && i < HEAD_WINDOW && (l.text === '---' || l.text === '...'));
  if (close < 0) return 0;
  for (let i = 0; i <= close; i++) {
    marks.set(i, 'front-matter');
    const m = CHROME_RULES.yamlField.exec(lines[i].text);
    if (m) setField(fields, m[1], unquote(m[2]), 'front-matter', lines[i].lineStart);
  }
  return close + 1;
}

/** A YAML scalar without its quotes. */
function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

// Head -----------------------------------------------------------------------

/**
 * From `start`, the run of chrome and export lines that opens the file. The page's
 * own heading (the title as the site shows it, just above its 发布时间/来源 lines)
 * is part of the chrome and read as the title field.
 */
function readHead(lines: LogicalLine[], start: number, marks: Map<number, Kind>, fields: SourceFields): void {
  const found = new Map<number, Kind>();
  let strong = 0;
  let end = start - 1;
  const limit = Math.min(lines.length, start + HEAD_WINDOW);
  for (let i = start; i < limit; i++) {
    const text = lines[i].text;
    const exported = exportLine(text);
    if (exported) {
      found.set(i, 'export-header');
      setField(fields, exported.label, exported.value, 'export', lines[i].lineStart);
      strong++;
      end = i;
      continue;
    }
    const label = metaLabelAt(lines, i);
    if (label) {
      found.set(i, 'site-navigation');
      if (label.nextLine) found.set(i + 1, 'site-navigation');
      if (label.nextLine) setField(fields, label.label, label.value ?? '', 'web-page', lines[i].lineStart);
      else readInfo(text, fields, lines[i].lineStart);
      strong++;
      end = label.nextLine ? i + 1 : i;
      i = end;
      continue;
    }
    if (isHeadChrome(lines, i, i === start)) {
      found.set(i, 'site-navigation');
      if (CHROME_RULES.crumbLabel.test(text) || CHROME_RULES.info.test(text)) strong++;
      end = i;
      continue;
    }
    if (i + 1 < limit && isPageHeading(lines, i)) {
      found.set(i, 'site-navigation');
      readPageHeading(text, fields, lines[i].lineStart);
      end = i;
      continue;
    }
    break;
  }
  // One weak line (a short first line with an underscore) is not enough to call it a web page.
  if (strong === 0 && found.size < 3) return;
  for (const [i, kind] of found) if (i <= end) marks.set(i, kind);
}

/** An export field or link line, with its label and value. */
function exportLine(text: string): { label: string; value: string } | undefined {
  const field = CHROME_RULES.exportField.exec(text);
  if (field && EXPORT_LABELS.has(field[1])) return { label: field[1], value: field[2].trim() };
  const link = CHROME_RULES.exportLink.exec(text);
  if (link) return { label: link[1], value: link[2] };
  return undefined;
}

/** A label with its value: on the same line ("发布时间：2020/12/02") or on the next ("来源：" / "运行局"). */
interface LabelRead {
  label: string;
  value?: string;
  /** The value is the next line, which is set aside with the label. */
  nextLine: boolean;
}

/** An info line or a label alone with its value on the next line. */
function metaLabelAt(lines: LogicalLine[], i: number): LabelRead | undefined {
  const text = lines[i].text;
  const info = CHROME_RULES.info.exec(text);
  if (info) {
    const label = info[1].replace(/\s+/g, '');
    return info[2] !== '' ? { label, value: info[2], nextLine: false } : valueOnNextLine(lines, i, label);
  }
  const m = CHROME_RULES.metaLabel.exec(text);
  if (!m) return undefined;
  const label = m[1].replace(/\s+/g, '');
  if (!(label in FIELD_OF_LABEL) && !KNOWN_META_LABELS.has(label)) return undefined;
  return valueOnNextLine(lines, i, label);
}

/** Labels of a page's metadata box that carry nothing the model reads (set aside all the same). */
const KNOWN_META_LABELS = new Set([
  '索引号',
  '主题',
  '主题分类',
  '分类',
  '体裁分类',
  '组配分类',
  '服务对象',
  '公文种类',
  '废止日期',
  '文件编号',
  '发布日期',
  '信息来源',
]);

/** The value on the line after a label, unless that line is itself a label or chrome. */
function valueOnNextLine(lines: LogicalLine[], i: number, label: string): LabelRead {
  const next = lines[i + 1]?.text;
  if (next === undefined || CHROME_RULES.metaLabel.test(next) || CHROME_RULES.info.test(next) || isUtility(next) || next.length > 60) {
    return { label, nextLine: false };
  }
  return { label, value: next, nextLine: true };
}

/** Head chrome that needs no context beyond its neighbours. */
function isHeadChrome(lines: LogicalLine[], i: number, first: boolean): boolean {
  const text = lines[i].text;
  if (text.length > MAX_CHROME_LINE) return false;
  if (first && CHROME_RULES.pageTitle.test(text) && !/[。；]/.test(text)) return true;
  if (
    CHROME_RULES.crumbLabel.test(text) ||
    CHROME_RULES.crumbSeparator.test(text) ||
    CHROME_RULES.crumbItem.test(text) ||
    CHROME_RULES.siteName.test(text) ||
    CHROME_RULES.weekday.test(text) ||
    isUtility(text)
  )
    return true;
  // A breadcrumb item on its own line between separators: "政务公开" after ">" or before ">".
  const prev = lines[i - 1]?.text ?? '';
  const next = lines[i + 1]?.text ?? '';
  const isCrumbWord = /^[^\s。，；：:、]{1,10}$/.test(text);
  return isCrumbWord && (isCrumbJoint(prev) || isCrumbJoint(next));
}

/** A separator, a breadcrumb label or "首页": what a breadcrumb item stands next to. */
function isCrumbJoint(text: string): boolean {
  return CHROME_RULES.crumbSeparator.test(text) || CHROME_RULES.crumbLabel.test(text) || text === '首页';
}

/** The page's heading: a title-like line followed within two lines by an info line. */
function isPageHeading(lines: LogicalLine[], i: number): boolean {
  const text = lines[i].text;
  if (text.length > 120 || /[。；]$/.test(text)) return false;
  for (let k = i + 1; k <= i + 2 && k < lines.length; k++) if (CHROME_RULES.info.test(lines[k].text)) return true;
  return false;
}

/** Reads the page heading as a title, and a 文号 in brackets after it ("…的通知(发改运行〔2020〕1784号)"). */
function readPageHeading(text: string, fields: SourceFields, line: number): void {
  const m = /^(.+?)[(（]\s*([^()（）]+号)\s*[)）]$/.exec(text);
  if (m && DOC_NUMBER_RULES.number.test(m[2].replace(/\s+/g, ''))) {
    setField(fields, '标题', m[1], 'web-page', line);
    setField(fields, '文号', m[2], 'web-page', line);
  } else setField(fields, '标题', text, 'web-page', line);
}

/** A line made only of utility words, separators and brackets ("[ 打印 ]", "字体：大 中 小"). */
function isUtility(text: string): boolean {
  const words = text.split(/[\s|｜【】[\]()（）:：·/]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => UTILITY_WORDS.has(w));
}

// Tail -----------------------------------------------------------------------

/**
 * The site footer: scanning back from the end over chrome lines and the related-link
 * items between them, the run is set aside from its first clear chrome line on.
 */
function readTail(lines: LogicalLine[], marks: Map<number, Kind>, fields: SourceFields): void {
  let first = -1;
  let links = 0;
  const exported: number[] = [];
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - TAIL_WINDOW) && !marks.has(i); i--) {
    if (first >= 0 && first - i > MAX_LINK_RUN + 1) break;
    const text = lines[i].text;
    const exportedLine = exportLine(text);
    if (exportedLine) {
      exported.push(i);
      setField(fields, exportedLine.label, exportedLine.value, 'export', lines[i].lineStart);
      first = i;
      continue;
    }
    const info = CHROME_RULES.info.exec(text);
    if (info && info[2] !== '') {
      readInfo(text, fields, lines[i].lineStart);
      first = i;
      continue;
    }
    if (isTailChrome(text)) {
      first = i;
      continue;
    }
    // Link items count only between chrome lines: a footer ends the page with chrome.
    if (first >= 0 && isLinkItem(text) && ++links <= TAIL_WINDOW) continue;
    break;
  }
  if (first < 0) return;
  for (let i = first; i < lines.length; i++) if (!marks.has(i)) marks.set(i, exported.includes(i) ? 'export-header' : 'site-navigation');
}

/** Footer chrome: site furniture, utilities, breadcrumb-like link bars. */
function isTailChrome(text: string): boolean {
  if (text.length > MAX_CHROME_LINE) return false;
  return (
    CHROME_RULES.footer.test(text) ||
    (text.includes('@') && CHROME_RULES.email.test(text)) ||
    CHROME_RULES.url.test(text) ||
    CHROME_RULES.crumbSeparator.test(text) ||
    CHROME_RULES.crumbItem.test(text) ||
    isUtility(text)
  );
}

/** A related-link item: short and not a sentence, nor a date or a numbered provision. */
function isLinkItem(text: string): boolean {
  return text.length <= LINK_ITEM_MAX && !/[。！？]/.test(text) && !DATE_LINE.test(text);
}

// Fields ---------------------------------------------------------------------

/** Reads every "label：value" of an info line into the fields. */
function readInfo(text: string, fields: SourceFields, line: number): void {
  const body = text.replace(/^[(（]\s*/, '').replace(/\s*[)）]$/, '');
  const found = [...body.matchAll(INFO_LABEL)];
  found.forEach((m, k) => {
    const end = found[k + 1]?.index ?? body.length;
    setField(fields, m[1], body.slice((m.index ?? 0) + m[0].length, end), 'web-page', line);
  });
}

/** Records a field under the name its label maps to; the first value read wins. */
function setField(fields: SourceFields, rawLabel: string, rawValue: string, from: SourceField['from'], line: number): void {
  const label = rawLabel.replace(/\s+/g, '');
  const value = rawValue.trim();
  let name: SourceFieldName | undefined = FIELD_OF_LABEL[label] ?? FIELD_OF_LABEL[label.toLowerCase()];
  if (EXPORT_DATE_LABELS.has(label)) name = from === 'export' || from === 'front-matter' ? 'date' : 'published';
  if (!name || value === '' || fields[name]) return;
  const field: SourceField = { value: name === 'number' ? (readDocNumber(value) ?? value.replace(/\s+/g, '')) : value, from, line, label };
  fields[name] = field;
}
