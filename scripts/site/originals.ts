/**
 * The original files the documents were read from, published beside the pages: each under an
 * ASCII name (the file's own name when it is ASCII, else its pinyin) in data/originals/, so every
 * document page can link the PDF, Word, web page or text it came from, online and in the offline copy.
 */
import type { OriginalFile } from '../ingest/formats/model.ts';
import { pinyinSlug, uniqueSlugs } from '../urls/slug.ts';

/** Largest original file published (per file); larger ones are named on the page but not copied. */
export const MAX_ORIGINAL_BYTES = 20 * 1024 * 1024;

/** An original file as the site shows it. */
export interface PublishedOriginal extends OriginalFile {
  /** Path under the site root (`data/originals/<name>`), or null when the file is over the size limit. */
  path: string | null;
}

/** Names every original file and decides which are published (pure). */
export function publishOriginals(originals: Record<string, OriginalFile>): Record<string, PublishedOriginal> {
  const files = Object.keys(originals).sort();
  const ascii = (file: string) => {
    const dot = file.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [file.slice(0, dot), file.slice(dot).toLowerCase()] : [file, ''];
    const safe = /^[A-Za-z0-9._-]+$/.test(stem) ? stem : pinyinSlug(stem) || 'file';
    // A saved web page is published as text (".html.txt"): served as HTML from the site's own
    // origin its scripts would run, and the offline copy and the search steps would take it for a page.
    return `${safe.slice(0, 80)}${ext}${ext === '.html' || ext === '.htm' ? '.txt' : ''}`;
  };
  // Unique by name: a second "x.pdf" becomes "x-2.pdf" (the suffix before the extension).
  const names = new Map([...uniqueSlugs(files, ascii)].map(([file, name]) => [file, name.replace(/^(.*?)((?:\.[a-z0-9]+)+)-(\d+)$/, '$1-$3$2')]));
  const out: Record<string, PublishedOriginal> = {};
  for (const file of files) {
    const original = originals[file];
    out[file] = { ...original, path: original.byteLength <= MAX_ORIGINAL_BYTES ? `data/originals/${names.get(file)}` : null };
  }
  return out;
}

/** The place a line came from, as the original-text page names it ("第3页第12行", "第15段", "表1第2行", an element path). */
export function originLabel(origin: OriginalFile['origins'][number] | undefined): string {
  if (!origin) return '';
  if (origin.type === 'pdf') return `第${origin.page}页第${origin.line}行`;
  if (origin.type === 'docx') return origin.table ? `表${origin.table}第${origin.row}行` : `第${origin.paragraph}段`;
  return origin.path;
}
