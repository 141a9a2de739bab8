import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdsBytes, putWholeFile } from '../../../scripts/contract/whole-file.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'whole-file-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('putWholeFile', () => {
  it('writes a new file and replaces one with other bytes, leaving no partial file', () => {
    const file = path.join(root, 'entry');
    expect(putWholeFile(file, '第一版')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('第一版');
    expect(putWholeFile(file, Buffer.from('第二版'))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('第二版');
    // Same length, other bytes: the size alone must not decide.
    expect(putWholeFile(file, '第三版')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('第三版');
    expect(fs.readdirSync(root)).toEqual(['entry']);
  });

  it('leaves a file that already holds the same bytes as it is (the same inode)', () => {
    const file = path.join(root, 'kept');
    putWholeFile(file, 'same bytes');
    const before = fs.statSync(file);
    expect(putWholeFile(file, Buffer.from('same bytes'), 'worker-2')).toBe(false);
    expect(fs.statSync(file).ino).toBe(before.ino);
    expect(holdsBytes(file, Buffer.from('same bytes'))).toBe(true);
    expect(holdsBytes(path.join(root, 'missing'), Buffer.from(''))).toBe(false);
  });
});
