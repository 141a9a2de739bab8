/** Relations between documents, status and years in force, on small collections and on the seeds. */
import { describe, expect, it } from 'vitest';
import { analyseRelations } from '../../../scripts/relations/index.ts';
import { relationsOf } from '../../../scripts/relations/views.ts';
import { findCitations } from '../../../scripts/concepts/citations.ts';
import { computeCompare } from '../../../scripts/compare/run.ts';
import type { PolicyDocument } from '../../../scripts/ingest/model.ts';
import type { RelationsData } from '../../../scripts/relations/model.ts';
import { makeDoc } from '../concepts/make-doc.ts';
import { JINAN_001, SHIZHONG_2024, seeds } from '../compare/seeds.ts';

const kinds = (data: RelationsData, id: string) =>
  relationsOf(data.relations, id).map((v) => `${v.outgoing ? '→' : '←'}${v.relation.kind} ${v.other.id ?? `《${v.other.title}》`}`);

/** Every citation of a document of the collection is a relation listed on both documents. */
function expectCitationsAsRelations(documents: PolicyDocument[], data: RelationsData): number {
  let checked = 0;
  for (const [id, c] of Object.entries(findCitations(documents))) {
    for (const cited of c.cites) {
      const here = relationsOf(data.relations, id).filter((v) => v.other.id === cited.target && v.relation.basis !== 'alignment');
      const there = relationsOf(data.relations, cited.target!).filter((v) => v.other.id === id && v.relation.basis !== 'alignment');
      expect(here.length, `${id} cites ${cited.target}`).toBeGreaterThan(0);
      expect(there.length, `${cited.target} is cited by ${id}`).toBeGreaterThan(0);
      checked += 1;
    }
  }
  return checked;
}

describe('relations from citations', () => {
  const policy = makeDoc('policy', {
    title: '青岛市人工智能产业园发展若干政策',
    date: '2023-01-20',
    preamble: ['本政策自发布之日起实施，有效期3年。'],
  });
  const rules = makeDoc('rules', {
    title: '青岛市人工智能产业园发展若干政策实施细则',
    preamble: [
      '第一条 　 为加快青岛市人工智能产业园建设，根据《青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知》（青政办字〔2023〕13号），制定本实施细则。',
      '第二十八条　 本细则为《青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知》（青政办字〔2023〕13号）的配套文件，自2023年2月22日施行，有效期至2026年2月21日。',
    ],
  });
  const documents = [policy, rules];
  const data = analyseRelations(documents);

  it('resolves a citation of the issuing notice (关于印发甲的通知) to 甲, and reads 依据 and 配套 from their clauses', () => {
    expect(kinds(data, 'rules')).toEqual(['→配套 policy', '→依据 policy']);
    expect(kinds(data, 'policy')).toEqual(['←配套 rules', '←依据 rules']);
  });

  it('keeps the sentence as evidence, with the title and the relation words marked', () => {
    const supplement = data.relations.find((r) => r.kind === '配套')!;
    const [evidence] = supplement.evidence;
    expect(evidence.sentence.startsWith('第二十八条　 本细则为《青岛市人民政府办公厅')).toBe(true);
    expect(evidence.marks.map(([a, b]) => evidence.sentence.slice(a, b))).toEqual([
      '《青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知》',
      '配套文件',
    ]);
  });

  it('lists every citation of a collection document as a relation on both pages', () => {
    expect(expectCitationsAsRelations(documents, data)).toBe(1);
  });

  it('lists titles the collection lacks as relations to an external title', () => {
    const data = analyseRelations([makeDoc('a', { title: '某区行动计划', preamble: ['根据《国务院关于推动某产业发展的意见》，制定本行动计划。'] })]);
    expect(kinds(data, 'a')).toEqual(['→依据 《国务院关于推动某产业发展的意见》']);
  });
});

describe('status and years in force', () => {
  const old = makeDoc('old', { title: '某市数据管理办法', date: '2019-12-01', preamble: ['本办法自2020年1月1日起施行。'] });
  const repealing = makeDoc('new', {
    title: '某市公共数据管理办法',
    date: '2023-05-01',
    preamble: ['本办法自2023年7月1日起施行，《某市数据管理办法》同时废止。'],
  });
  const revised = makeDoc('revised', { title: '某市促进消费若干措施', date: '2022-03-01', preamble: ['本措施自印发之日起施行，有效期3年。'] });
  const revision = makeDoc('revision', {
    title: '某市促进消费若干措施（修订版）',
    date: '2024-02-01',
    preamble: ['本措施自印发之日起施行，有效期至2026年12月31日。'],
  });
  const draft = makeDoc('draft', { title: '某市行动计划（2024—2026年）', preamble: [] });
  draft.meta.status.value = '征求意见稿';
  draft.subtitle = ['（征求意见稿）'];
  const amended = makeDoc('amended', {
    title: '某省投诉处理办法',
    preamble: ['2022年3月24日 《某省关于修改部分规章的决定》修改', '本办法自2020年1月1日起施行。'],
  });
  const decision = makeDoc('decision', { title: '某省关于修改部分规章的决定', date: '2022-03-24' });
  const data = analyseRelations([old, repealing, revised, revision, draft, amended, decision]);

  it('marks a document repealed by another of the collection 已废止, with the repealing sentence, and ends it the day before', () => {
    expect(data.standing.old).toMatchObject({ status: '已废止', endedBy: { document: 'new', date: '2023-07-01' } });
    expect(data.standing.old.statusEvidence.map((e) => e.sentence)).toEqual(['本办法自2023年7月1日起施行，《某市数据管理办法》同时废止。']);
    expect(data.standing.old.inForce).toEqual([2020, 2021, 2022, 2023]);
    expect(data.standing.new.status).toBe('正式');
  });

  it('reads 《甲（修订版）》 as revising 《甲》: the revision is 修订, the revised document ends when it starts', () => {
    expect(kinds(data, 'revision')).toEqual(['→修订 revised']);
    expect(data.standing.revision.status).toBe('修订');
    expect(data.standing.revised).toMatchObject({ status: '已废止', inForce: [2022, 2023, 2024] });
  });

  it('keeps a document amended by a decision it cites in force, the decision revising it', () => {
    expect(kinds(data, 'amended')).toEqual(['←修订 decision']);
    expect(data.standing.amended.status).toBe('正式');
  });

  it('counts a draft in force in no year, and offers the years any document is in force in', () => {
    expect(data.standing.draft).toMatchObject({ status: '征求意见稿', inForce: [] });
    expect(data.standing.draft.statusEvidence[0].sentence).toBe('（征求意见稿）');
    expect(data.years[0]).toBe(2020);
    expect(data.years.at(-1)).toBe(2026);
  });

  it('runs an open-ended document to the latest year the collection names, not to the build date', () => {
    expect(data.standing.amended.inForce.at(-1)).toBe(2026);
  });
});

describe('relations on the seeds', () => {
  const { documents } = seeds();
  const compare = computeCompare(documents, undefined, { client: false });
  const data = analyseRelations(documents, compare.hierarchy);

  it('shows the 市中区 2024 plan carrying out the 济南 plan of the same theme, with the alignment and the sentence that names it', () => {
    const carry = data.relations.find((r) => r.kind === '落实' && r.from.id === SHIZHONG_2024 && r.to.id === JINAN_001)!;
    expect(carry.basis).toBe('alignment');
    expect(carry.alignment!.score).toBeGreaterThanOrEqual(0.15);
    expect(carry.alignment!.matched).toBeGreaterThanOrEqual(10);
    const [evidence] = carry.evidence;
    expect(evidence.sentence).toContain('按照全省加力提速工业经济高质量发展和全市加快建设工业强市的工作要求');
    expect(evidence.marks.map(([a, b]) => evidence.sentence.slice(a, b))).toEqual(['全市', '加快建设工业强市']);
  });

  it('finds no other 落实 from the alignment (the other district–city and city–province candidates align at 0.04 or less)', () => {
    expect(data.relations.filter((r) => r.basis === 'alignment').map((r) => `${r.from.id} ${r.to.id}`)).toEqual([`${SHIZHONG_2024} ${JINAN_001}`]);
  });

  it('lists every citation of a collection document as a relation on both pages', () => {
    expectCitationsAsRelations(documents, data);
  });

  it('reads status and years in force of every seed document', () => {
    expect(data.standing['jinan-gongye-qiangshi-draft']).toMatchObject({ status: '征求意见稿', inForce: [] });
    expect(data.standing['jinan-shizhong-2023-xinjiu-dongneng']).toMatchObject({ status: '送审稿', inForce: [] });
    expect(data.standing['beijing-2024-qingneng']).toMatchObject({ status: '修订', inForce: [2024, 2025] });
    expect(data.standing[SHIZHONG_2024]).toMatchObject({ status: '正式', inForce: [2024, 2025, 2026] });
    expect(Object.values(data.standing).every((s) => ['征求意见稿', '送审稿', '正式', '修订', '已废止'].includes(s.status))).toBe(true);
  });
});
