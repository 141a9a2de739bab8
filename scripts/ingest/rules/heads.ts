/**
 * Rules for the head of a document and the boundaries between documents: titles, notice titles,
 * periods, preambles, head marks. Each regular expression under a purpose name (the habit of marked's
 * rules file); split.ts and frontmatter.ts read them.
 */
import { kindWordsPattern, TITLE_KIND_WORDS } from '../../../shared/document/kind-words.ts';
import { CN_NUM } from './markers.ts';

/**
 * Line shapes that mark the head of a document; the splitter and front-matter parsing (stage 4)
 * both read them.
 */
export const HEAD_RULES = {
  /** …关于印发《…》的通知 / …印发…的通知 / …转发…的通知 (one line, maybe after joining two). */
  noticeTitle: /(?:印发|转发)[^。；;]*的通知$/,
  /** A document title ends in its kind, maybe followed by （2024—2026年） or （修订版）. */
  docKindEnd: new RegExp(`${kindWordsPattern(TITLE_KIND_WORDS)}(?:[（(][^（）()]{1,20}[）)])*$`),
  /** A status or period on a line of its own: （征求意见稿）, (2024—2026年), （修订版）. */
  periodLine: /^[（(](?![^（）()]*号[）)]$)[^（）()]*(?:\d{4}|年|稿|版|试行|暂行|草案|修订)[^（）()]*[）)]$/,
  /** A preamble opens with its purpose or basis. */
  preamble: /^(?:为|根据|按照|依据|依照)/,
  /** Punctuation that never occurs inside a document title. */
  titleStop: /[。；;：:，,！!？?\t]/,
  /** 成文日期 on a line of its own, Arabic or Chinese numerals. */
  date: /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/,
} as const;

/** Head lines that mark a document's start: registration number, "文件", an attachment label. */
export const HEAD_MARK = /^(?:[A-Z]{2,8}\s*[—–\-－]+\s*\d{4}\s*[—–\-－]+\s*\d{2,10}|文\s*件|附件\s*\d{0,2}\s*[：:]?|.{2,30}号附件)$/;
/**
 * A line that closes a paragraph; a bare title only follows such a line. Wider
 * than rules/lines.ts SENTENCE_END: some web extractions end sentences with a
 * half-width "." (004, lines 395–417).
 */
export const PARAGRAPH_END = /[。！？；：.!?;:…”’」』）)】\]]$/;
/** Section headings that may close a document (its last 一、 section). */
export const CLOSING_SECTION = /保障|组织|附则|工作要求|实施要求|监督|考核|其他/;
/** A line ending like this stops mid-sentence. */
export const CONTINUES = /[，、,（(《“‘—-]$/;

// Reading the head and the footer of a document (frontmatter.ts)

/** Head constructs that have no reader of their own elsewhere, each under its purpose name. */
export const HEAD_CONSTRUCTS = {
  /** 规范性文件登记号: JNCR—2022—0040001, XXCR-2021-0010003. */
  registration: /^[A-Z]{2,8}\s*[—–\-－]+\s*\d{4}\s*[—–\-－]+\s*\d{2,10}$/,
  /** The "文件" of a letterhead printed on a line of its own. */
  documentWord: /^文\s*件$/,
  /** The text of a notice that issues or forwards what follows it. */
  issuing: /印发给你们|转发给你们|印发你们|现予印发|现予公布|予以印发|予以公布|现印发|现将[^。]{0,80}?(?:印发|转发|公布)/,
  /** A history note under a law's title: "2019年11月30日 国家市场监督管理总局令第20号公布", "（…通过　…公布　自…起施行）". */
  historyNote: /^[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,160}(?:通过|公布|发布|修改|修正|修订|批准|施行)[）)]?$/,
  /** A line under a title that is part of it: its period or its stage, "（2021-2025年）", "（试行）". */
  titlePeriod: /^[（(]\s*(?:\d{4}\s*[-—–－~至]+\s*\d{4}\s*年?|\d{4}\s*年|试行|暂行|草案|修订|修订版|修订稿)\s*[）)]$/,
  /** An attachment label between a notice and what it issues: "附件", "附件1", "津工信电力〔2021〕2号附件". */
  attachmentLabel: /^(?:附件\s*\d{0,2}|.{2,30}号附件)\s*[：:]?$/,
} as const;
/** A status or draft line under a title: （征求意见稿）, （送审稿）, （修订版）. Other bracketed lines (periods, 试行) are part of the title. */
export const STATUS_LINE = /^[（(][^（）()]*(?:稿|修订版)[^（）()]*[）)]$/;
/** Lines printed after the date: （此件公开发布）, （此页无正文）. */
export const AFTER_DATE = /^[（(](?:此件|此页)[^（）()]*[）)]$/;
/** A footer starts at 抄送：… or at the "…2024年10月24日印发" line. */
export const FOOTER_START = /^(?:抄送|抄报|分送|主题词|信息公开选项)[：:]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** A news byline: □孙化鹏 孔雪, 记者 …, 文/… */
export const BYLINE = /^(?:[□■◇◆○●]|(?:本报)?记者|通讯员|文[／/]|作者[：:])/;

// 发文字号 (doc-number.ts) and issuing organisations (issuers.ts)

/** 文号 forms, each under its purpose name. */
export const DOC_NUMBER_RULES = {
  /** Agency code, year in 〔〕 [] ［］ （） (), sequence number, 号; or agency code 字第 number 号 (府法综字第1120001234号). */
  number: /^\S{1,24}?\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号$|^[\u4e00-\u9fff]{1,12}字\s*第\s*\d{1,12}\s*号$/,
  /** The same anywhere in a line (a 文号 quoted in a sentence or a page heading). */
  inText: /[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号/,
  /** An order's number: 第19号, （第19号）, 第二十号. */
  order: new RegExp(`^[（(]?\\s*第\\s*(?:\\d{1,5}|${CN_NUM})\\s*号\\s*[）)]?$`),
  /** A line wrapped in brackets: （教师函〔2021〕13号）. */
  bracketed: /^[（(](.+)[）)]$/,
} as const;
/** Organisation names end like this; a bracketed suffix and "文件" (a letterhead) may follow. */
export const ORG_END = /(?:政府|办公厅|办公室|委员会|管委会|领导小组|党组|局|厅|委|部|院|会|中心|办|署|公司|集团|银行)(?:[（(][^（）()]+[）)])?(?:文件)?$/;
/** Punctuation that never occurs in an organisation name. */
export const ORG_STOP = /[，。；：:、,;《》“”！？!?]/;
/** An order's head: "上海市人民政府令", "国家市场监督管理总局令". */
export const ORDER_HEAD = /^(.{2,30}?(?:政府|委员会|局|部|署|院|厅|委|行))令$/;
/** The signer of an order: 职务 and name ("市长　应勇", "省长 马兴瑞"). */
export const OFFICIAL =
  /^(?:省长|市长|区长|县长|州长|主席|总理|部长|主任|局长|署长|院长|行长|书记|代省长|代市长|代区长|代县长)[\s\u3000]*[\u4e00-\u9fff·]{2,5}$/;
/** An issuer at the start of a title: "山东省人民政府办公厅关于…", "民政部对…的答复". */
export const ISSUER_IN_TITLE = /^(.{2,40}?(?:政府|办公厅|办公室|委员会|局|厅|委|部|院|署|部门))(?:关于|对)/;
