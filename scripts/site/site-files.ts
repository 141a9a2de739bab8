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
import { digestNamedJson, digestOf } from '../contract/digest.ts';
import type { DepartmentHead, DepartmentText, DocumentHead, DocumentText, SiteData, SiteDataFile, SourceText, TextFileRef } from './site-model.ts';

/** The folders of the split-off texts, relative to site.json's folder. */
export const DOCUMENT_TEXT_DIR = 'site/documents';
export const SOURCE_TEXT_DIR = 'site/sources';
export const DEPARTMENT_TEXT_DIR = 'site/departments';
/** Every folder of split-off texts. */
export const SITE_TEXT_DIRS = [DOCUMENT_TEXT_DIR, SOURCE_TEXT_DIR, DEPARTMENT_TEXT_DIR] as const;

/** site.json, and each split-off file as [folder, file name, text, the sha256 of its bytes]. */
export interface SiteFiles {
  data: SiteDataFile;
  texts: Array<readonly [dir: string, name: string, text: string, digest: string]>;
  /** The texts the caller knew (see {@link KnownTexts}), each with a function that makes it when it must be written. */
  known: Array<readonly [dir: string, name: string, text: () => string, digest: string]>;
}

/**
 * The files a previous build wrote of texts the caller knows are the same: a document's body (by the document's
 * digest, scripts/steps/document-digest.ts) and a unit's tasks (by its name and slug and the digests of the
 * documents they come from). Those are then not serialised and hashed again: 95 and 42 MB of the 176 MB of
 * texts at 2,019 documents.
 */
export interface KnownTexts {
  body(doc: SiteData['documents'][number]): TextFileRef | undefined;
  /** `documents`: the ids of the documents the unit's tasks come from, in the collection's order. */
  department(unit: { name: string; slug: string }, documents: readonly string[]): TextFileRef | undefined;
}

/** A seed file's name as part of a file name: seed names may hold any character, and folders. */
export function sourceTextName(seedFile: string): string {
  return digestOf(seedFile).slice(0, 24);
}

/** Splits `site` into site.json and the texts written beside it. */
export function siteFiles(site: SiteData, knownTexts?: KnownTexts): SiteFiles {
  const texts: SiteFiles['texts'] = [];
  const known: SiteFiles['known'] = [];
  // A recorded file of another folder (an older layout) is not used.
  const knownIn = (dir: string, ref: TextFileRef | undefined, text: () => string): TextFileRef | undefined => {
    if (!ref?.file.startsWith(`${dir}/`)) return undefined;
    known.push([dir, ref.file.slice(dir.length + 1), text, ref.digest]);
    return { file: ref.file, digest: ref.digest };
  };
  // Each file is named by what it holds and by its digest, so a build tells an unchanged text by its name.
  const add = (dir: string, stem: string, value: unknown): TextFileRef => {
    const { name, text, digest } = digestNamedJson(stem, value);
    texts.push([dir, name, text, digest]);
    return { file: `${dir}/${name}`, digest };
  };
  const documents = site.documents.map((doc): DocumentHead => {
    const { body, ...head } = doc;
    const text = (): DocumentText => ({ body });
    const ref = knownIn(DOCUMENT_TEXT_DIR, knownTexts?.body(doc), () => JSON.stringify(text())) ?? add(DOCUMENT_TEXT_DIR, head.id, text());
    return { ...head, text: { ...ref, taskCount: tasksOf(body).length } };
  });
  const sources: SiteDataFile['sources'] = {};
  for (const [file, lines] of Object.entries(site.sources)) {
    const text: SourceText = { lines, normalisations: site.normalisations[file] ?? [] };
    sources[file] = { ...add(SOURCE_TEXT_DIR, sourceTextName(file), text), lines: lines.length };
  }
  const departments = site.departments.map(({ tasks, ...head }): DepartmentHead => {
    const text = (): DepartmentText => ({ tasks });
    const documents = [...new Set(tasks.map((t) => t.document))];
    const ref =
      knownIn(DEPARTMENT_TEXT_DIR, knownTexts?.department(head, documents), () => JSON.stringify(text())) ?? add(DEPARTMENT_TEXT_DIR, head.slug, text());
    return { ...head, documents, text: { ...ref, taskCount: tasks.length } };
  });
  const { documents: _documents, departments: _departments, sources: _sources, normalisations: _normalisations, ...rest } = site;
  return { data: { ...rest, documents, departments, sources }, texts, known };
}
