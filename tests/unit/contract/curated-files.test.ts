/**
 * Every hand-edited JSON file is checked against its schema, and a broken copy of each fails with
 * the file, the line, the JSON path and a hint. One folder per case under tests/fixtures/curated/:
 * the broken file (named as the file it copies) and expected.txt, the whole message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCuratedData, loadCuratedFiles } from '../../../scripts/contract/curated-files.ts';
import { HandTargetsFileSchema, HandUnitsFileSchema } from '../../../scripts/contract/hand-checked.ts';
import { CuratedFileError, loadJsonFile } from '../../../scripts/contract/json-file.ts';
import { loadGlossary } from '../../../scripts/concepts/glossary.ts';
import { readHandChecked } from '../../../scripts/bench/extraction.ts';

const CURATED = 'content/curated';
const CASES = 'tests/fixtures/curated';

/** Loads a file the way the build (or the hand-checked scoring) does, by its name. */
const LOADERS: Record<string, (file: string) => unknown> = {
  'documents.json': (file) => loadCuratedFiles(file, path.join(CURATED, 'places.json')),
  'places.json': (file) => loadCuratedFiles(path.join(CURATED, 'documents.json'), file),
  'concepts.json': (file) => loadGlossary(file),
  'units.json': (file) => loadJsonFile(file, HandUnitsFileSchema, 'the hand-checked units'),
  'targets.json': (file) => loadJsonFile(file, HandTargetsFileSchema, 'the hand-checked targets'),
};

describe('the hand-edited JSON files', () => {
  it('pass their schemas: documents.json, places.json, concepts.json and the hand-checked set', () => {
    const curated = loadCuratedData(CURATED);
    expect(curated.documents.length).toBeGreaterThan(10);
    expect(curated.places.length).toBeGreaterThan(5);
    expect(curated.documentsSource?.lines.slice(0, 2)).toEqual([2, 6]);
    expect(loadGlossary(path.join(CURATED, 'concepts.json')).concepts.length).toBeGreaterThanOrEqual(40);
    const hand = readHandChecked();
    expect([hand.tasks.length, hand.targets.length]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(hand.tasks.length).toBeGreaterThan(100);
  });
});

describe('a broken copy of a hand-edited file fails with file, line, JSON path and hint', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    const dir = path.join(CASES, name);
    const file = fs.readdirSync(dir).find((f) => f in LOADERS);
    it(name, () => {
      if (!file) throw new Error(`${dir} holds none of ${Object.keys(LOADERS).join(', ')}`);
      const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8').trimEnd();
      let error: unknown;
      try {
        LOADERS[file](path.join(dir, file));
      } catch (e) {
        error = e;
      }
      expect(error, 'the broken file was accepted').toBeInstanceOf(CuratedFileError);
      expect((error as Error).message).toBe(expected);
    });
  }
});
