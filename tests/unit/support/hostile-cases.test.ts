import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../scripts/ingest/read.ts';
import { fixtureText, HOSTILE_CASES, HUGE_BYTES, LONG_LINE_BYTES, seedName, utf8WithRawBytes } from '../../fixtures/hostile/cases.ts';

const seedsOf = (name: string) => HOSTILE_CASES.find((c) => c.name === name)!.seeds();
const only = (name: string) => Object.values(seedsOf(name))[0];

describe('hostile fixtures', () => {
  it('expand ⟦U+XXXX⟧ to the code point and ⟦0xFF⟧ to one raw byte', () => {
    expect(fixtureText('control-chars')).toContain('开展\u0007安全');
    expect(fixtureText('private-use')).toContain('\ue000');
    expect([...utf8WithRawBytes('a⟦0xFF⟧b')]).toEqual([0x61, 0xff, 0x62]);
  });

  it('every case writes hostile-*.txt files, no two cases the same name', () => {
    const names = HOSTILE_CASES.flatMap((c) => Object.keys(c.seeds()));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^hostile-[a-z0-9-]+\.txt$/);
    expect(Object.keys(seedsOf('gb18030'))).toEqual([seedName('gb18030')]);
  });

  it('the encoded seeds decode back to the fixture text', () => {
    for (const [name, encoding] of [
      ['gb18030', 'gb18030'],
      ['utf16le-bom', 'utf-16le'],
      ['utf16be-bom', 'utf-16be'],
      ['utf8-bom', 'utf-8'],
    ] as const) {
      const { source } = readSeed('x.txt', only(name));
      expect(source?.encoding, name).toBe(encoding);
      expect(source?.lines.join('\n'), name).toBe(fixtureText(name).replace(/\n$/, ''));
    }
    expect(readSeed('x.txt', only('cr')).source?.lineEnding).toBe('cr');
    expect(readSeed('x.txt', only('crlf')).source?.lineEnding).toBe('crlf');
    expect(readSeed('x.txt', only('mixed-line-endings')).source?.lineEnding).toBe('mixed');
  });

  it('generates the binary, 20 MB and 200 KB-line seeds at test time', () => {
    expect(only('binary').includes(0)).toBe(true);
    expect(only('huge').length).toBeGreaterThanOrEqual(HUGE_BYTES);
    const longest = Math.max(
      ...new TextDecoder()
        .decode(only('long-line'))
        .split('\n')
        .map((l) => Buffer.byteLength(l)),
    );
    expect(longest).toBeGreaterThanOrEqual(LONG_LINE_BYTES);
  });
});
