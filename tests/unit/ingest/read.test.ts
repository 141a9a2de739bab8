import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { listSeedFiles, MAX_SEED_BYTES, readSeed, readSeedFile } from '../../../scripts/ingest/read.ts';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const TEXT = '一、总体要求\n到2026年，规模以上工业营业收入突破350亿元。\n（责任单位：区工业和信息化局）';
const LINES = TEXT.split('\n');

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

describe('readSeed: encodings', () => {
  it('decodes UTF-8 without a BOM', () => {
    const bytes = utf8(TEXT);
    expect(readSeed('a.txt', bytes)).toEqual({
      source: { file: 'a.txt', encoding: 'utf-8', bom: false, lineEnding: 'lf', lines: LINES, byteLength: bytes.length },
      diagnostics: [],
    });
  });

  it('decodes UTF-8 with a BOM and drops the BOM from the first line', () => {
    const { source, diagnostics } = readSeed('a.txt', withBom([0xef, 0xbb, 0xbf], utf8(TEXT)));
    expect(source).toMatchObject({ encoding: 'utf-8', bom: true, lines: LINES });
    expect(diagnostics).toEqual([]);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const { source } = readSeed('a.txt', withBom([0xff, 0xfe], iconv.encode(TEXT, 'utf16le')));
    expect(source).toMatchObject({ encoding: 'utf-16le', bom: true, lineEnding: 'lf', lines: LINES });
  });

  it('decodes UTF-16BE with a BOM', () => {
    const { source } = readSeed('a.txt', withBom([0xfe, 0xff], iconv.encode(TEXT, 'utf16be')));
    expect(source).toMatchObject({ encoding: 'utf-16be', bom: true, lines: LINES });
  });

  it('detects GBK text (no BOM, not UTF-8) and decodes it as GB18030, with an info note', () => {
    const { source, diagnostics } = readSeed('gbk.txt', iconv.encode(TEXT, 'gbk'));
    expect(source).toMatchObject({ encoding: 'gb18030', bom: false, lines: LINES });
    expect(diagnostics).toMatchObject([{ severity: 'info', code: 'read/gb18030', file: 'gbk.txt', line: 0 }]);
  });

  it('decodes GB18030 four-byte sequences (characters outside GBK)', () => {
    const text = `${TEXT}\n𠮷€丶`;
    const bytes = iconv.encode(text, 'gb18030');
    expect(bytes.length).toBeGreaterThan(iconv.encode(TEXT, 'gb18030').length + 6); // 𠮷 takes four bytes
    expect(readSeed('gb.txt', bytes).source?.lines).toEqual(text.split('\n'));
  });

  it('reads UTF-8 with one bad byte as lossy UTF-8 and warns with the line of the first bad byte', () => {
    const good = utf8('第一行\n第二行\n');
    const bytes = new Uint8Array([...good, 0xff, ...utf8('第三行\n第四行')]);
    const { source, diagnostics } = readSeed('bad.txt', bytes);
    expect(source).toMatchObject({ encoding: 'utf-8', lines: ['第一行', '第二行', '\ufffd第三行', '第四行'] });
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'read/lossy-utf8', file: 'bad.txt', line: 3 }]);
    expect(diagnostics[0].message).toContain('line 3');
  });

  it('prefers GB18030 when most multi-byte sequences are not UTF-8', () => {
    // Long GBK text: a few pairs happen to look like UTF-8, most do not.
    const text = Array.from({ length: 50 }, () => TEXT).join('\n');
    expect(readSeed('gbk.txt', iconv.encode(text, 'gbk')).source?.encoding).toBe('gb18030');
  });
});

describe('readSeed: line endings', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['LF', 'a\nb\nc', ['a', 'b', 'c'], 'lf'],
    ['CRLF', 'a\r\nb\r\nc\r\n', ['a', 'b', 'c'], 'crlf'],
    ['CR', 'a\rb\rc', ['a', 'b', 'c'], 'cr'],
    ['mixed', 'a\r\nb\nc\rd', ['a', 'b', 'c', 'd'], 'mixed'],
    ['none', '只有一行', ['只有一行'], 'none'],
    ['blank lines kept', 'a\n\n\nb\n', ['a', '', '', 'b'], 'lf'],
  ];
  for (const [name, text, lines, lineEnding] of cases) {
    it(`splits ${name} line ends into physical lines`, () => {
      expect(readSeed('a.txt', utf8(text)).source).toMatchObject({ lines, lineEnding });
    });
  }

  it('counts lines as `wc -l` does, plus an unterminated last line', () => {
    expect(readSeed('a.txt', utf8('a\nb\n')).source?.lines).toEqual(['a', 'b']);
    expect(readSeed('a.txt', utf8('a\nb\n\n')).source?.lines).toEqual(['a', 'b', '']);
    expect(readSeed('a.txt', utf8('a\nb\n ')).source?.lines).toEqual(['a', 'b', ' ']);
  });
});

describe('readSeed: refusals', () => {
  it('refuses an empty file with a read/empty error on line 0', () => {
    expect(readSeed('empty.txt', new Uint8Array())).toEqual({
      source: null,
      diagnostics: [expect.objectContaining({ severity: 'error', code: 'read/empty', file: 'empty.txt', line: 0, hint: expect.any(String) })],
    });
  });

  it('refuses a whitespace-only file (spaces, line ends, ideographic spaces, a lone BOM)', () => {
    for (const bytes of [utf8(' \n\t\r\n\u3000 \n'), new Uint8Array([0xef, 0xbb, 0xbf]), withBom([0xff, 0xfe], iconv.encode('  \n', 'utf16le'))]) {
      const result = readSeed('blank.txt', bytes);
      expect(result.source).toBeNull();
      expect(result.diagnostics.map((d) => d.code)).toEqual(['read/empty']);
    }
  });

  it('refuses a file with NUL bytes as binary, with a hint about BOM-less UTF-16', () => {
    const result = readSeed('utf16-no-bom.txt', iconv.encode(TEXT, 'utf16le'));
    expect(result.source).toBeNull();
    expect(result.diagnostics).toMatchObject([{ severity: 'error', code: 'read/binary', line: 0, hint: expect.stringContaining('byte-order mark') }]);
  });

  it('refuses a file made mostly of control characters as binary', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41));
    expect(readSeed('ctrl.bin', bytes).diagnostics.map((d) => d.code)).toEqual(['read/binary']);
  });

  it('refuses random high bytes that are neither UTF-8 nor GB18030 as binary', () => {
    // 0x80 and 0xff can never lead a GB18030 or UTF-8 sequence.
    const bytes = new Uint8Array(300).map((_, i) => (i % 2 === 0 ? 0x80 : 0xff));
    const result = readSeed('noise.bin', bytes);
    expect(result.source).toBeNull();
    expect(result.diagnostics).toMatchObject([{ code: 'read/binary' }]);
  });

  it('reads mostly-ASCII text with a stray Latin-1 byte as lossy UTF-8, not as binary', () => {
    const bytes = new Uint8Array([...utf8('Policy Atlas seed, line one\nCaf'), 0xe9, ...utf8(' line two\n'.repeat(20))]);
    const result = readSeed('latin1.txt', bytes);
    expect(result.source?.lines[1]).toBe('Caf\ufffd line two');
    expect(result.diagnostics).toMatchObject([{ code: 'read/lossy-utf8', line: 2 }]);
  });

  it('refuses a file over MAX_SEED_BYTES without decoding it, naming its size', () => {
    const result = readSeed('dump.txt', new Uint8Array(MAX_SEED_BYTES + 1).fill(0x41));
    expect(result).toEqual({
      source: null,
      diagnostics: [
        expect.objectContaining({ severity: 'error', code: 'read/too-large', file: 'dump.txt', line: 0, message: expect.stringContaining('2.0 MB') }),
      ],
    });
  });

  it('keeps a stray control character in text (normalise removes and reports it)', () => {
    expect(readSeed('a.txt', utf8('第一行\u0007文字\n第二行')).source?.lines).toEqual(['第一行\u0007文字', '第二行']);
  });
});

describe('readSeed: performance', () => {
  // Speed is measured by `npm run bench`, never by timed tests.
  it('reads a file at the size limit', () => {
    const line = utf8('到 2026 年，工业增加值占 GDP 比重不断提升，规模以上工业营业收入突破 350 亿元。\r\n');
    const count = Math.floor(MAX_SEED_BYTES / line.length);
    const bytes = new Uint8Array(line.length * count);
    for (let i = 0; i < count; i++) bytes.set(line, i * line.length);
    const { source } = readSeed('big.txt', bytes);
    expect(source?.lines.length).toBe(count);
    expect(source?.lineEnding).toBe('crlf');
  });
});

describe('real seeds', () => {
  const paths = listSeedFiles(SEEDS);

  it('lists the five seed files in name order', () => {
    expect(paths.map((p) => basename(p))).toEqual([
      '000_78c7405c68261ac8.txt',
      '001_1ecdd285c2b66f00.txt',
      '002_74aaf27f5af4fb21.txt',
      '003_8f1ecaff88cdc91e.txt',
      '004_b2476bf9fdfd30cd.txt',
    ]);
  });

  it('decodes every seed as UTF-8 without BOM, LF line ends, no diagnostics', () => {
    for (const path of paths) {
      const { source, diagnostics } = readSeedFile(path);
      expect(diagnostics).toEqual([]);
      expect(source).toMatchObject({ file: basename(path), encoding: 'utf-8', bom: false, lineEnding: 'lf', byteLength: readFileSync(path).length });
    }
  });

  it('splits every seed into `wc -l` physical lines, plus an unterminated last line', () => {
    // `wc -l` counts LF bytes: 000 459, 001 43 (+ a last line " " with no LF), 002 1141, 003 102 (+ 1), 004 826.
    const counts = paths.map((path) => readSeedFile(path).source?.lines.length);
    expect(counts).toEqual([459, 44, 1141, 103, 826]);
    for (const path of paths) {
      const bytes = readFileSync(path);
      const lf = bytes.filter((b) => b === 0x0a).length;
      expect(readSeedFile(path).source?.lines.length).toBe(lf + (bytes.at(-1) === 0x0a ? 0 : 1));
    }
  });

  it('keeps the physical lines of 000 exactly, leading spaces included', () => {
    const lines = readSeedFile(paths[0]).source?.lines ?? [];
    expect(lines[0]).toBe(' 济 南 市 市 中 区 人 民 政 府');
    expect(lines[5]).toBe('现将《济南市市中区推进新型工业化加快产业转型升级行动');
    expect(lines[456]).toBe('济南市市中区人民政府办公室 2024 年 10 月 24 日印发');
  });

  it('reports an unreadable path as a read/unreadable error', () => {
    const result = readSeedFile(join(SEEDS, 'does-not-exist.txt'));
    expect(result).toMatchObject({ source: null, diagnostics: [{ severity: 'error', code: 'read/unreadable', file: 'does-not-exist.txt', line: 0 }] });
  });
});
