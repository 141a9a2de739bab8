/**
 * Runs axe on a loaded page and keeps the violations that fail the site:
 * serious and critical ones. A page that declares a dark colour scheme is
 * audited in both schemes, since contrast differs between them.
 *
 * axe-core is injected once per page and run with `axe.run`, asking for
 * violations only. @axe-core/playwright's AxeBuilder did more for the same
 * findings: it collected every pass (1.25 MB of results on the compare pair
 * page), ran the rules per frame and finished in a second, blank page that it
 * opened and injected axe into on every call. On the 13 pages of
 * tests/site/a11y.test.ts, axe's time per page and scheme fell 3-6x
 * (compare pair page 21.8 s → 5.4 s on a loaded machine).
 */
import axe, { type Result, type RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** Axe impacts that fail the check. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/**
 * The rules whose outcome depends on colours alone. When a page's dark scheme only changes
 * colours, these are the only rules that can find something in it that the light audit did not.
 */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block'];

/** A failing violation and the colour scheme it was seen in. */
export interface AuditFinding {
  scheme: 'light' | 'dark';
  violation: Result;
}

/** What {@link auditPage} found, and which rules it ran in the dark scheme. */
export interface Audit {
  status: number;
  findings: AuditFinding[];
  /**
   * `colour`: the dark scheme changes only colours, so only {@link COLOUR_RULES} ran in it;
   * `all`: it changes more (or that could not be read), so every rule ran in it too;
   * `none`: the page declares no dark scheme.
   */
  dark: 'colour' | 'all' | 'none';
}

/** Loads `url` and returns its serious/critical axe violations in each scheme it supports. */
export async function auditPage(page: Page, url: string): Promise<Audit> {
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(axe.source);
  const findings = failing('light', await runAxe(page, {}));
  const declared = await page.evaluate(() => document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '');
  let dark: Audit['dark'] = 'none';
  if (/\bdark\b/.test(declared)) {
    dark = (await page.evaluate(darkSchemeChangesOnlyColours)) ? 'colour' : 'all';
    await page.emulateMedia({ colorScheme: 'dark' });
    const options: RunOptions = dark === 'colour' ? { runOnly: { type: 'rule', values: [...COLOUR_RULES] } } : {};
    findings.push(...failing('dark', await runAxe(page, options)));
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return { status: response?.status() ?? 0, findings, dark };
}

/** Formats findings for an assertion message: rule, impact, scheme, help link and up to five elements each. */
export function describeFindings(findings: readonly AuditFinding[], where: string): string {
  const lines = findings.map(({ scheme, violation }) => {
    const targets = violation.nodes.slice(0, 5).map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`);
    return `  [${violation.impact}] ${violation.id} (${scheme} scheme): ${violation.help} (${violation.helpUrl})\n${targets.join('\n')}`;
  });
  return `${findings.length} serious/critical axe violations on ${where}:\n${lines.join('\n')}`;
}

/** Runs the injected axe on the whole document; only violations are collected (passes are not needed). */
async function runAxe(page: Page, options: RunOptions): Promise<Result[]> {
  return page.evaluate(async (runOptions) => (await (window as unknown as { axe: typeof axe }).axe.run(document, runOptions)).violations, {
    ...options,
    resultTypes: ['violations'],
  } satisfies RunOptions);
}

function failing(scheme: AuditFinding['scheme'], violations: readonly Result[]): AuditFinding[] {
  return violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? '')).map((violation) => ({ scheme, violation }));
}

/**
 * Runs in the page: true when every style that applies only under a colour-scheme media query
 * sets a colour (a colour property, or a custom property whose value is a colour). Then the dark
 * scheme can change contrast but not what is shown or how it is built. Scripts that read the scheme
 * as the page loads ran in the light scheme, the one loaded; after that only styles react to the
 * switch (and matchMedia change listeners, which the site's scripts do not register). Stylesheets
 * that cannot be read count as changing more.
 */
function darkSchemeChangesOnlyColours(): boolean {
  const SCHEME = /prefers-color-scheme/;
  const COLOUR_PROPERTY =
    /^(color|background-color|(border|border-(top|right|bottom|left|block|inline)(-(start|end))?)-color|outline-color|text-decoration-color|text-emphasis-color|caret-color|accent-color|column-rule-color|fill|stroke|color-scheme)$/;
  const onlyColours = (style: CSSStyleDeclaration): boolean => {
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      const value = style.getPropertyValue(name).trim();
      if (name.startsWith('--') ? !CSS.supports('color', value) : !COLOUR_PROPERTY.test(name)) return false;
    }
    return true;
  };
  const check = (rules: CSSRuleList, scheme: boolean): boolean => {
    for (const rule of rules) {
      const inScheme =
        scheme || ('conditionText' in rule && SCHEME.test(String(rule.conditionText))) || (rule instanceof CSSImportRule && SCHEME.test(rule.media.mediaText));
      if (inScheme && rule instanceof CSSStyleRule && !onlyColours(rule.style)) return false;
      if (rule instanceof CSSImportRule) {
        if (!rule.styleSheet || !check(rule.styleSheet.cssRules, inScheme)) return false;
      } else if ('cssRules' in rule && !check(rule.cssRules as CSSRuleList, inScheme)) return false;
    }
    return true;
  };
  try {
    return [...document.styleSheets].every((sheet) => check(sheet.cssRules, SCHEME.test(sheet.media.mediaText)));
  } catch {
    // A stylesheet from another origin hides its rules.
    return false;
  }
}
