/**
 * The small readers behind the head, the end and the metadata of a document,
 * each on the forms a reader of official documents meets.
 */
import { describe, expect, it } from 'vitest';
import { readDocNumber, readOrderNumber } from '../../../scripts/ingest/doc-number.ts';
import { issuersInTitle, orderIssuer, splitNames, isOfficialSignature } from '../../../scripts/ingest/issuers.ts';
import { kindOfSelfReference, kindOfTitle } from '../../../scripts/ingest/kinds.ts';
import { inferTitle } from '../../../scripts/ingest/title-inference.ts';
import { toIsoDate } from '../../../scripts/ingest/closing.ts';
import { foldToSimplified, isTraditional, restorer } from '../../../scripts/ingest/script.ts';

describe('发文字号', () => {
  it('reads every bracket form, bare or in brackets on its own line, and 字第N号', () => {
    expect(
      [
        '鲁政办字〔2025〕6号',
        '某政办字[2025]6号',
        '沪发改规范（2019）7号',
        '（教师函〔2021〕13号）',
        '国发〔2020〕第5号',
        '府法綜字第1120001234号',
        '教师函 〔2021〕 13 号',
      ].map(readDocNumber),
    ).toEqual([
      '鲁政办字〔2025〕6号',
      '某政办字[2025]6号',
      '沪发改规范（2019）7号',
      '教师函〔2021〕13号',
      '国发〔2020〕第5号',
      '府法綜字第1120001234号',
      '教师函〔2021〕13号',
    ]);
  });

  it('reads an order number only as a line of its own, and takes no sentence for a 文号', () => {
    expect(['（第19号）', '第290号', '第二十号'].map(readOrderNumber)).toEqual(['第19号', '第290号', '第二十号']);
    expect(['依据《某办法》（发改运行规〔2017〕1690号）等文件要求', '2024年', '第十九条'].map(readDocNumber)).toEqual([undefined, undefined, undefined]);
  });
});

describe('issuers', () => {
  it('splits a joint signature: names on one line, and a name broken over two lines', () => {
    expect(splitNames(['济南市工业和', '信息化局', '济南市公安局 济南市城乡交通', '运输局'])).toEqual([
      '济南市工业和信息化局',
      '济南市公安局',
      '济南市城乡交通运输局',
    ]);
    expect(splitNames(['国家发展改革委', '国家数据局', '财政部', '自然资源部'])).toEqual(['国家发展改革委', '国家数据局', '财政部', '自然资源部']);
    expect(splitNames(['国家能源局华东监管局'])).toEqual(['国家能源局华东监管局']);
    expect(splitNames(['请遵照执行'])).toBeUndefined();
  });

  it('reads the issuer of an order, an official signature, and the issuer a title starts with', () => {
    expect([orderIssuer('上海市人民政府令'), orderIssuer('国家市场监督管理总局令'), orderIssuer('命令')]).toEqual([
      '上海市人民政府',
      '国家市场监督管理总局',
      undefined,
    ]);
    expect(['市长　应勇', '省长 马兴瑞', '市场监管部门'].map(isOfficialSignature)).toEqual([true, true, false]);
    expect(issuersInTitle('国家发展改革委 国家能源局关于做好2021年电力中长期合同签订工作的通知')).toEqual(['国家发展改革委', '国家能源局']);
    expect(issuersInTitle('民政部对“关于…的建议”的答复')).toEqual(['民政部']);
    expect(issuersInTitle('关于推动传统产业优化升级的实施方案')).toEqual([]);
  });
});

describe('kinds', () => {
  it('reads the kind a title ends in, brackets after it left aside', () => {
    expect(
      [
        '智慧健康养老产业发展行动计划（2021-2025 年）',
        '市场监督管理投诉举报处理暂行办法',
        '天津市2021年春节期间电力需求响应实施细则',
        '北京市关于支持氢能产业发展的若干政策措施（修订版）',
        '教育部关于实施第二批…试点工作的通知',
        '民政部对“关于…的建议”的答复',
        '“十四五”智能制造发展规划',
      ].map(kindOfTitle),
    ).toEqual(['行动计划', '办法', '实施细则', '若干措施', '通知', '答复', '规划']);
  });

  it('reads the most specific word a text uses for itself', () => {
    expect(kindOfSelfReference(['为…，制定本计划。', '本行动计划自印发之日起施行。'])).toBe('行动计划');
    expect(kindOfSelfReference(['本细则由市工业和信息化局负责解释。'])).toBe('实施细则');
    expect(kindOfSelfReference(['为…，现提出如下意见。'])).toBe('意见');
    expect(kindOfSelfReference(['覆盖本行政区域的数据中心。'])).toBeUndefined();
  });
});

describe('inferred titles', () => {
  it('takes a subject the text states outright (现就…制定本…)', () => {
    expect(inferTitle([{ text: '为实现我国船舶工业高质量发展，现就大力发展智能船舶制定本行动计划。', line: 1 }])).toEqual({
      title: '关于大力发展智能船舶的行动计划',
      line: 1,
    });
  });

  it('takes the subject of the policy implemented right before the self-reference', () => {
    expect(inferTitle([{ text: '为贯彻落实党中央、国务院关于加强数字政府建设的重大决策部署，现提出以下意见。', line: 2 }])?.title).toBe(
      '关于加强数字政府建设的意见',
    );
  });

  it('takes the first aim among the purpose clauses, skipping what is implemented and asides', () => {
    expect(
      inferTitle([{ text: '为落实《中国制造2025》，加快发展高端再制造、智能再制造（以下统称高端智能再制造），推动形成绿色发展方式，制定本计划。', line: 1 }])
        ?.title,
    ).toBe('关于加快发展高端再制造、智能再制造的计划');
    expect(inferTitle([{ text: '第一条 为加快青岛市人工智能产业园建设，根据有关规定，制定本细则。', line: 5 }])?.title).toBe(
      '关于加快青岛市人工智能产业园建设的细则',
    );
  });

  it('infers nothing where the text states no subject', () => {
    expect(inferTitle([{ text: '为深入贯彻党的二十大精神，结合市中区实际，制定本行动计划。', line: 1 }])).toBeUndefined();
    expect(inferTitle([{ text: '党的十九大以来，各地加快建设。', line: 1 }])).toBeUndefined();
  });
});

describe('成文日期', () => {
  it('reads Arabic and Chinese numerals, with extraction spaces', () => {
    expect(['2022 年3月10日', '二〇二二年三月十日', '二〇二四年十二月三十一日', '二○二一年一月九日'].map(toIsoDate)).toEqual([
      '2022-03-10',
      '2022-03-10',
      '2024-12-31',
      '2021-01-09',
    ]);
  });
});

describe('Traditional script', () => {
  it('tells Traditional text from Simplified and folds it one character for one', () => {
    expect(isTraditional(['臺北市政府關於推進新型工業化的實施辦法', '第一條　為推進新型工業化，制定本辦法。'])).toBe(true);
    expect(isTraditional(['济南市人民政府关于推进新型工业化的实施办法'])).toBe(false);
    expect(foldToSimplified('第一條　為推進新型工業化，制定本辦法。')).toBe('第一条　为推进新型工业化，制定本办法。');
  });

  it('gives strings cut from the folded text their printed characters back', () => {
    const printed = ['臺北市政府關於推進工業化的辦法', '發展頭髮'];
    const restore = restorer(printed, printed.map(foldToSimplified));
    expect(restore.text('推进工业化的办法')).toBe('推進工業化的辦法');
    // 发 stands for both 發 and 髮 in this file: restored from where the string is.
    expect(restore.text('头发')).toBe('頭髮');
    expect(restore.value({ kind: 'article', title: '办法', list: ['台北市政府'] })).toEqual({ kind: 'article', title: '辦法', list: ['臺北市政府'] });
  });
});
