import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Provision } from '../../../scripts/ingest/model.ts';
import {
  documentJson,
  documentsJson,
  documentSummary,
  documentTableParts,
  openDataTables,
  targetsCsv,
  taskTargetTexts,
  taskUnitNames,
  tasksCsv,
  unitsCsv,
} from '../../../scripts/open-data/open-data.ts';
import { ingestDirectory } from '../../../scripts/ingest/index.ts';
import { analyseRelations } from '../../../scripts/relations/index.ts';
import { standingJson } from '../../../scripts/site/relations-json.ts';
import { siteConfig } from '../../../scripts/urls/config.ts';
import { paths } from '../../../scripts/urls/paths.ts';
import { makeDoc } from '../concepts/make-doc.ts';

const absolute = (path: string) => siteConfig().origin + path;

/** A document with two tasks; the first has units and a target whose wording needs CSV quoting. */
function planDoc(): PolicyDocument {
  const doc = makeDoc('d1', {
    title: '行动计划',
    date: '2024-03-01',
    tasks: [
      { eid: 'item_1', title: '培育企业,壮大集群', text: ['培育"专精特新"企业。'] },
      { eid: 'item_2', title: '建设基站', text: ['新建5G基站。'] },
    ],
  });
  const first = doc.body[0] as Provision;
  const clause = { text: '（区工信局牵头，区财政局配合）', line: 4, scope: 'task' } as const;
  first.units = [
    { name: '区工信局', role: 'lead', evidence: clause },
    { name: '区财政局', role: 'support', evidence: clause },
  ];
  first.targets = [
    {
      text: '培育"专精特新"企业10家',
      indicator: '专精特新企业',
      value: 10,
      valueText: '10',
      unit: '家',
      quantity: '10家',
      comparator: 'gte',
      year: 2025,
      yearFrom: 'inherited',
      yearEvidence: { text: '到2025年，', line: 2 },
      period: 'by-year',
      evidence: { text: '培育"专精特新"企业10家', line: 4 },
    },
  ];
  return doc;
}

describe('documentsJson', () => {
  it('lists each document with its metadata and its tasks, with absolute URLs', () => {
    const doc = planDoc();
    expect(JSON.parse(documentsJson([doc]))).toEqual([
      {
        id: 'd1',
        title: '行动计划',
        url: absolute(paths.doc('d1')),
        issuer: null,
        number: null,
        date: '2024-03-01',
        status: '正式',
        statusEvidence: [],
        kind: '行动计划',
        level: null,
        region: [],
        period: null,
        validity: null,
        inForce: [],
        sources: doc.sources,
        relations: [],
        tasks: [
          {
            eid: 'item_1',
            label: '1.',
            heading: '培育企业,壮大集群',
            url: absolute(paths.task('d1', 'item_1')),
            units: [
              { name: '区工信局', role: 'lead', note: null, scope: 'task', evidence: { text: '（区工信局牵头，区财政局配合）', line: 4 }, roleEvidence: null },
              {
                name: '区财政局',
                role: 'support',
                note: null,
                scope: 'task',
                evidence: { text: '（区工信局牵头，区财政局配合）', line: 4 },
                roleEvidence: null,
              },
            ],
          },
          { eid: 'item_2', label: '2.', heading: '建设基站', units: [], url: absolute(paths.task('d1', 'item_2')) },
        ],
        targets: [
          {
            eid: 'item_1',
            label: '1.',
            url: absolute(paths.task('d1', 'item_1')),
            indicator: '专精特新企业',
            value: 10,
            upper: null,
            valueText: '10',
            unit: '家',
            comparator: 'gte',
            year: 2025,
            yearFrom: 'inherited',
            yearEvidence: { text: '到2025年，', line: 2 },
            period: 'by-year',
            text: '培育"专精特新"企业10家',
            evidence: { text: '培育"专精特新"企业10家', line: 4 },
          },
        ],
      },
    ]);
  });

  it('indents by one space, as the published file always has', () => {
    expect(documentsJson([planDoc()])).toMatch(/^\[\n {\n {2}"id": "d1",\n/);
  });
});

describe('documentJson', () => {
  it('publishes the full document model with each copy reduced to its source reference', () => {
    const doc = planDoc();
    const copySource = { file: 'd1-copy.txt', lineStart: 3, lineEnd: 40 };
    doc.copies = [
      {
        source: copySource,
        parsed: { file: 'd1-copy.txt', chunkIndex: 0, span: { lineStart: 3, lineEnd: 40 }, subtitle: [], preamble: [], body: doc.body, diagnostics: [] },
      },
    ];
    const published = JSON.parse(documentJson(doc)) as Record<string, unknown>;
    const { copies: _copies, ...rest } = doc;
    expect(published).toEqual({ ...JSON.parse(JSON.stringify(rest)), copies: [copySource] });
  });

  it('keeps the model’s field order with copies last, unindented', () => {
    const text = documentJson(planDoc());
    expect(text).toMatch(/^\{"id":"d1","meta":/);
    expect(text.endsWith(',"copies":[]}')).toBe(true);
  });
});

describe('tasksCsv', () => {
  const lines = tasksCsv([planDoc()]).split('\r\n');

  it('starts with a byte order mark and the header, and ends every row with CRLF', () => {
    expect(lines[0]).toBe('\uFEFFdocument,title,eid,label,heading,units,targets,url');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('joins units with 、, quotes fields with commas or quotes, and links each task', () => {
    expect(lines[1]).toBe(`d1,行动计划,item_1,1.,"培育企业,壮大集群",区工信局、区财政局,"培育""专精特新""企业10家",${absolute(paths.task('d1', 'item_1'))}`);
    expect(lines[2]).toBe(`d1,行动计划,item_2,2.,建设基站,,,${absolute(paths.task('d1', 'item_2'))}`);
  });
});

describe('unitsCsv and targetsCsv', () => {
  it('give one row per unit with its role, scope and evidence', () => {
    const lines = unitsCsv([planDoc()]).split('\r\n');
    expect(lines[0]).toBe('\uFEFFdocument,eid,label,unit,role,note,scope,evidence,line,role_evidence,url');
    expect(lines[1]).toBe(`d1,item_1,1.,区工信局,lead,,task,（区工信局牵头，区财政局配合）,4,,${absolute(paths.task('d1', 'item_1'))}`);
    expect(lines).toHaveLength(4);
  });

  it('give one row per target with the number read, as printed, year, period and sentence', () => {
    const lines = targetsCsv([planDoc()]).split('\r\n');
    expect(lines[0]).toBe('\uFEFFdocument,eid,label,indicator,value,upper,value_text,unit,comparator,year,year_from,period,text,evidence,line,url');
    expect(lines[1]).toBe(
      `d1,item_1,1.,专精特新企业,10,,10,家,gte,2025,inherited,by-year,"培育""专精特新""企业10家","培育""专精特新""企业10家",4,${absolute(paths.task('d1', 'item_1'))}`,
    );
  });
});

describe('form-like tasks in the open data', () => {
  it('give the units and targets named in their fields', () => {
    const field = (title: string, units: string[], targets: string[]) =>
      ({ type: 'provision', title, units: units.map((name) => ({ name })), targets: targets.map((text) => ({ text })), children: [] }) as never;
    const task = {
      type: 'provision',
      title: '招商考核评价机制',
      units: [],
      targets: [],
      children: [field('工作目标', [], ['增长10%']), field('相关单位', ['投资促进局', '商务局'], []), field('主要职责', ['商务局'], [])],
    } as never;
    expect(taskUnitNames(task)).toEqual(['投资促进局', '商务局']);
    expect(taskTargetTexts(task)).toEqual(['增长10%']);
  });
});

describe('relations, status and period in documents.json', () => {
  const policy = makeDoc('policy', { title: '某市促进消费若干措施', date: '2024-02-01', preamble: ['本措施自印发之日起施行，有效期至2026年12月31日。'] });
  const rules = makeDoc('rules', { title: '某市促进消费若干措施实施细则', preamble: ['根据《某市促进消费若干措施》，制定本细则。'] });
  const [p, r] = JSON.parse(documentsJson([policy, rules]));

  it('gives the period in the document’s words, its dates, the sentence and the years in force', () => {
    expect(p).toMatchObject({ status: '正式', period: '自印发之日起施行，有效期至2026年12月31日', inForce: [2024, 2025, 2026] });
    expect(p.validity).toEqual({
      from: '2024-02-01',
      to: '2026-12-31',
      evidence: [
        {
          text: '本措施自印发之日起施行，有效期至2026年12月31日。',
          document: 'policy',
          url: absolute(`${paths.doc('policy')}#para-1`),
          line: 1,
          marks: [
            [3, 11],
            [12, 27],
          ],
        },
      ],
    });
  });

  it('lists a relation on both documents, each seen from its side, with the citing sentence', () => {
    expect(r.relations).toEqual([
      {
        kind: '依据',
        direction: 'outgoing',
        label: '依据',
        document: 'policy',
        title: '某市促进消费若干措施',
        url: absolute(paths.doc('policy')),
        basis: 'citation',
        evidence: [
          { text: '根据《某市促进消费若干措施》，制定本细则。', document: 'rules', url: absolute(`${paths.doc('rules')}#para-1`), line: 1, marks: [[0, 14]] },
        ],
      },
    ]);
    expect(p.relations.map((x: { label: string; document: string }) => [x.label, x.document])).toEqual([['被依据', 'rules']]);
  });
});

describe('documentTableParts and openDataTables', () => {
  it('join into exactly the files made from the whole collection at once (the seeds)', () => {
    const { documents } = ingestDirectory('seeds', 'content/curated');
    const relations = analyseRelations(documents);
    const standing = standingJson(relations);
    const tables = openDataTables(documents.map((doc) => documentTableParts(doc, standing(doc.id))));
    expect(tables.documents).toBe(
      JSON.stringify(
        documents.map((doc) => documentSummary(doc, standing(doc.id))),
        null,
        1,
      ),
    );
    expect(tables.tasks).toBe(tasksCsv(documents));
    expect(tables.units).toBe(unitsCsv(documents));
    expect(tables.targets).toBe(targetsCsv(documents));
    // A document without tasks or targets adds no empty line; no documents at all is an empty list and the headers.
    const bare = makeDoc('bare', {});
    const withBare = openDataTables([documentTableParts(bare, standing('bare')), ...documents.map((doc) => documentTableParts(doc, standing(doc.id)))]);
    expect(withBare.tasks).toBe(tasksCsv([bare, ...documents]));
    expect(openDataTables([])).toEqual({ documents: '[]', tasks: tasksCsv([]), units: unitsCsv([]), targets: targetsCsv([]) });
  });
});
