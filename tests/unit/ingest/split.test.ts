import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentChunk, LogicalLine } from '../../../scripts/ingest/model.ts';
import { normalise } from '../../../scripts/ingest/normalise.ts';
import { readSeedFile } from '../../../scripts/ingest/read.ts';
import { splitDocuments } from '../../../scripts/ingest/split.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/split/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const SEED_FILES = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const FILE_004 = SEED_FILES.find((f) => f.startsWith('004_'))!;

/** What each fixture folder shows; every folder must be described here. */
const CASES: Record<string, string> = {
  'notice-then-bare-title': 'starts documents at a notice title and at a bare two-line title, not at the title under the notice',
  'inner-titles-not-boundaries': 'does not split at numbered headings ending in 机制 or at a table caption',
  'repeated-header': 'keeps a notice header printed twice in one document and reports the repeat',
  'truncated-last': 'marks the last document truncated when it stops on an item of a non-closing section',
  'no-structure': 'keeps a file without recognisable documents as one chunk',
  'unfinished-line-before-title': 'does not split at a title-like line after an unfinished sentence, and warns',
  'direct-issue-after-document': 'starts documents at bare titles followed by a 发文字号 or a 主送 line',
  'leading-fragment': 'keeps text before the first document as a chunk of its own and warns',
};

/** One logical line per non-blank physical line, trimmed (fixtures are one paragraph per line). */
function fixtureLines(text: string): LogicalLine[] {
  return text.split('\n').flatMap((t, i) => (t.trim() ? [{ text: t.trim(), lineStart: i + 1, lineEnd: i + 1 }] : []));
}

/** The seed through stages 1–2. */
function seedLines(file: string): LogicalLine[] {
  const { source } = readSeedFile(SEEDS + file);
  if (!source) throw new Error(`cannot read seed ${file}`);
  return normalise(source).lines;
}

/** The comparable outline of a chunk. */
function outline(c: DocumentChunk) {
  return {
    reason: c.reason,
    lineStart: c.lines[0].lineStart,
    lineEnd: c.lines[c.lines.length - 1].lineEnd,
    firstLine: c.lines[0].text,
    ...(c.truncated ? { truncated: true } : {}),
    ...(c.repeatedHeader ? { repeatedHeader: c.repeatedHeader } : {}),
  };
}

describe('splitDocuments on fixtures', () => {
  const names = readdirSync(FIXTURES).sort();

  it('has a description for every fixture folder', () => {
    expect(names).toEqual(Object.keys(CASES).sort());
  });

  for (const name of names) {
    it(CASES[name] ?? name, () => {
      const lines = fixtureLines(readFileSync(`${FIXTURES}${name}/input.txt`, 'utf8'));
      const expected = JSON.parse(readFileSync(`${FIXTURES}${name}/expected.json`, 'utf8'));
      const { chunks, diagnostics } = splitDocuments('input.txt', lines);
      expect({
        chunks: chunks.map(outline),
        diagnostics: diagnostics.map(({ severity, code, line }) => ({ severity, code, line })),
      }).toEqual(expected);
      expect(chunks.flatMap((c) => c.lines)).toEqual(lines);
      expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    });
  }
});

describe('splitDocuments on edge input', () => {
  it('returns no chunks and no diagnostics for a file without lines', () => {
    expect(splitDocuments('empty.txt', [])).toEqual({ chunks: [], diagnostics: [] });
  });

  it('keeps a single line as one file-start chunk', () => {
    const lines = fixtureLines('济南市市中区');
    expect(splitDocuments('one.txt', lines)).toEqual({
      chunks: [{ file: 'one.txt', index: 0, lines, reason: 'file-start' }],
      diagnostics: [],
    });
  });
});

describe('splitDocuments on the seeds', () => {
  it('keeps every logical line of every seed in exactly one chunk, in order', () => {
    for (const file of SEED_FILES) {
      const lines = seedLines(file);
      const { chunks } = splitDocuments(file, lines);
      expect(chunks.flatMap((c) => c.lines)).toEqual(lines);
      expect(chunks.every((c) => c.file === file && c.lines.length > 0)).toBe(true);
    }
  });

  it('finds one document in each of 000–003', () => {
    const counts = SEED_FILES.filter((f) => f !== FILE_004).map((f) => {
      const { chunks, diagnostics } = splitDocuments(f, seedLines(f));
      return { file: f.slice(0, 3), chunks: chunks.length, reason: chunks[0].reason, diagnostics };
    });
    expect(counts).toEqual(['000', '001', '002', '003'].map((file) => ({ file, chunks: 1, reason: 'file-start', diagnostics: [] })));
  });

  it('finds the 16 documents of 004 at their notice or bare titles', () => {
    const { chunks } = splitDocuments(FILE_004, seedLines(FILE_004));
    expect(chunks.map((c) => [c.reason, c.lines[0].lineStart, c.lines[0].text.slice(0, 20)])).toEqual([
      ['notice-title', 1, '北京市经济和信息化局关于印发《北京市关于'], // 北京 氢能
      ['notice-title', 42, '河北省人民政府办公厅关于印发河北省数字技'], // 河北 数字技术赋能制造业
      ['notice-title', 113, '沧州市人民政府办公室关于印发沧州市推动低'], // 沧州 低空经济
      ['bare-title', 152, '关于进一步加强招商引资的工作机制'], // 东丽 招商引资工作机制
      ['bare-title', 213, '关于加强文旅深度融合推动旅游业高质量发展'], // 天津 文旅深度融合
      ['bare-title', 265, '东丽区2024年招商引资提质攻坚行动方案'], // 东丽 2024 提质攻坚
      ['notice-title', 296, '济南市人民政府办公厅关于印发济南市促进物'], // 济南 物流
      ['bare-title', 391, '济南市市场监督管理局等九部门关于质量基础'], // 济南 质量基础设施
      ['notice-title', 420, '济南市市中区人民政府关于印发济南市市中区'], // 市中区 新型工业化
      ['notice-title', 465, '济南市人民政府办公厅关于印发济南市未来产'], // 济南 未来产业
      ['notice-title', 523, '青岛市人民政府办公厅关于印发《以科技创新'], // 青岛 海洋
      ['notice-title', 560, '青岛市人民政府办公厅关于印发《青岛市加快'], // 青岛 体育
      ['notice-title', 595, '青岛市人民政府办公厅关于印发青岛市新能源'], // 青岛 智能网联新能源汽车
      ['bare-title', 652, '山东省人民政府办公厅关于加快推动广电视听'], // 山东 广电视听 (实施意见)
      ['notice-title', 709, '关于印发《山东省精细化工产业高质量发展行'], // 山东 精细化工
      ['notice-title', 799, '山东省人民政府办公厅印发《关于推动传统产'], // 山东 传统产业优化升级
    ]);
  });

  it('keeps the repeated 精细化工 header in its document and reports it', () => {
    const { chunks, diagnostics } = splitDocuments(FILE_004, seedLines(FILE_004));
    const fine = chunks[14];
    expect(outline(fine)).toEqual({
      reason: 'notice-title',
      lineStart: 709,
      lineEnd: 798,
      firstLine: '关于印发《山东省精细化工产业高质量发展行动方案（2025—2027年）》的通知',
      repeatedHeader: { lineStart: 728, lineEnd: 746 },
    });
    expect(diagnostics.filter((d) => d.code === 'split/repeated-header')).toMatchObject([{ severity: 'info', file: FILE_004, line: 728 }]);
  });

  it('marks the last document of 004 truncated with a warning at its last line', () => {
    const { chunks, diagnostics } = splitDocuments(FILE_004, seedLines(FILE_004));
    expect(chunks.map((c) => c.truncated ?? false)).toEqual([...Array(15).fill(false), true]);
    const warning = diagnostics.find((d) => d.code === 'split/truncated');
    expect(warning).toMatchObject({ severity: 'warning', file: FILE_004, line: 826 });
    expect(warning?.message).toContain(`${FILE_004}:826`);
    expect(warning?.hint).toBeTruthy();
  });

  it('reports nothing else on 004', () => {
    const { diagnostics } = splitDocuments(FILE_004, seedLines(FILE_004));
    expect(diagnostics.map((d) => d.code)).toEqual(['split/repeated-header', 'split/truncated']);
  });

  it('splits 004 the same from one-line-per-physical-line input', () => {
    // Guards the rules against depending on how stage 2 joined lines.
    const raw = readFileSync(SEEDS + FILE_004, 'utf8').split(/\r?\n/);
    const { chunks } = splitDocuments(FILE_004, fixtureLines(raw.join('\n')));
    const normalised = splitDocuments(FILE_004, seedLines(FILE_004)).chunks;
    expect(chunks.map((c) => c.lines[0].lineStart)).toEqual(normalised.map((c) => c.lines[0].lineStart));
  });
});
