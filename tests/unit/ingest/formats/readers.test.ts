import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../scripts/ingest/formats/pdf.ts';
import { formatNumber, readDocx } from '../../../../scripts/ingest/formats/docx.ts';
import { readHtml } from '../../../../scripts/ingest/formats/html.ts';
import type { ExtractedText } from '../../../../scripts/ingest/formats/model.ts';
import { FIXTURES } from './twins.ts';

const fixture = (name: string, ext: string) => fs.readFileSync(path.join(FIXTURES, name, `${name}.${ext}`));
const ok = <T extends object>(result: T | { error: unknown }): T => {
  if ('error' in result) throw new Error(JSON.stringify(result.error));
  return result as T;
};

describe('PDF reader', async () => {
  const pdf = ok(await readPdf('notice.pdf', fixture('jinan-icv-notice', 'pdf'))) as ExtractedText;
  const kinds = (kind: string) => pdf.normalisations.filter((n) => n.kind === kind).map((n) => n.before);

  it('maps every line to its page and line on that page', () => {
    expect(pdf.origins).toHaveLength(pdf.lines.length);
    expect(pdf.origins[0]).toEqual({ type: 'pdf', page: 1, line: 1 });
    expect(pdf.origins.at(-1)).toMatchObject({ type: 'pdf', page: 19 });
  });

  it('sets aside the page number of every page', () => {
    expect(kinds('page-number')).toEqual(Array.from({ length: 19 }, (_, i) => `— ${i + 1} —`));
  });

  it('sets aside the running header of pages 2 onwards', () => {
    expect(kinds('running-header')).toEqual(Array(18).fill('济南市智能网联汽车道路测试与示范应用管理办法（试行）'));
  });

  it('reads the red letterhead spaced out, for normalise to close up, and the 文号 line as printed', () => {
    expect(pdf.lines.slice(0, 6)).toEqual([
      'JNCR—2022—0040001',
      '济 南 市 工 业 和 信 息 化 局',
      '济 南 市 公 安 局',
      '济 南 市 城 乡 交 通 运 输 局',
      '济工信装备字〔2022〕1 号',
      '文 件',
    ]);
  });

  it('keeps hard-wrapped lines as printed and marks the wraps the layout shows', () => {
    const i = pdf.lines.findIndex((l) => l.startsWith('第一条'));
    expect(pdf.lines[i].length).toBeLessThan(30);
    expect(pdf.continues).toContain(i + 2);
  });
});

describe('PDF reader on a ruled table', async () => {
  const pdf = ok(await readPdf('plan.pdf', fixture('jinan-logistics-plan', 'pdf'))) as ExtractedText;
  const row = (first: string) => pdf.lines.find((l) => l.replace(/ /g, '').startsWith(first));

  it('reads each row of the indicator table as one line of cells, wrapped cells joined', () => {
    expect(row('设施网络')).toBe('设施网络\t规范化物流园区\t20 个\t22 个\t24 个\t25 个');
    expect(row('\t主城区')).toBe('\t主城区累计建成快递集聚区\t6 个\t6 个\t7 个\t8 个');
    expect(row('\t\t累计投资额')).toBe('\t\t累计投资额(元）\t140 亿\t180 亿\t220 亿\t260 亿');
  });

  it('keeps a table row at the top of a page (a row broken over the page) as text, not a running header', () => {
    const i = pdf.lines.indexOf('\t\t总数\t\t\t\t');
    expect(pdf.origins[i]).toEqual({ type: 'pdf', page: 4, line: 2 });
    expect(pdf.setAside).not.toContain(i + 1);
  });
});

describe('Word reader', () => {
  const docx = ok(readDocx('plan.docx', fixture('shandong-services-plan', 'docx'))) as ExtractedText;

  it('writes Word automatic numbering back in front of its paragraph, recording it', () => {
    expect(docx.lines).toContain('一、总体目标');
    expect(docx.lines).toContain('（一）医养健康产业数字化转型');
    expect(docx.lines.some((l) => l.startsWith('1.支持高水平建设'))).toBe(true);
    const restored = docx.normalisations.filter((n) => n.kind === 'list-number');
    expect(restored.length).toBeGreaterThan(40);
    expect(restored[0]).toMatchObject({ before: '总体目标', after: '一、总体目标' });
  });

  it('restarts the numbers of a level after the level above', () => {
    const items = docx.lines.filter((l) => /^\d+\./.test(l)).map((l) => Number(l.split('.')[0]));
    expect(items.slice(0, 8)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
  });

  it('keeps a table as one tab-separated line per row, merged cells empty', () => {
    const table = ok(readDocx('logistics.docx', fixture('jinan-logistics-plan', 'docx'))) as ExtractedText;
    const rows = table.lines.filter((l) => l.includes('\t'));
    expect(rows[0]).toBe('类别\t指标\t2023年\t2024年\t2025年\t2026年');
    expect(rows[2]).toBe('\t现代物流网项目\t累计竣工数量\t20个\t28个\t35个\t40个');
    expect(table.origins[table.lines.indexOf(rows[0])]).toMatchObject({ type: 'docx', table: 1, row: 1 });
  });

  it('writes Chinese, full-width and circled counters as Word does', () => {
    expect([1, 10, 11, 20, 23, 100, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十三', '一百', '一百零五']);
    expect(formatNumber(3, 'decimalFullWidth')).toBe('３');
    expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  });
});

describe('HTML reader', () => {
  const html = ok(readHtml('page.html', fixture('ndrc-contract-notice', 'html'))) as ExtractedText;
  const kept = html.lines.filter((_, i) => !html.setAside.includes(i + 1));

  it('keeps the document text and sets aside the site around it', () => {
    expect(kept[0]).toBe('国家发展改革委 国家能源局关于做好');
    expect(kept.at(-1)).toBe('各省级电网典型电力负荷曲线');
    const aside = html.normalisations.filter((n) => n.kind === 'site-navigation').map((n) => n.before);
    expect(aside).toEqual(expect.arrayContaining(['当前位置：首页 > 政务公开 > 政策 > 通知', '相关政策与解读', '排行榜']));
    expect(aside.find((line) => line.startsWith('发布时间：'))).toContain('[ 打印 ] [ 关闭 ]');
  });

  it('maps every line to its element', () => {
    expect(html.origins[html.lines.indexOf(kept[0])]).toEqual({
      type: 'html',
      path: 'div.wrap:nth-of-type(4) > div.article:nth-of-type(2) > h1.article-title',
    });
  });

  it('decodes a page saved as GBK by its meta charset', async () => {
    const iconv = (await import('iconv-lite')).default;
    const page = fixture('ndrc-contract-notice', 'html')
      .toString('utf8')
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const gbk = ok(readHtml('gbk.html', iconv.encode(page, 'gbk'))) as ExtractedText;
    expect(gbk.lines).toEqual(html.lines);
  });
});
