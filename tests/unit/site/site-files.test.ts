import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { DEPARTMENT_TEXT_DIR, DOCUMENT_TEXT_DIR, SOURCE_TEXT_DIR, siteFiles, sourceTextName } from '../../../scripts/site/site-files.ts';
import { writeSiteFiles } from '../../../scripts/steps/site-step.ts';
import { digestOf } from '../../../scripts/contract/digest.ts';
import { tasksOf } from '../../../shared/document/tasks.ts';
import type { SiteDataFile } from '../../../scripts/site/site-model.ts';

const corpus = ingestDirectory('seeds', 'content/curated');
const site = siteDataFrom(corpus);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the site data split into site.json and the texts beside it', () => {
  const { data, texts } = siteFiles(site);
  const textOf = (file: string) => texts.find(([folder, name]) => `${folder}/${name}` === file)?.[2];

  it('keeps every document without its body, naming the file that holds the body by the digest of its bytes', () => {
    expect(data.documents.map((d) => d.id)).toEqual(site.documents.map((d) => d.id));
    site.documents.forEach((doc, n) => {
      const { text, ...head } = data.documents[n];
      const { body, ...rest } = doc;
      expect(head).toEqual(rest);
      expect(text.file).toBe(`${DOCUMENT_TEXT_DIR}/${doc.id}.${text.digest.slice(0, 16)}.json`);
      expect(JSON.parse(textOf(text.file)!)).toEqual({ body });
      expect(text.digest).toBe(digestOf(textOf(text.file)!));
      expect(text.taskCount).toBe(tasksOf(body).length);
    });
    expect(data.documents.some((d) => d.text.taskCount > 0)).toBe(true);
  });

  it('writes every seed file’s lines and normalisations apart, under a name any file name can take', () => {
    expect(Object.keys(data.sources).sort()).toEqual(Object.keys(site.sources).sort());
    for (const [file, ref] of Object.entries(data.sources)) {
      expect(ref.file).toBe(`${SOURCE_TEXT_DIR}/${sourceTextName(file)}.${ref.digest.slice(0, 16)}.json`);
      expect(sourceTextName(file)).toMatch(/^[0-9a-f]{24}$/);
      expect(JSON.parse(textOf(ref.file)!)).toEqual({ lines: site.sources[file], normalisations: site.normalisations[file] ?? [] });
      expect(ref.lines).toBe(site.sources[file].length);
    }
    expect(data).not.toHaveProperty('normalisations');
  });

  it('keeps every unit without its tasks, with their number and their documents in the order of the tasks', () => {
    expect(site.departments.length).toBeGreaterThan(10);
    site.departments.forEach((dept, n) => {
      const { text, documents, ...head } = data.departments[n];
      const { tasks, ...rest } = dept;
      expect(head).toEqual(rest);
      expect(text.file).toBe(`${DEPARTMENT_TEXT_DIR}/${dept.slug}.${text.digest.slice(0, 16)}.json`);
      expect(JSON.parse(textOf(text.file)!)).toEqual({ tasks });
      expect(text.taskCount).toBe(tasks.length);
      expect(documents).toEqual([...new Set(tasks.map((t) => t.document))]);
    });
  });

  it('changes one document’s digest, and nothing else of site.json, when only its body changes', () => {
    const edited = structuredClone(site);
    edited.documents[2].body.push({ type: 'paragraph', text: '新增一段。', lineStart: 1, lineEnd: 1 });
    const after = siteFiles(edited).data;
    expect(after.documents[2].text.digest).not.toBe(data.documents[2].text.digest);
    expect({ ...after, documents: after.documents.filter((_, n) => n !== 2) }).toEqual({ ...data, documents: data.documents.filter((_, n) => n !== 2) });
  });

  it('writes only the texts that changed, and removes those of documents that are gone', () => {
    const siteFile = path.join(dir, 'site.json');
    writeSiteFiles(site, siteFile);
    const bodyFile = (data: SiteDataFile, n: number) => path.join(dir, data.documents[n].text.file);
    const before = siteFiles(site).data;
    const old = new Date('2020-01-01');
    fs.utimesSync(bodyFile(before, 0), old, old);
    fs.utimesSync(bodyFile(before, 1), old, old);
    const edited = structuredClone(site);
    edited.documents[1].body.push({ type: 'paragraph', text: '新增一段。', lineStart: 1, lineEnd: 1 });
    edited.documents.pop();
    writeSiteFiles(edited, siteFile);
    const after = siteFiles(edited).data;
    expect(fs.statSync(bodyFile(after, 0)).mtime).toEqual(old);
    expect(bodyFile(after, 1)).not.toBe(bodyFile(before, 1));
    for (const n of [1, before.documents.length - 1]) expect(fs.existsSync(bodyFile(before, n))).toBe(false);
    expect(fs.readdirSync(path.join(dir, DOCUMENT_TEXT_DIR))).toHaveLength(after.documents.length);
    expect(JSON.parse(fs.readFileSync(siteFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(after)));
  });

  it('writes a text again when the file of its name has another size (edited by hand)', () => {
    const siteFile = path.join(dir, 'site.json');
    writeSiteFiles(site, siteFile);
    const file = path.join(dir, siteFiles(site).data.documents[0].text.file);
    fs.writeFileSync(file, '{}');
    writeSiteFiles(site, siteFile);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ body: JSON.parse(JSON.stringify(site.documents[0].body)) });
  });
});
