/**
 * The page Pagefind indexes for a document, made from the search record
 * (model-pages.ts) rather than read from the built page: the document's title
 * and its sections' headings — each an <h2> with the section's id, so
 * Pagefind's sub-results link to the task — with the filters and sort key as
 * the site's pages write them. Text is escaped: it is data, never markup.
 *
 * Why headings and not the whole text (figures: README, Search): Pagefind
 * serves the opt-in extended search, which lists documents the exact search
 * did not, that is documents that do not contain the query as typed but share
 * its segmented words. In running text such shared words are mostly passing
 * co-occurrences (链长制 → 制定, 制造); in a title or a task's heading they name
 * what the task is about. Indexing the headings costs Pagefind about a tenth
 * of the CPU time of the whole text (5 against 47 CPU-seconds at 2,000 documents).
 */
import type { ExtractedPage } from './extract.ts';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The HTML of one record, for Pagefind's addHTMLFile: title, section headings with ids, filters, sort. */
export function pagefindHtml(page: ExtractedPage): string {
  const out: string[] = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main data-pagefind-body>'];
  const hidden: string[] = [];
  for (const [key, values] of Object.entries(page.filters)) {
    for (const value of values) hidden.push(`<span data-pagefind-filter="${escapeAttribute(key)}">${escapeText(value)}</span>`);
  }
  for (const [key, value] of Object.entries(page.sort)) hidden.push(`<span data-pagefind-sort="${escapeAttribute(key)}">${escapeText(value)}</span>`);
  if (hidden.length > 0) out.push(`<div hidden data-pagefind-ignore>${hidden.join('')}</div>`);
  out.push(`<h1 data-pagefind-meta="title">${escapeText(page.title)}</h1>`);
  // A section's heading is the block its first segment starts with.
  const seen = new Set<number>();
  for (let i = 0; i < page.segments.length; i += 2) {
    const section = page.segments[i + 1];
    if (section < 0 || seen.has(section)) continue;
    seen.add(section);
    const start = page.segments[i];
    const end = page.text.indexOf('\n', start);
    const heading = page.text.slice(start, end < 0 ? page.text.length : end);
    out.push(`<h2 id="${escapeAttribute(page.sections[section].id)}">${escapeText(heading)}</h2>`);
  }
  out.push('</main></body></html>');
  return out.join('');
}
