/**
 * Turns lists of problems found in the built site into one readable
 * assertion failure, so a run shows every broken thing at once. The same
 * problem on many pages (a broken link in the site header) is shown once,
 * with the places it occurs.
 */
import { assert } from 'vitest';
import type { Diagnostic } from '../../scripts/ingest/model.ts';

/** A diagnostic about a built page; minified pages need the column as well as the line. */
export interface SiteDiagnostic extends Diagnostic {
  column?: number;
}

/** How many places to name per problem before summarising the rest. */
const PLACES_SHOWN = 5;
/** More one-off problems than this under one code are shown as one family. */
const FAMILY_MIN = 3;

/**
 * Formats diagnostics for a failure message: identical problems are grouped
 * (most frequent first) with their `dir/file:line:column` places, and many
 * one-off problems of the same code (a link that differs on every page) are
 * shown as one family with examples.
 */
export function formatDiagnostics(diagnostics: readonly SiteDiagnostic[], dir: string): string {
  const groups = groupBy(diagnostics, (d) => `${d.code}\u0000${d.message}\u0000${d.hint ?? ''}`);
  const singles = groupBy(
    groups.filter((group) => group.length === 1).map(([d]) => d as SiteDiagnostic),
    (d) => d.code,
  );
  const families = singles.filter((family) => family.length > FAMILY_MIN);
  const inFamily = new Set(families.flat());
  const blocks = groups
    .filter((group) => !inFamily.has(group[0] as SiteDiagnostic))
    .sort((a, b) => b.length - a.length)
    .map((group) => {
      const [first] = group as [SiteDiagnostic];
      const count = group.length > 1 ? ` (${group.length}×)` : '';
      return block(
        `${first.code}  ${first.message}${count}`,
        group.map((d) => place(dir, d)),
        first.hint,
      );
    });
  for (const family of families) {
    const [first] = family as [SiteDiagnostic];
    blocks.push(
      block(
        `${first.code}  ${family.length} different problems, e.g.:`,
        family.map((d) => `${place(dir, d)}  ${d.message}`),
        first.hint,
      ),
    );
  }
  return blocks.join('\n');
}

/** Fails the running test with every diagnostic in one message; passes when there are none. */
export function expectNoDiagnostics(diagnostics: readonly SiteDiagnostic[], dir: string, what: string): void {
  if (diagnostics.length === 0) return;
  assert.fail(`${diagnostics.length} ${what} in ${dir}:\n${formatDiagnostics(diagnostics, dir)}`);
}

function block(title: string, places: string[], hint: string | undefined): string {
  // "  - " rather than "at ": vitest would read "at file:line:col" lines as a stack trace.
  const lines = places.slice(0, PLACES_SHOWN).map((text) => `  - ${text}`);
  if (places.length > PLACES_SHOWN) lines.push(`  … and ${places.length - PLACES_SHOWN} more`);
  return [title, ...lines, ...(hint ? [`  → ${hint}`] : [])].join('\n');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

function place(dir: string, d: SiteDiagnostic): string {
  const file = dir === '' || dir === '.' ? d.file : `${dir.replace(/\/$/, '')}/${d.file}`;
  return `${file}:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
}
