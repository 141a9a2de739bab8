/**
 * The page Pagefind indexes for a document, made from the search record
 * (model-pages.ts) rather than read from the built page: the same text in the
 * same blocks, each section's heading as an <h2> with the section's id (Pagefind's
 * sub-results and their anchors), the title as data-pagefind-meta, and the
 * filters and sort key as the site's pages write them. Nothing else of the
 * page (navigation, contents, metadata card, panels) is sent, so Pagefind
 * parses a fraction of the bytes. Text is escaped: it is data, never markup.
 */
import type { ExtractedPage } from './extract.ts';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The HTML of one record, for Pagefind's addHTMLFile. */
export function pagefindHtml(page: ExtractedPage): string {
  const out: string[] = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main data-pagefind-body>'];
  const hidden: string[] = [];
  for (const [key, values] of Object.entries(page.filters)) {
    for (const value of values) hidden.push(`<span data-pagefind-filter="${escapeAttribute(key)}">${escapeText(value)}</span>`);
  }
  for (const [key, value] of Object.entries(page.sort)) hidden.push(`<span data-pagefind-sort="${escapeAttribute(key)}">${escapeText(value)}</span>`);
  if (hidden.length > 0) out.push(`<div hidden data-pagefind-ignore>${hidden.join('')}</div>`);
  // Where each section's heading block starts: the first segment of the section.
  const headingAt = new Map<number, number>();
  const seen = new Set<number>();
  for (let i = 0; i < page.segments.length; i += 2) {
    const section = page.segments[i + 1];
    if (section >= 0 && !seen.has(section)) {
      seen.add(section);
      headingAt.set(page.segments[i], section);
    }
  }
  let at = 0;
  for (const block of page.text.split('\n')) {
    const section = headingAt.get(at);
    if (at === 0 && page.title && block === page.title) out.push(`<h1 data-pagefind-meta="title">${escapeText(block)}</h1>`);
    else if (section !== undefined) out.push(`<h2 id="${escapeAttribute(page.sections[section].id)}">${escapeText(block)}</h2>`);
    else out.push(`<p>${escapeText(block)}</p>`);
    at += block.length + 1;
  }
  out.push('</main></body></html>');
  return out.join('');
}
