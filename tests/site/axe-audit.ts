/**
 * Runs axe on a loaded page and keeps the violations that fail the site:
 * serious and critical ones. A page that declares a dark colour scheme is
 * audited in both schemes, since contrast differs between them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** Axe impacts that fail the check. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

/** A failing violation and the colour scheme it was seen in. */
export interface AuditFinding {
  scheme: 'light' | 'dark';
  violation: Result;
}

/** Loads `url` and returns its serious/critical axe violations in each scheme it supports. */
export async function auditPage(page: Page, url: string): Promise<{ status: number; findings: AuditFinding[] }> {
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(url, { waitUntil: 'load' });
  const declared = await page.evaluate(() => document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '');
  const schemes: Array<'light' | 'dark'> = /\bdark\b/.test(declared) ? ['light', 'dark'] : ['light'];
  const findings: AuditFinding[] = [];
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations) {
      if (FAILING_IMPACTS.has(violation.impact ?? '')) findings.push({ scheme, violation });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return { status: response?.status() ?? 0, findings };
}

/** Formats findings for an assertion message: rule, impact, scheme, help link and up to five elements each. */
export function describeFindings(findings: readonly AuditFinding[], where: string): string {
  const lines = findings.map(({ scheme, violation }) => {
    const targets = violation.nodes.slice(0, 5).map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`);
    return `  [${violation.impact}] ${violation.id} (${scheme} scheme): ${violation.help} (${violation.helpUrl})\n${targets.join('\n')}`;
  });
  return `${findings.length} serious/critical axe violations on ${where}:\n${lines.join('\n')}`;
}
