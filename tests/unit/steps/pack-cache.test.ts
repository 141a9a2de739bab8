import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackCache } from '../../../scripts/steps/pack-cache.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a pack cache', () => {
  it("gives the next build this build's entries, read or made, and only those", () => {
    const dir = path.join(root, 'entries');
    const first = new PackCache('step', true, dir);
    first.set('a', 'A');
    first.set('b', new Uint8Array([1, 2, 3]));
    first.set('c', '链长制');
    first.prune();
    const second = new PackCache('step', true, dir);
    expect(second.get('a')?.toString()).toBe('A');
    expect(second.get('c')?.toString()).toBe('链长制');
    expect(second.get('x')).toBeUndefined();
    second.set('d', 'D');
    expect(second.summary()).toBe('2 of 3 from the cache');
    second.prune();
    expect(fs.readdirSync(dir)).toEqual(['step.pack']);
    const third = new PackCache('step', true, dir);
    expect(['a', 'b', 'c', 'd'].map((k) => third.get(k)?.toString() ?? null)).toEqual(['A', null, '链长制', 'D']);
  });

  it('reads nothing in a clean build, and keeps the previous pack until the step finishes', () => {
    const dir = path.join(root, 'clean');
    const first = new PackCache('step', true, dir);
    first.set('a', 'A');
    first.prune();
    expect(new PackCache('step', false, dir).get('a'), 'a clean build').toBeUndefined();
    const killed = new PackCache('step', true, dir);
    killed.set('b', 'B');
    // Never finished: the next build still has the previous pack, and the new one's partial file is gone.
    const next = new PackCache('step', true, dir);
    expect(fs.readdirSync(dir)).toEqual(['step.pack']);
    expect(next.get('a')?.toString()).toBe('A');
    expect(next.get('b')).toBeUndefined();
  });

  it('keeps an entry made anew after the one read was unusable', () => {
    const dir = path.join(root, 'remade');
    const first = new PackCache('step', true, dir);
    first.set('a', 'broken');
    first.prune();
    const second = new PackCache('step', true, dir);
    expect(second.get('a')?.toString()).toBe('broken');
    second.set('a', 'whole');
    second.prune();
    expect(new PackCache('step', true, dir).get('a')?.toString()).toBe('whole');
  });

  it('treats a cut or foreign pack as empty', () => {
    const dir = path.join(root, 'broken');
    const first = new PackCache('step', true, dir);
    first.set('a', 'A'.repeat(100));
    first.prune();
    const file = path.join(dir, 'step.pack');
    const whole = fs.readFileSync(file);
    for (const bytes of [whole.subarray(0, whole.length - 3), whole.subarray(0, 50), Buffer.from('not a pack at all')]) {
      fs.writeFileSync(file, bytes);
      expect(new PackCache('step', true, dir).get('a')).toBeUndefined();
    }
  });
});
