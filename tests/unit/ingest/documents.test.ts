/**
 * Whole documents in shapes the development corpus lacks (tests/fixtures/documents/<case>/input.txt),
 * ingested as a user's folder of one file would be: documents found, metadata read and where from,
 * anchors, closing and attachments, and nothing lost. Set UPDATE_FIXTURES=1 to rewrite expected.json
 * on purpose (then review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, loadCurated } from '../../../scripts/ingest/index.ts';
import type { Block, PolicyDocument } from '../../../scripts/ingest/model.ts';
import { lostCharacters } from '../../support/faithful.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/documents');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const { places } = loadCurated('content/curated');

/** What each fixture shows; every folder must be described here. */
const CASES: Record<string, string> = {
  'traditional-with-pinyin': 'parses a Traditional-script 办法 with pinyin glosses as Simplified and shows it as printed',
  'forwarding-notice-with-own-items': 'makes a 转发 notice with its own 一、二、 items a document, and the forwarded plan another',
  'notice-issuing-two-attachments': 'makes a notice issuing two attachments two documents that share it',
  'front-matter-disagrees': 'reads an order under Markdown headings; the text wins over YAML front matter that disagrees, and says so',
  'pkulaw-export': 'reads a legal-database export: 【…】 fields set aside and read, the promulgation note under the title',
  'web-page-notice': 'sets aside a government web page’s chrome and reads the notice and the 办法 it issues',
};

/** Anchors and labels in document order. */
function outline(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'provision'
      ? [`${b.eid} ${b.label}${b.isTask ? ' task' : ''}`, ...outline(b.children)]
      : b.type === 'box'
        ? [b.eid, ...outline(b.children)]
        : [],
  );
}

/** The parts of a document a reader checks. */
function summary(doc: PolicyDocument) {
  const m = doc.meta;
  const value = <T>(f: { value: T; from?: { part: string } }) => (f.from ? `${String(f.value)} ← ${f.from.part}` : f.value);
  return {
    title: value(m.title),
    kind: value(m.kind),
    issuer: value(m.issuer),
    number: value(m.number),
    date: value(m.date),
    notice: doc.notice ? { title: doc.notice.title ?? null, issuers: doc.notice.issuers } : null,
    subtitle: doc.subtitle,
    preamble: doc.preamble.map((b) => (b.type === 'paragraph' ? b.text : b.type)),
    outline: outline(doc.body),
    closing: doc.closing ? { issuers: doc.closing.issuers, date: doc.closing.date ?? null, lines: doc.closing.paragraphs.map((p) => p.text) } : null,
    attachments: (doc.attachments ?? []).map((a) => ({ eid: a.eid, marker: a.marker, title: a.title, outline: outline(a.body) })),
    sources: doc.sources.map((s) => `${s.lineStart}-${s.lineEnd}`),
  };
}

describe('documents in shapes the corpus lacks', () => {
  const names = readdirSync(FIXTURES).sort();

  it('has a description for every fixture folder', () => {
    expect(names).toEqual(Object.keys(CASES).sort());
  });

  for (const name of names) {
    it(CASES[name] ?? name, () => {
      const dir = join(FIXTURES, name);
      const corpus = ingest([{ file: 'input.txt', bytes: readFileSync(join(dir, 'input.txt')) }], { documents: [], places });
      const shown = {
        documents: [...corpus.documents].sort((a, b) => a.sources[0].lineStart - b.sources[0].lineStart).map(summary),
        warnings: corpus.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} L${d.line}`),
      };
      const expectedPath = join(dir, 'expected.json');
      if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(shown, null, 2)}\n`);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(shown).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      expect(lostCharacters(corpus, 'input.txt')).toEqual([]);
    });
  }
});
