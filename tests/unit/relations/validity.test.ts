/**
 * When a document is in force, read from its title and its own sentences: on the development corpus
 * (tests/corpus/, each file ingested alone), on the seeds, and on made-up sentences that must not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, ingestDirectory, loadCurated } from '../../../scripts/ingest/index.ts';
import { readValidity } from '../../../scripts/relations/validity.ts';
import type { Validity } from '../../../scripts/relations/model.ts';
import { makeDoc } from '../concepts/make-doc.ts';

const CORPUS = 'tests/corpus';
const { places } = loadCurated('content/curated');

/** The validity read from a corpus file: of the first of its documents that states one. */
function corpusValidity(prefix: string): Validity | null {
  const file = fs.readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const { documents } = ingest([{ file, bytes: fs.readFileSync(path.join(CORPUS, file)) }], { documents: [], places });
  return documents.map(readValidity).find((v) => v !== null) ?? null;
}

describe('validity on the development corpus', () => {
  it.each([
    ['09', '自发布之日起施行，有效期五年'],
    ['17', '自印发之日起实施，有效期2年'],
    ['19', '自印发之日起施行，有效期至2025年12月31日'],
    ['21', '自发布之日起实施，有效期3年'],
  ])('reads the closing sentence of %s (自…之日起, with its term)', (file, text) => {
    expect(corpusValidity(file)?.text).toBe(text);
  });

  it('reads 有效期至2025年12月31日 as the end even when the document date is not printed (19)', () => {
    expect(corpusValidity('19')).toMatchObject({ to: '2025-12-31' });
    expect(corpusValidity('19')?.evidence[0].sentence).toBe('本政策措施自印发之日起施行，有效期至2025年12月31日。');
  });

  it.each([
    ['23', '2019-08-20'],
    ['24', '2020-06-15'],
    ['25', '2021-11-25'],
    ['26', '2020-01-01'],
    ['27', '2022-04-01'],
    ['28', '2020-07-01'],
  ])('reads 本办法自…起施行 of the 办法 %s as an open-ended start on %s', (file, from) => {
    expect(corpusValidity(file)).toMatchObject({ from, to: null });
  });

  it('reads 于…起施行 (18) and 自…施行，有效期至… without 起 (32)', () => {
    expect(corpusValidity('18')).toMatchObject({ from: '2022-04-15', to: null, text: '于2022年4月15日起施行' });
    expect(corpusValidity('32')).toMatchObject({ from: '2023-02-22', to: '2026-02-21' });
  });

  it('reads a period in the title: （2021-2025年）, （2021—2023） without 年, and “十四五”', () => {
    expect(corpusValidity('01')).toMatchObject({ from: '2021-01-01', to: '2025-12-31', text: '2021—2025年' });
    expect(corpusValidity('13')).toMatchObject({ from: '2021-01-01', to: '2023-12-31' });
    expect(corpusValidity('08')).toMatchObject({ from: '2021-01-01', to: '2025-12-31', text: '2021—2025年' });
  });

  it('finds no period where the text states none', () => {
    for (const file of ['02', '04', '29', '33']) expect(corpusValidity(file), file).toBeNull();
  });
});

describe('validity on the seeds', () => {
  const { documents } = ingestDirectory('seeds', 'content/curated');
  const of = (id: string) => readValidity(documents.find((d) => d.id === id)!);

  it('starts 自发布之日起 on the document date and ends 有效期至2025年8月 on the month’s last day (北京 修订版)', () => {
    expect(of('beijing-2024-qingneng')).toMatchObject({ from: '2024-12-17', to: '2025-08-31', text: '自发布之日起实施，有效期至2025年8月' });
  });

  it('counts 有效期3年 from 2025年1月1日 to 2027-12-31 (青岛 体育)', () => {
    expect(of('qingdao-tiyu-chanye')).toMatchObject({ from: '2025-01-01', to: '2027-12-31' });
  });

  it('reads the period of a title that comes from the notice (市中区 2024, 2024—2026年)', () => {
    const v = of('jinan-shizhong-2024-xinxing-gongyehua')!;
    expect(v).toMatchObject({ from: '2024-01-01', to: '2026-12-31', text: '2024—2026年' });
    expect(v.evidence[0]).toMatchObject({ anchor: null, marks: [[v.evidence[0].sentence.indexOf('（2024'), v.evidence[0].sentence.length]] });
  });

  it('reads a one-year plan from its title (东丽区2024年…行动方案)', () => {
    expect(of('tianjin-dongli-2024-zhaoshang-gongjian')).toMatchObject({ from: '2024-01-01', to: '2024-12-31', text: '2024年' });
  });
});

describe('sentences that do not state the document’s own period', () => {
  const validity = (text: string, date: string | null = '2024-01-10') => readValidity(makeDoc('x', { title: '某市若干措施', date, preamble: [text] }));

  it('ignores the validity of a licence plate or another document', () => {
    expect(validity('临时行驶车号牌有效期不应当超过6个月。')).toBeNull();
    expect(validity('对持有其他省、市出具的、且在有效期内的道路测试通知书的，予以认可。')).toBeNull();
    expect(validity('《某省数据条例》自2023年1月1日起施行，各地要认真贯彻。')).toBeNull();
  });

  it('ignores a date range that is not a term (2024年1月1日至2024年12月31日期间认定的企业)', () => {
    expect(validity('对2024年1月1日至2024年12月31日期间认定的企业给予奖励。')).toBeNull();
  });

  it('reads 有效期为…至… and 本措施自…起施行 in a notice', () => {
    expect(validity('本措施有效期为2024年1月1日至2026年12月31日。')).toMatchObject({ from: '2024-01-01', to: '2026-12-31' });
    expect(validity('现予印发，自2024年3月1日起施行。')).toMatchObject({ from: '2024-03-01', to: null });
  });

  it('leaves the start unknown for 自印发之日起施行 when the date is not printed', () => {
    expect(validity('本办法自印发之日起施行，有效期两年。', null)).toMatchObject({ from: null, to: null, text: '自印发之日起施行，有效期两年' });
  });
});
