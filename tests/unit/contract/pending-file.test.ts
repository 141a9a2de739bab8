import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pendingFilesEnv, waitForPendingFile } from '../../../scripts/contract/pending-file.ts';
import { putWholeFile } from '../../../scripts/contract/whole-file.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'policy-atlas-pending-'));

describe('a generated file the build is still writing while Astro runs', () => {
  it('is waited for when the build names it pending, until its writer puts it in place', async () => {
    const file = path.join(tempDir(), 'compare.json');
    // The writer is another thread, as the compare stage's worker is; the reader blocks its own thread.
    const writer = new Worker(
      `const fs = require('node:fs'); setTimeout(() => { fs.writeFileSync(${JSON.stringify(`${file}.tmp`)}, '{"ok":true}'); fs.renameSync(${JSON.stringify(`${file}.tmp`)}, ${JSON.stringify(file)}); }, 150);`,
      { eval: true },
    );
    const start = Date.now();
    waitForPendingFile(file, pendingFilesEnv([file]));
    expect(Date.now() - start).toBeGreaterThanOrEqual(100);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ ok: true });
    await writer.terminate();
  });

  it('is not waited for when the build does not name it: the reader fails at once, as outside a build', () => {
    const file = path.join(tempDir(), 'relations.json');
    const start = Date.now();
    waitForPendingFile(file, pendingFilesEnv([path.join(path.dirname(file), 'compare.json')]));
    waitForPendingFile(file, {});
    expect(Date.now() - start).toBeLessThan(100);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('gives up with a message naming the file when it never comes', () => {
    const file = path.join(tempDir(), 'compare.json');
    expect(() => waitForPendingFile(file, pendingFilesEnv([file]), 60)).toThrow(`${file}: not written after 0 s; the build writes it while Astro runs`);
  });

  it('is written whole: under its name there is only ever the complete text', () => {
    const file = path.join(tempDir(), 'compare.json');
    putWholeFile(file, 'x'.repeat(1e6));
    expect(fs.readFileSync(file, 'utf8')).toHaveLength(1e6);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['compare.json']);
  });
});
