/**
 * Splits the site data into the files Astro reads (pure): site.json with every document's metadata and
 * the collection's indexes, and one file per document body and per seed file's lines beside it. Bodies
 * and lines are 70% of the site data (126 of 176 MB at 2,019 documents); a page reads only its own, and
 * a build that adds one document writes one body and one source file instead of all of them again.
 * Each file is named in site.json with the sha256 of its bytes: the pages' cache keys use the digest
 * instead of the text (src/lib/page-keys.ts), and the reader checks it (src/lib/site-data.ts).
 */
import { tasksOf } from '../../shared/document/tasks.ts';
import { textDigest } from '../contract/text-digest.ts';
import type { DocumentHead, DocumentText, SiteData, SiteDataFile, SourceText, TextFileRef } from './site-model.ts';

/** The folders of the split-off texts, relative to site.json's folder. */
export const DOCUMENT_TEXT_DIR = 'site/documents';
export const SOURCE_TEXT_DIR = 'site/sources';

/** site.json, and each split-off file as [folder, file name, text]. */
export interface SiteFiles {
  data: SiteDataFile;
  texts: Array<readonly [dir: string, name: string, text: string]>;
}

/** A seed file's name as a file name: seed names may hold any character, and folders. */
export function sourceTextName(seedFile: string): string {
  return `${textDigest(seedFile).slice(0, 24)}.json`;
}

/** Splits `site` into site.json and the texts written beside it. */
export function siteFiles(site: SiteData): SiteFiles {
  const texts: SiteFiles['texts'] = [];
  const add = (dir: string, name: string, value: unknown): TextFileRef => {
    const text = JSON.stringify(value);
    texts.push([dir, name, text]);
    return { file: `${dir}/${name}`, digest: textDigest(text) };
  };
  const documents = site.documents.map(({ body, ...head }): DocumentHead => {
    const text: DocumentText = { body };
    return { ...head, text: { ...add(DOCUMENT_TEXT_DIR, `${head.id}.json`, text), taskCount: tasksOf(body).length } };
  });
  const sources: SiteDataFile['sources'] = {};
  for (const [file, lines] of Object.entries(site.sources)) {
    const text: SourceText = { lines, normalisations: site.normalisations[file] ?? [] };
    sources[file] = { ...add(SOURCE_TEXT_DIR, sourceTextName(file), text), lines: lines.length };
  }
  const { documents: _documents, sources: _sources, normalisations: _normalisations, ...rest } = site;
  return { data: { ...rest, documents, sources }, texts };
}
