/** compare.json and the 相似任务 lists beside it (scripts/compare/compare-files.ts): every list in its document's file, files named by content. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFiles, SIMILAR_DIR } from '../../../scripts/compare/compare-files.ts';
import { computeCompare } from '../../../scripts/compare/run.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { conceptStage } from '../../../scripts/site/concept-stage.ts';
import { digestOf } from '../../../scripts/contract/digest.ts';
import { CompareFileSchema, SimilarListsSchema } from '../../../scripts/contract/compare-data.ts';
import { GeneratedFileError, readTextBeside } from '../../../scripts/contract/generated-file.ts';
import { seeds, SHIZHONG_2024 } from './seeds.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compareFiles', () => {
  const { data: concepts } = conceptStage(seeds().documents, loadGlossary('content/curated/concepts.json'));
  const { client: _client, hierarchy: _hierarchy, ...result } = computeCompare(seeds().documents, concepts);
  const data = { generatedBy: 'test', ...result };
  const files = compareFiles(data);

  it('puts each document’s lists in its own file, named by its digest, with the documents they name', () => {
    expect(CompareFileSchema.safeParse(files.data).success).toBe(true);
    const { similar: _refs, concepts: kept, ...rest } = files.data;
    const { similar, concepts, ...expected } = data;
    expect(rest).toEqual(expected);
    // The concept data of the documents in a recommended pair, which the pair pages show.
    const paired = data.pairs.flatMap((p) => [p.a, p.b]).filter((id) => concepts?.[id]);
    expect(Object.keys(kept ?? {}).sort()).toEqual([...new Set(paired)].sort());
    for (const id of paired) expect(kept?.[id]).toEqual(concepts?.[id]);
    const [first] = data.pairs.filter((p) => concepts?.[p.a] && concepts?.[p.b]);
    expect(Object.keys(compareFiles({ ...data, pairs: [first] }).data.concepts ?? {}).sort()).toEqual([first.a, first.b].sort());
    expect(Object.keys(files.data.similar)).toEqual(Object.keys(similar));
    const byName = new Map(files.texts.map(([name, text]) => [name, text]));
    for (const [id, ref] of Object.entries(files.data.similar)) {
      const text = byName.get(path.basename(ref.file))!;
      expect(ref.file).toBe(`${SIMILAR_DIR}/${id}.${ref.digest.slice(0, 16)}.json`);
      expect(digestOf(text)).toBe(ref.digest);
      expect(JSON.parse(text)).toEqual({ similar: similar[id] });
      const named = new Set(Object.values(similar[id]).flatMap((list) => list.map((s) => s.doc)));
      expect(ref.others).toEqual([...named].sort());
      expect(ref.others).not.toContain(id);
    }
    expect(files.data.similar[SHIZHONG_2024].others.length).toBeGreaterThan(0);
  });

  it('renames only the file of a document whose lists changed', () => {
    const lists = data.similar[SHIZHONG_2024];
    const [eid] = Object.keys(lists);
    const changed = compareFiles({ ...data, similar: { ...data.similar, [SHIZHONG_2024]: { ...lists, [eid]: lists[eid].slice(1) } } });
    for (const [id, ref] of Object.entries(files.data.similar)) {
      if (id === SHIZHONG_2024) expect(changed.data.similar[id].file).not.toBe(ref.file);
      else expect(changed.data.similar[id]).toEqual(ref);
    }
  });

  it('are read back through their digest: a file of another build is an error naming it', () => {
    const index = path.join(dir, 'compare.json');
    fs.mkdirSync(path.join(dir, SIMILAR_DIR), { recursive: true });
    for (const [name, text] of files.texts) fs.writeFileSync(path.join(dir, SIMILAR_DIR, name), text);
    const ref = files.data.similar[SHIZHONG_2024];
    expect(readTextBeside(index, ref, SimilarListsSchema, 'the compare stage').similar).toEqual(data.similar[SHIZHONG_2024]);
    fs.writeFileSync(path.join(dir, ref.file), JSON.stringify({ similar: {} }));
    expect(() => readTextBeside(index, ref, SimilarListsSchema, 'the compare stage')).toThrow(GeneratedFileError);
    expect(() => readTextBeside(index, ref, SimilarListsSchema, 'the compare stage')).toThrow(`${ref.file}: is not the text compare.json names`);
  });
});
