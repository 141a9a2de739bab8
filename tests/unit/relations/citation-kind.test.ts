/** The kind of a 《…》 citation, read from the words of its clause (sentences from the seeds and tests/corpus/). */
import { describe, expect, it } from 'vitest';
import { readCitation } from '../../../scripts/relations/citation-kind.ts';

/** Reads the citation of 《title》 in `text` (its first occurrence). */
function read(text: string, title: string) {
  const start = text.indexOf(`《${title}》`);
  if (start < 0) throw new Error(`《${title}》 is not in the text`);
  const reading = readCitation(text, start, start + title.length + 2);
  return { kind: reading.kind, reversed: reading.reversed, words: reading.marks.map(([a, b]) => text.slice(a, b)) };
}

describe('reading a citation', () => {
  it('reads 根据 before a list of titles as 依据 for each title of the list', () => {
    const text =
      '为深入贯彻党的二十大精神，根据《国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见》《山东省建设绿色低碳高质量发展先行区三年行动计划（2023-2025年）》《济南市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023-2025年）》，按照区委、区政府部署要求，结合市中区实际，制定本行动计划。';
    for (const title of [
      '国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见',
      '济南市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023-2025年）',
    ]) {
      expect(read(text, title)).toEqual({ kind: '依据', reversed: false, words: ['根据'] });
    }
  });

  it('takes the verb nearest the title: 为贯彻…《甲》，落实《乙》 is 落实 for 乙', () => {
    const text =
      '为贯彻国家《氢能产业发展中长期规划（2021-2035年）》，落实《北京市“十四五”时期高精尖产业发展规划》《北京市氢能产业发展实施方案（2021-2025年）》工作部署，把握氢能产业发展的关键窗口期与机遇期，特制定以下措施。';
    expect(read(text, '氢能产业发展中长期规划（2021-2035年）').kind).toBe('落实');
    expect(read(text, '北京市氢能产业发展实施方案（2021-2025年）')).toEqual({ kind: '落实', reversed: false, words: ['落实'] });
  });

  it('reads 依据 after 为落实… in an earlier clause (tests/corpus 30)', () => {
    expect(
      read(
        '为落实国家和我市关于春节期间能源保供工作部署要求，依据《市工业和信息化局关于开展电力需求响应的通知》，制定本细则。',
        '市工业和信息化局关于开展电力需求响应的通知',
      ).kind,
    ).toBe('依据');
  });

  it('reads 《甲》（文号）的配套文件 as 配套, past the document number (tests/corpus 32)', () => {
    const text =
      '第二十八条　 本细则为《青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知》（青政办字〔2023〕13号）的配套文件，自2023年2月22日施行，有效期至2026年2月21日。';
    expect(read(text, '青岛市人民政府办公厅关于印发青岛市人工智能产业园发展若干政策的通知')).toEqual({ kind: '配套', reversed: false, words: ['配套文件'] });
  });

  it('reads every title of a list ending in 同时废止 as 废止 (tests/corpus 26)', () => {
    const text =
      '第四十条 本办法自2020年1月1日起施行。1998年3月12日原国家质量技术监督局令第51号公布的《产品质量申诉处理办法》、2014年2月14日原国家工商行政管理总局令第62号公布的《工商行政管理部门处理消费者投诉办法》、2016年1月12日原国家食品药品监督管理总局令第21号公布的《食品药品投诉举报管理办法》同时废止。';
    for (const title of ['产品质量申诉处理办法', '工商行政管理部门处理消费者投诉办法', '食品药品投诉举报管理办法']) {
      expect(read(text, title)).toEqual({ kind: '废止', reversed: false, words: ['同时废止'] });
    }
  });

  it('reads 原《甲》（文号）同时废止 across a line-wrapped document number (tests/corpus 18)', () => {
    expect(
      read(
        '第四十二条  本办法于2022年4月15日起施行。《济南市智能网联汽车道路测试管理办法（试行）》（济经信装备字〔2018〕7 号）同时废止。',
        '济南市智能网联汽车道路测试管理办法（试行）',
      ).kind,
    ).toBe('废止');
    expect(read('本办法自印发之日起施行，原《某市企业技术中心认定管理办法》同时废止。', '某市企业技术中心认定管理办法').kind).toBe('废止');
  });

  it('reads 《甲》即日起失效 as 废止 (the 北京 修订版 seed)', () => {
    expect(read('《北京市关于支持氢能产业发展的若干政策措施》（京经信发〔2022〕62号）即日起失效。', '北京市关于支持氢能产业发展的若干政策措施').kind).toBe(
      '废止',
    );
  });

  it('reads 代替《甲》 and 《甲》不再执行 as 替代', () => {
    expect(read('本办法代替《某省专项资金管理暂行办法》。', '某省专项资金管理暂行办法').kind).toBe('替代');
    expect(read('本通知印发后，《某市促进消费若干措施》不再执行。', '某市促进消费若干措施').kind).toBe('替代');
  });

  it('reads 现将《甲》转发给你们 and 转发《甲》 as 转发', () => {
    expect(read('现将《山东省加快发展新质生产力若干措施》转发给你们，请结合实际认真贯彻落实。', '山东省加快发展新质生产力若干措施').kind).toBe('转发');
    expect(read('关于转发《山东省加快发展新质生产力若干措施》的通知', '山东省加快发展新质生产力若干措施').kind).toBe('转发');
  });

  it('reads 推动《甲》落地实施 as 落实 (the 沧州 seed)', () => {
    expect(read('推动《沧州市低空经济发展规划（2024-2030年）》落地实施，打造低空场景应用', '沧州市低空经济发展规划（2024-2030年）').kind).toBe('落实');
  });

  it('reads 《决定》修改 under a title as the decision revising the citing document (tests/corpus 26)', () => {
    expect(read('2022年3月24日 《国家市场监督管理总局关于修改和废止有关规章的决定》修改', '国家市场监督管理总局关于修改和废止有关规章的决定')).toMatchObject({
      kind: '修订',
      reversed: true,
    });
    expect(read('（根据2020年11月29日《国务院关于修改和废止部分行政法规的决定》第一次修订）', '国务院关于修改和废止部分行政法规的决定')).toMatchObject({
      kind: '修订',
      reversed: true,
    });
  });

  it('reads 对《甲》进行修订 as this document revising 甲, but 定期修订《甲》 (a task) as a plain citation', () => {
    expect(read('现对《某市数据管理办法》进行修订。', '某市数据管理办法')).toMatchObject({ kind: '修订', reversed: false });
    expect(read('定期修订《国家智能制造标准体系建设指南》，建设纺织、石化等细分行业标准体系。', '国家智能制造标准体系建设指南').kind).toBe('引用');
  });

  it('reads a title with no relation word as 引用', () => {
    expect(read('所称小型、中型、大型无人驾驶航空器等概念与《无人驾驶航空器飞行管理暂行条例》保持一致。', '无人驾驶航空器飞行管理暂行条例')).toEqual({
      kind: '引用',
      reversed: false,
      words: [],
    });
  });
});
