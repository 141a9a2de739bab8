import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticSeeds } from '../../../scripts/bench/corpus.ts';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';

describe('writeSyntheticSeeds', () => {
  it('writes files that each ingest as one document of their own (titles printed over two lines too)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-synthetic-'));
    try {
      // 60 files cycle through every usable seed document several times.
      const written = writeSyntheticSeeds({ documents: 60, dir });
      expect(written.files).toBe(60);
      const corpus = ingestDirectory(dir, 'content/curated');
      expect(corpus.documents).toHaveLength(60);
      expect(corpus.diagnostics.filter((d) => d.code === 'merge/copy' || d.code === 'meta/no-title')).toEqual([]);
      expect(new Set(corpus.documents.map((d) => d.meta.title.value)).size).toBe(60);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes the same files for the same count', () => {
    const [a, b] = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-synthetic-')));
    try {
      writeSyntheticSeeds({ documents: 12, dir: a });
      writeSyntheticSeeds({ documents: 12, dir: b });
      for (const name of fs.readdirSync(a)) expect(fs.readFileSync(path.join(b, name)).equals(fs.readFileSync(path.join(a, name))), name).toBe(true);
    } finally {
      for (const dir of [a, b]) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
