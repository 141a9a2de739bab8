/**
 * Rules for the values a text states about itself: the 《title》 a notice issues, an order's history
 * note, dates as databases write them, a plan's period, the place a title starts with. Each under a
 * purpose name (the habit of marked's rules file); readings.ts, metadata.ts and extract.ts apply them.
 */

/** Readings rules, each under its purpose name. */
export const READING_RULES = {
  /** A history note naming the order that promulgated the text: "2019年11月30日 国家市场监督管理总局令第20号公布". */
  promulgation: /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([\u4e00-\u9fff]{2,30}?)令\s*[（(]?\s*(第\s*\d{1,5}\s*号)\s*[）)]?\s*(?:公布|发布)/,
  /** The 《title》 a notice issues: "现将《X》印发给你们", "制定了《X》。现印发给你们". */
  issued: /《([^《》]+)》[^《》。]{0,12}?(?:[。，,]\s*)?(?:现|特|予以|现予)?(?:印发|转发|公布)/,
  /** A notice title that issues a document: "关于印发《X》的通知". */
  noticeTitle: /(?:印发|转发)《([^《》]+)》/,
  /** A date as databases and web pages write it: 2021.10.18, 2021-10-18, 2021年10月18日. */
  anyDate: /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/,
  /** A period such as 2024—2026年 or 2023-2025 年, with any dash the seeds use. */
  periodInYears: /(\d{4})\s*[-—–－~至]+\s*(\d{4})\s*年/,
  /** Two years joined by a dash or 至, as a title or subtitle prints a plan's period (2024—2026, 2023至2025). */
  yearSpan: /(\d{4})\s*[-—–－~至]+\s*(\d{4})/,
  /** The place a title starts with, up to its level word: "甲市关于…" → 甲市. */
  leadingPlace: /^(.{1,8}?[省市区县])/,
} as const;
