/**
 * Markdown as scrapers and knowledge bases save policy text: heading marks
 * (# 标题, ## 第一章 总 则), HTML comments (<!-- INFO END -->), image and link
 * syntax, emphasis, quote marks, rules and pipe tables. None of it is the
 * document's wording, so normalise removes it and records each removal; the
 * original-text page still shows it. Only files that show Markdown are touched:
 * a plain text that happens to hold a "|" or a "*" keeps them.
 */

/** Markup constructs, each under its purpose name. */
export const MARKUP_RULES = {
  /** An ATX heading mark: "# ", "## " … at the start of a line. */
  heading: /^#{1,6}[ \t\u3000]+/,
  /** An HTML comment on a line of its own. */
  comment: /^<!--[\s\S]*-->$/,
  /** An image: ![alt](src "title"). Removed whole: the text never printed it. */
  image: /!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
  /** A link: [text](href "title"); the text stays. */
  link: /\[([^\]\n]+)\]\([^)\s]+(?:\s+"[^"]*")?\)/g,
  /** Strong or emphasised text: **text**, __text__. */
  emphasis: /(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1/g,
  /** A block quote mark. */
  quote: /^>[ \u3000]?/,
  /** A thematic break. (A YAML front matter fence at the top of a file is left to the chrome stage.) */
  rule: /^(?:\*{3,}|_{3,}|-{3,})$/,
  /** The row under a pipe table's header: | --- | :---: | */
  tableDivider: /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?$|^\|\s*:?-{3,}:?\s*\|$/,
  /** A pipe table row: | 序号 | 名称 | */
  tableRow: /^\|(.*)\|$/,
} as const;

/** How far into a file the Markdown signals are looked for. */
const SIGNAL_WINDOW = 60;

/**
 * True when the file's own lines show Markdown as a scraper saves it: the title as a heading
 * (the first line "# 标题"), a comment, a link or image, a pipe table. A "#" further down a plain
 * text is only a character.
 */
export function looksLikeMarkdown(lines: readonly string[]): boolean {
  const n = Math.min(lines.length, SIGNAL_WINDOW);
  // The first line of text, after a YAML front matter block if there is one.
  const fence = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && i < SIGNAL_WINDOW && ['---', '...'].includes(l.trim())) : -1;
  const first = lines.findIndex((l, i) => i > fence && l.trim() !== '');
  for (let i = 0; i < n; i++) {
    const raw = lines[i];
    const text = raw.trim();
    // Cheap first (measured: 4 scans of every line cost 15% of normalise): a heading, comment or table
    // row shows in its first character; only a link needs a scan of the line.
    const lead = text[0];
    if (lead === '#' || lead === '<' || lead === '|') {
      if (i === first && MARKUP_RULES.heading.test(text)) return true;
      if (MARKUP_RULES.comment.test(text) || MARKUP_RULES.tableDivider.test(text)) return true;
    }
    if (!raw.includes('](')) continue;
    if (text.includes('](') && (new RegExp(MARKUP_RULES.link.source).test(text) || new RegExp(MARKUP_RULES.image.source).test(text))) return true;
  }
  return false;
}

/**
 * The line without its markup ('' when the whole line is markup), or null when
 * it holds none. A pipe table row becomes tab-separated cells, the form the
 * table parser reads.
 */
export function stripMarkup(text: string, isFence: boolean): string | null {
  if (isFence) return null;
  if (MARKUP_RULES.comment.test(text) || MARKUP_RULES.rule.test(text) || MARKUP_RULES.tableDivider.test(text)) return '';
  let out = text;
  const row = MARKUP_RULES.tableRow.exec(out);
  if (row && row[1].includes('|')) out = row[1].split('|').map((cell) => cell.trim()).join('\t');
  out = out.replace(MARKUP_RULES.heading, '').replace(MARKUP_RULES.quote, '');
  if (out.includes('](')) out = out.replace(MARKUP_RULES.image, '').replace(MARKUP_RULES.link, '$1');
  if (out.includes('**') || out.includes('__')) out = out.replace(MARKUP_RULES.emphasis, '$2');
  return out === text ? null : out;
}
