/**
 * Splits the site data into the files Astro reads (pure): site.json with every document's metadata and
 * the collection's indexes, and beside it one file per document body, per seed file's lines and per
 * unit's tasks. These are 95% of the site data (170 of 176 MB at 2,019 documents); a page reads only its
 * own, and a build that adds one document writes its body and source file and the tasks of its units
 * instead of all of them again.
 * Each file is named in site.json with the sha256 of its bytes: the pages' cache keys use the digest
 * instead of the text (src/lib/page-keys.ts), and the reader checks it (src/lib/site-data.ts).
 */
import { tasksOf } from '../../shared/document/tasks.ts';
import { digestOf } from '../contract/digest.ts';
import type { DepartmentHead, DepartmentText, DocumentHead, DocumentText, SiteData, SiteDataFile, SourceText, TextFileRef } from './site-model.ts';

/** The folders of the split-off texts, relative to site.json's folder. */
export const DOCUMENT_TEXT_DIR = 'site/documents';
export const SOURCE_TEXT_DIR = 'site/sources';
export const DEPARTMENT_TEXT_DIR = 'site/departments';
/** Every folder of split-off texts. */
export const SITE_TEXT_DIRS = [DOCUMENT_TEXT_DIR, SOURCE_TEXT_DIR, DEPARTMENT_TEXT_DIR] as const;

/** site.json, and each split-off file as [folder, file name, text]. */
export interface SiteFiles {
  data: SiteDataFile;
  texts: Array<readonly [dir: string, name: string, text: string]>;
}

/** A seed file's name as part of a file name: seed names may hold any character, and folders. */
export function sourceTextName(seedFile: string): string {
  return digestOf(seedFile).slice(0, 24);
}

/** Splits `site` into site.json and the texts written beside it. */
export function siteFiles(site: SiteData): SiteFiles {
  const texts: SiteFiles['texts'] = [];
  // Each file is named by what it holds and by its digest, so a build tells an unchanged text by its name.
  const add = (dir: string, name: string, value: unknown): TextFileRef => {
    const text = JSON.stringify(value);
    const digest = digestOf(text);
    const file = `${name}.${digest.slice(0, 16)}.json`;
    texts.push([dir, file, text]);
    return { file: `${dir}/${file}`, digest };
  };
  const documents = site.documents.map(({ body, ...head }): DocumentHead => {
    const text: DocumentText = { body };
    return { ...head, text: { ...add(DOCUMENT_TEXT_DIR, head.id, text), taskCount: tasksOf(body).length } };
  });
  const sources: SiteDataFile['sources'] = {};
  for (const [file, lines] of Object.entries(site.sources)) {
    const text: SourceText = { lines, normalisations: site.normalisations[file] ?? [] };
    sources[file] = { ...add(SOURCE_TEXT_DIR, sourceTextName(file), text), lines: lines.length };
  }
  const departments = site.departments.map(({ tasks, ...head }): DepartmentHead => {
    const text: DepartmentText = { tasks };
    const ref = add(DEPARTMENT_TEXT_DIR, head.slug, text);
    return { ...head, documents: [...new Set(tasks.map((t) => t.document))], text: { ...ref, taskCount: tasks.length } };
  });
  const { documents: _documents, departments: _departments, sources: _sources, normalisations: _normalisations, ...rest } = site;
  return { data: { ...rest, documents, departments, sources }, texts };
}
