import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { DEPARTMENT_TEXT_DIR, DOCUMENT_TEXT_DIR, SOURCE_TEXT_DIR, siteFiles, sourceTextName } from '../../../scripts/site/site-files.ts';
import { writeSiteFiles } from '../../../scripts/steps/site-step.ts';
import { StepCache } from '../../../scripts/steps/cache.ts';
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

describe('the site texts of a build with the step cache', () => {
  const siteFile = path.join(dir, 'cached', 'site.json');
  const cacheDir = path.join(dir, 'cache');
  const serialised = (run: () => void, key = 'body'): number => {
    const spy = vi.spyOn(JSON, 'stringify');
    try {
      run();
      return spy.mock.calls.filter(([value]) => value !== null && typeof value === 'object' && Object.keys(value).join() === key).length;
    } finally {
      spy.mockRestore();
    }
  };
  const bodiesSerialised = (run: () => void) => serialised(run);
  const written = () => fs.readFileSync(siteFile, 'utf8');
  const bodyFile = (n: number) => path.join(dir, 'cached', siteFiles(site).data.documents[n].text.file);

  it('keeps an unchanged unit’s tasks file without serialising its tasks again', () => {
    const units = site.departments.length;
    expect(serialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', false, cacheDir)), 'tasks')).toBe(units);
    const clean = written();
    expect(serialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', true, cacheDir)), 'tasks')).toBe(0);
    expect(written()).toBe(clean);
    // A document edited (a paragraph added): the units its tasks name are made again, the others not.
    const edited = { ...site, documents: site.documents.map((doc, n) => (n === 0 ? structuredClone(doc) : doc)) };
    edited.documents[0].body.push({ type: 'paragraph', text: '新增一段。', lineStart: 1, lineEnd: 1 });
    const named = site.departments.filter((d) => d.tasks.some((t) => t.document === site.documents[0].id)).length;
    expect(named).toBeGreaterThan(0);
    expect(serialised(() => writeSiteFiles(edited, siteFile, new StepCache('pages', true, cacheDir)), 'tasks')).toBe(named);
    expect(JSON.parse(written()).departments).toEqual(JSON.parse(clean).departments);
  });

  it('keeps an unchanged document’s body file without serialising the body again, and writes what changed', () => {
    expect(bodiesSerialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', false, cacheDir)))).toBe(site.documents.length);
    const clean = written();
    const stamp = fs.statSync(bodyFile(0)).mtimeMs;
    expect(bodiesSerialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', true, cacheDir)))).toBe(0);
    expect(written()).toBe(clean);
    expect(fs.statSync(bodyFile(0)).mtimeMs).toBe(stamp);
    // A file whose stamp is not the recorded one is compared (its body made), not taken on trust.
    const old = new Date('2020-01-01');
    fs.utimesSync(bodyFile(0), old, old);
    expect(bodiesSerialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', true, cacheDir)))).toBe(1);
    expect(fs.statSync(bodyFile(0)).mtime).toEqual(old);
    // A file of another size (edited by hand) is written again from a body made once, not once to compare and once to write.
    const clean0 = fs.readFileSync(bodyFile(0), 'utf8');
    fs.writeFileSync(bodyFile(0), '{}');
    expect(bodiesSerialised(() => writeSiteFiles(site, siteFile, new StepCache('pages', true, cacheDir)))).toBe(1);
    expect(fs.readFileSync(bodyFile(0), 'utf8')).toBe(clean0);

    // A document edited (a new object, as every build's ingest makes), and a body file removed by hand.
    const edited = { ...site, documents: site.documents.map((doc, n) => (n === 1 ? structuredClone(doc) : doc)) };
    edited.documents[1].body.push({ type: 'paragraph', text: '新增一段。', lineStart: 1, lineEnd: 1 });
    fs.rmSync(bodyFile(2));
    expect(bodiesSerialised(() => writeSiteFiles(edited, siteFile, new StepCache('pages', true, cacheDir)))).toBe(2);
    expect(JSON.parse(written())).toEqual(JSON.parse(JSON.stringify(siteFiles(edited).data)));
    expect(JSON.parse(fs.readFileSync(bodyFile(2), 'utf8'))).toEqual({ body: JSON.parse(JSON.stringify(site.documents[2].body)) });
    const files = fs.readdirSync(path.join(dir, 'cached', DOCUMENT_TEXT_DIR));
    expect(files.sort()).toEqual(
      siteFiles(edited)
        .data.documents.map((d) => path.basename(d.text.file))
        .sort(),
    );
  });
});
