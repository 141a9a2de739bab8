import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { siteDataFrom } from '../../../scripts/site/site-data.ts';
import { DOCUMENT_TEXT_DIR, SOURCE_TEXT_DIR, siteFiles } from '../../../scripts/site/site-files.ts';
import { writeSiteFiles } from '../../../scripts/steps/site-step.ts';
import { textDigest } from '../../../scripts/contract/text-digest.ts';
import { tasksOf } from '../../../shared/document/tasks.ts';

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
      expect(text.file).toBe(`${DOCUMENT_TEXT_DIR}/${doc.id}.json`);
      expect(JSON.parse(textOf(text.file)!)).toEqual({ body });
      expect(text.digest).toBe(textDigest(textOf(text.file)!));
      expect(text.taskCount).toBe(tasksOf(body).length);
    });
    expect(data.documents.some((d) => d.text.taskCount > 0)).toBe(true);
  });

  it('writes every seed file’s lines and normalisations apart, under a name any file name can take', () => {
    expect(Object.keys(data.sources).sort()).toEqual(Object.keys(site.sources).sort());
    for (const [file, ref] of Object.entries(data.sources)) {
      expect(ref.file).toMatch(new RegExp(`^${SOURCE_TEXT_DIR}/[0-9a-f]{24}\\.json$`));
      expect(JSON.parse(textOf(ref.file)!)).toEqual({ lines: site.sources[file], normalisations: site.normalisations[file] ?? [] });
      expect(ref.lines).toBe(site.sources[file].length);
    }
    expect(data).not.toHaveProperty('normalisations');
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
    const bodyFile = (id: string) => path.join(dir, DOCUMENT_TEXT_DIR, `${id}.json`);
    const [first, second] = site.documents;
    const old = new Date('2020-01-01');
    fs.utimesSync(bodyFile(first.id), old, old);
    fs.utimesSync(bodyFile(second.id), old, old);
    const edited = structuredClone(site);
    edited.documents[1].body.push({ type: 'paragraph', text: '新增一段。', lineStart: 1, lineEnd: 1 });
    edited.documents.pop();
    writeSiteFiles(edited, siteFile);
    expect(fs.statSync(bodyFile(first.id)).mtime).toEqual(old);
    expect(fs.statSync(bodyFile(second.id)).mtime).not.toEqual(old);
    expect(fs.existsSync(bodyFile(site.documents.at(-1)!.id))).toBe(false);
    expect(JSON.parse(fs.readFileSync(siteFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(siteFiles(edited).data)));
  });
});
