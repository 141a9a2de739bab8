/**
 * Rules for the end of a document: 成文日期, 附注, attachment headings and lists. Each regular expression
 * under a purpose name (the habit of marked's rules file); closing.ts reads them.
 */

/** Closing constructs, each under its purpose name. */
export const CLOSING_RULES = {
  /** 成文日期 on a line of its own, Arabic or Chinese numerals. */
  date: /^(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/,
  /** 附注 printed after the date: （此件公开发布）, （联系人：…）, （此页无正文）. */
  annotation: /^[（(](?:此件|此页|联系人|联系电话|信息公开)/,
  /** An attachment heading: 附件, 附件1, 附件 2：标题, 附录2：竞价指引, 附表1. */
  attachment: /^(附件|附录|附表)\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?\s*(?:[：:]\s*(.*))?$/,
  /** An item of an attachment list: "2.智能网联汽车道路测试主体申请材料". */
  listItem: /^\d{1,2}\s*[.．、]/,
} as const;
