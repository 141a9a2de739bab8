/**
 * Markdown as scrapers and knowledge bases save policy text: heading marks
 * (# 标题, ## 第一章 总 则), HTML comments (<!-- INFO END -->), image and link
 * syntax, emphasis, quote marks, rules and pipe tables. None of it is the
 * document's wording, so normalise removes it and records each removal; the
 * original-text page still shows it. Only files that show Markdown are touched:
 * a plain text that happens to hold a "|" or a "*" keeps them.
 */
import { MARKUP_RULES } from './rules/markup.ts';

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
  if (row?.[1].includes('|'))
    out = row[1]
      .split('|')
      .map((cell) => cell.trim())
      .join('\t');
  out = out.replace(MARKUP_RULES.heading, '').replace(MARKUP_RULES.quote, '');
  if (out.includes('](')) out = out.replace(MARKUP_RULES.image, '').replace(MARKUP_RULES.link, '$1');
  if (out.includes('**') || out.includes('__')) out = out.replace(MARKUP_RULES.emphasis, '$2');
  return out === text ? null : out;
}
