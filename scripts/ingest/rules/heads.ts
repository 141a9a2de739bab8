/**
 * Rules for the head of a document and the boundaries between documents: titles, notice titles,
 * periods, preambles, head marks. Each regular expression under a purpose name (the habit of marked's
 * rules file); split.ts and frontmatter.ts read them.
 */

/**
 * Line shapes that mark the head of a document; the splitter and front-matter parsing (stage 4)
 * both read them.
 */
export const HEAD_RULES = {
  /** …关于印发《…》的通知 / …印发…的通知 / …转发…的通知 (one line, maybe after joining two). */
  noticeTitle: /(?:印发|转发)[^。；;]*的通知$/,
  /** A document title ends in its kind, maybe followed by （2024—2026年） or （修订版）. */
  docKindEnd:
    /(?:计划|方案|措施|机制|意见|办法|规划|细则|规定|政策|纲要|指南|指引|要点|决定|条例|规则|通知|通告|公告|答复|批复|目录|清单)(?:[（(][^（）()]{1,20}[）)])*$/,
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
