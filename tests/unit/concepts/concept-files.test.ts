/** concepts.json and its mentions files (scripts/concepts/concept-files.ts): every mention in its concept's file, files named by content. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conceptFiles, OCCURRENCES_DIR } from '../../../scripts/concepts/concept-files.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { digestOf } from '../../../scripts/contract/digest.ts';
import { ConceptOccurrencesSchema, ConceptsFileSchema } from '../../../scripts/contract/concepts-data.ts';
import { GeneratedFileError, readTextBeside } from '../../../scripts/contract/generated-file.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { seeds } from '../compare/seeds.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('conceptFiles', () => {
  const { data } = conceptStage(seeds().documents, loadGlossary('content/curated/concepts.json'));
  const files = conceptFiles(data);

  it('puts every mention in its concept’s file, in the stage’s order, and names each file by its digest', () => {
    expect(ConceptsFileSchema.safeParse(files.data).success).toBe(true);
    const { occurrences: _refs, ...rest } = files.data;
    const { occurrences, ...expected } = data;
    expect(rest).toEqual(expected);
    expect(Object.keys(files.data.occurrences).sort()).toEqual(data.concepts.map((c) => c.id).sort());
    const byName = new Map(files.texts.map(([name, text]) => [name, text]));
    for (const concept of data.concepts) {
      const ref = files.data.occurrences[concept.id];
      const text = byName.get(path.basename(ref.file))!;
      expect(ref.file).toBe(`${OCCURRENCES_DIR}/${concept.id}.${ref.digest.slice(0, 16)}.json`);
      expect(digestOf(text)).toBe(ref.digest);
      const mine = occurrences.filter((o) => o.concept === concept.id);
      expect(JSON.parse(text)).toEqual({ occurrences: mine });
      expect(ref.count).toBe(mine.length);
    }
    expect(occurrences.length).toBeGreaterThan(100);
  });

  it('renames only the file of a concept whose mentions changed', () => {
    const [first] = data.occurrences;
    const changed = conceptFiles({ ...data, occurrences: data.occurrences.filter((o) => o !== first) });
    for (const [id, ref] of Object.entries(files.data.occurrences)) {
      if (id === first.concept) expect(changed.data.occurrences[id].file).not.toBe(ref.file);
      else expect(changed.data.occurrences[id]).toEqual(ref);
    }
  });

  it('are read back through their digest: a file of another build is an error naming it', () => {
    const index = path.join(dir, 'concepts.json');
    fs.mkdirSync(path.join(dir, OCCURRENCES_DIR), { recursive: true });
    for (const [name, text] of files.texts) fs.writeFileSync(path.join(dir, OCCURRENCES_DIR, name), text);
    const [id, ref] = Object.entries(files.data.occurrences).find(([, r]) => r.count > 0)!;
    const read = readTextBeside(index, ref, ConceptOccurrencesSchema, 'the concept stage');
    expect(read.occurrences.map((o) => o.concept)).toEqual(Array(ref.count).fill(id));
    fs.writeFileSync(path.join(dir, ref.file), JSON.stringify({ occurrences: [] }));
    let error: unknown;
    try {
      readTextBeside(index, ref, ConceptOccurrencesSchema, 'the concept stage');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GeneratedFileError);
    expect((error as Error).message).toContain(`${ref.file}: is not the text concepts.json names`);
  });
});
