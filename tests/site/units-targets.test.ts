/**
 * Responsible units and targets as a reader sees them, in Chromium against the
 * built site: unit chips with their roles, notes and clause-given units, each
 * with its evidence on hover (the title the browser shows); a 分别 list marked
 * target by target; targets outside tasks; inherited years; the department page
 * of a clause-given unit; the compare page's shared targets; the open data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browser, server, serveSiteForThisFile } from './served-site.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = siteUnderTest();
serveSiteForThisFile();
const at = (p: string) => new URL(p, server.url).href;

const HEBEI = 'docs/hebei-2025-shuzi-funeng-zhizaoye/';
const CHUANTONG = 'docs/shandong-chuantong-chanye/';
const GUANGDIAN = 'docs/shandong-guangdian-shiting/';
const JINAN_DRAFT = 'docs/jinan-gongye-qiangshi-draft/';
const SHIZHONG = 'docs/jinan-shizhong-2024-xinxing-gongyehua/';

/** The title a chip shows on hover: its own, else its list's (the browser shows the nearest one). */
async function chipTitle(task: string, name: string): Promise<string> {
  const chip = browser.page.locator(`article[aria-labelledby="${task}"] > .units a`, { hasText: name });
  return chip.evaluate((a) => a.closest('[title]')?.getAttribute('title') ?? '');
}

describe('unit chips', () => {
  it('give every later task the units a clause written once names, dashed, with the clause and its line on hover', async () => {
    const { page } = browser;
    await page.goto(at(HEBEI));
    const chips = page.locator('article[aria-labelledby="item_2"] > .units li');
    const names = await chips.locator('a').evaluateAll((as) => as.map((a) => a.firstChild?.textContent ?? ''));
    expect(names).toEqual([
      '省工业和信息化厅',
      '省发展改革委',
      '省财政厅',
      '省国资委',
      '省市场监管局',
      '省数据和政务服务局',
      '省科技厅',
      '各市政府',
      '雄安新区管委会',
    ]);
    const given = page.locator('article[aria-labelledby="item_2"] > .units li[data-scope="document"] a');
    expect(await given.count()).toBe(2);
    expect(await given.first().evaluate((a) => getComputedStyle(a).borderTopStyle)).toBe('dashed');
    expect(await chipTitle('item_2', '雄安新区管委会')).toBe('前文统一规定：第57行「以下均需各市政府、雄安新区管委会落实，不再列出」');
    // The task's own clause is named by its line; the chips of the last task get the clause-given units too.
    expect(await chipTitle('item_2', '省财政厅')).toBe('见本条原文第59行');
    expect(await page.locator('article[aria-labelledby="item_22"] > .units li[data-scope="document"]').count()).toBe(2);
  });

  it('keep a note written inside a name out of the name, and show it on the chip', async () => {
    const { page } = browser;
    await page.goto(at(HEBEI));
    const chip = page.locator('article[aria-labelledby="item_1"] > .units a', { hasText: '各市政府' });
    expect(await chip.innerText()).toBe('各市政府（含定州、辛集市，下同）');
    expect(await chip.locator('.count').innerText()).toBe('（含定州、辛集市，下同）');
    expect(await chip.getAttribute('href')).toBe(
      await page.locator('article[aria-labelledby="item_2"] > .units a', { hasText: '各市政府' }).getAttribute('href'),
    );
  });

  it('show the lead unit first with a visible 牵头, where an earlier clause says the first listed leads', async () => {
    const { page } = browser;
    await page.goto(at(CHUANTONG));
    for (const eid of ['subsec_1', 'subsec_4', 'subsec_10']) {
      const first = page.locator(`article[aria-labelledby="${eid}"] > .units li`).first();
      expect(await first.getAttribute('data-role')).toBe('lead');
      expect(await first.locator('.unit-role').innerText()).toBe('牵头');
      expect(await first.locator('.unit-role').isVisible()).toBe(true);
    }
    expect(await page.locator('article[aria-labelledby="subsec_10"] > .units li[data-role="lead"]').count()).toBe(1);
    expect(await chipTitle('subsec_10', '省发展改革委')).toContain('依据第815行「列第一位的为牵头单位，下同」');
  });

  it('keep concept links out of an organisation name', async () => {
    const { page } = browser;
    await page.goto(at(SHIZHONG));
    const paragraph = page.locator('article[aria-labelledby="item_1"] p', { hasText: '济南能源互联网产业发展促进中心' });
    expect(await paragraph.count()).toBe(1);
    const cut = await paragraph.evaluate((p) =>
      [...p.querySelectorAll('a')].some(
        (a) =>
          (a.parentElement?.textContent ?? '').includes('济南能源互联网产业发展促进中心') &&
          p.textContent!.indexOf(`济南${a.textContent}产业发展促进中心`) >= 0,
      ),
    );
    expect(cut).toBe(false);
  });
});

describe('target marks', () => {
  it('mark each target of a 分别 list on its own, each with its own reading on hover', async () => {
    const { page } = browser;
    await page.goto(at(JINAN_DRAFT));
    const marks = page.locator('p', { hasText: '分别达到300家、50家、30家' }).locator('mark.target');
    expect(await marks.allInnerTexts()).toEqual(['300家', '50家', '30家']);
    expect(await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('title')))).toEqual([
      '市级及以上绿色工厂 300家（到2025年）',
      '绿色供应链管理企业 50家（到2025年）',
      '绿色工业园区（产业集群、产业集聚区） 30家（到2025年）',
    ]);
  });

  it('mark the headline targets of a preamble and list them in the targets panel', async () => {
    const { page } = browser;
    await page.goto(at(GUANGDIAN));
    const marks = page.locator('.preamble mark.target');
    expect(await marks.count()).toBe(5);
    expect(await marks.last().getAttribute('title')).toBe('年营业收入 >3000亿元（到2030年）');
    const rows = page.locator('.targets-panel tbody tr', { hasText: '序言' });
    expect(await rows.count()).toBe(5);
    const link = rows.first().locator('a');
    const anchor = (await link.getAttribute('href'))!;
    expect(anchor).toBe('#para-655');
    expect(await page.locator(anchor).locator('mark.target').count()).toBe(5);
  });

  it('say where an inherited year comes from, and show yearly targets without a year of their own', async () => {
    const { page } = browser;
    await page.goto(at(JINAN_DRAFT));
    const inherited = page.locator('mark.target[data-year-from="inherited"]', { hasText: '规模以上工业营业收入突破1万亿元' });
    const title = (await inherited.getAttribute('title'))!;
    expect(title.split('\n')[0]).toBe('规模以上工业营业收入 >1万亿元（到2025年）');
    expect(title).toContain('年份承上文：第9行「到2025年，工业强市建设迈上新台阶');
    expect(await inherited.evaluate((m) => getComputedStyle(m).borderBottomStyle)).toBe('dashed');
    const row = page.locator('.targets-panel tbody tr', { hasText: '规模以上工业营业收入' }).first();
    expect(await row.locator('td').nth(3).innerText()).toBe('到2025年（承上文）');
    const yearly = page.locator('.targets-panel tbody tr', { hasText: '山东省技术创新项目' });
    expect(await yearly.locator('td').nth(2).innerText()).toBe('约800项');
    expect(await yearly.locator('td').nth(3).innerText()).toBe('每年');
  });
});

describe('department pages and compare tables', () => {
  it('list the tasks a clause written once gives a unit, quoting the clause', async () => {
    const { page } = browser;
    await page.goto(at(HEBEI));
    await page.locator('article[aria-labelledby="item_5"] > .units a', { hasText: '雄安新区管委会' }).click();
    await page.waitForURL(/\/departments\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').innerText()).toBe('雄安新区管委会');
    expect(await page.locator('main section li').count()).toBe(22);
    expect(await page.locator('main section li[data-scope="document"]').count()).toBe(21);
    expect(await page.locator('main').innerText()).toContain('第57行「以下均需各市政府、雄安新区管委会落实，不再列出」');
    expect(await page.locator(`main a[href$="${HEBEI}#item_5"]`).count()).toBe(1);
  });

  it('compare the targets two documents share, with years read from the context', async () => {
    const { page } = browser;
    await page.goto(at('compare/jinan-gongye-qiangshi-draft--shandong-chuantong-chanye/'));
    const row = page.locator('.cmp-targets tbody tr', { hasText: '省级以上绿色工厂' });
    const [a, b] = await row.locator('td').allInnerTexts();
    expect(a).toContain('40家（到2025年，年份承上文）');
    expect(a).toContain('300家（到2025年）');
    expect(b).toContain('800家（到2027年）');
  });
});

describe('open data', () => {
  const data = (file: string) => fs.readFileSync(path.join(site.dir, 'data', file), 'utf8');

  it('publishes each unit with its role, scope and the clause it was read from', () => {
    const docs = JSON.parse(data('documents.json')) as Array<{ id: string; tasks: Array<{ eid: string; units: Array<Record<string, unknown>> }> }>;
    const hebei = docs.find((d) => d.id === 'hebei-2025-shuzi-funeng-zhizaoye')!;
    const second = hebei.tasks.find((t) => t.eid === 'item_2')!;
    expect(second.units.find((u) => u.name === '各市政府')).toEqual({
      name: '各市政府',
      role: 'responsible',
      note: '含定州、辛集市，下同',
      scope: 'document',
      evidence: { text: '以下均需各市政府、雄安新区管委会落实，不再列出', line: 57 },
      roleEvidence: null,
    });
    expect(data('units.csv')).toContain('shandong-chuantong-chanye,subsec_2,二、（二）,省发展改革委,lead,,task,');
  });

  it('publishes every target with the number read, as printed, year, period and sentence', () => {
    const csv = data('targets.csv').split('\r\n');
    expect(csv[0]).toBe('\uFEFFdocument,eid,label,indicator,value,upper,value_text,unit,comparator,year,year_from,period,text,evidence,line,url');
    const wide = csv.find((r) => r.includes('全市制造业质量竞争力指数'))!;
    expect(wide).toContain(',93,,９３,,eq,2025,printed,by-year,');
    expect(csv.filter((r) => r.startsWith('shandong-guangdian-shiting,,序言,'))).toHaveLength(5);
  });
});
