import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSyntheticPlaces, REGIONS, writeSyntheticSeeds } from '../../../scripts/bench/corpus.ts';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-syn-test-'));
  dirs.push(d);
  return d;
};

describe('synthetic bench corpus', () => {
  it('writes N files that ingest as N distinct documents in the new regions', () => {
    const written = writeSyntheticSeeds({ documents: 30, dir: temp() });
    expect(fs.readdirSync(written.dir)).toHaveLength(30);
    const curated = temp();
    fs.cpSync('content/curated', curated, { recursive: true });
    addSyntheticPlaces(curated);
    const corpus = ingestDirectory(written.dir, curated);
    expect(corpus.documents).toHaveLength(30);
    expect(new Set(corpus.documents.map((d) => d.meta.title.value)).size).toBe(30);
    const provinces = new Set(REGIONS.map((r) => r[0]));
    expect(corpus.documents.filter((d) => provinces.has(d.meta.region.value[0] ?? '')).length).toBeGreaterThan(20);
  });
  it('is deterministic', () => {
    const a = writeSyntheticSeeds({ documents: 5, dir: temp() });
    const b = writeSyntheticSeeds({ documents: 5, dir: temp() });
    for (const f of fs.readdirSync(a.dir)) expect(fs.readFileSync(path.join(b.dir, f), 'utf8')).toBe(fs.readFileSync(path.join(a.dir, f), 'utf8'));
  });
});
