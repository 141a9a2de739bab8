/**
 * The document-order stage (scripts/ingest/extract.ts) on small documents, one
 * fixture folder per rule (tests/fixtures/extract/<case>/input.txt): what each
 * task's units, roles and the targets' years and periods become once the
 * clauses before them are read. expected.json holds a reader's summary of them;
 * regenerate with UPDATE_FIXTURES=1 only after reviewing a deliberate change.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/index.ts';
import { locatedTargets } from '../../../shared/document/located-targets.ts';
import type { Block, PolicyDocument } from '../../../scripts/ingest/model.ts';

const FIXTURES = 'tests/fixtures/extract';
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Every provision with units, as "label: name(role, note, scope)…", and every target as "label value unit year/from period". */
function summary(doc: PolicyDocument): { units: string[]; targets: string[] } {
  const units: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type !== 'provision') continue;
      if (b.units.length > 0) {
        const chip = (u: (typeof b.units)[number]) =>
          `${u.name}${u.role === 'responsible' ? '' : `[${u.role}]`}${u.note ? `（${u.note}）` : ''}${u.evidence.scope === 'document' ? `@L${u.evidence.line}` : ''}${u.roleEvidence ? `^L${u.roleEvidence.line}` : ''}`;
        units.push(`${b.label} ${b.units.map(chip).join('、')}`);
      }
      walk(b.children);
    }
  };
  walk(doc.body);
  const targets = locatedTargets(doc).map(
    ({ label, target: t }) =>
      `${label} ${t.indicator} ${t.comparator} ${t.value}${t.unit} ${t.year ?? '—'}${t.yearFrom ? `/${t.yearFrom}@L${t.yearEvidence?.line ?? t.evidence.line}` : ''} ${t.period ?? '—'}`,
  );
  return { units, targets };
}

describe('extractDocument fixtures', () => {
  const cases = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'input.txt')));
  it.each(cases)('%s', (name) => {
    const bytes = readFileSync(join(FIXTURES, name, 'input.txt'));
    const [doc] = ingest([{ file: 'input.txt', bytes }], { documents: [], places: [] }).documents;
    const actual = summary(doc);
    const file = join(FIXTURES, name, 'expected.json');
    if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
