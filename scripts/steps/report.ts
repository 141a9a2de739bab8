/** The build report: every diagnostic with file:line, grouped by severity. */
import type { Diagnostic } from '../ingest/model.ts';

/** Formats one diagnostic as "file:line: severity code: message (hint)". */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity} ${d.code}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`;
}

/** The report as Markdown, errors first; stable order (file, line, code). */
export function buildReport(diagnostics: Diagnostic[]): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnostics].sort(
    (a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code),
  );
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return [
    '# Build report',
    '',
    `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes.`,
    '',
    ...sorted.map((d) => `- ${formatDiagnostic(d)}`),
    '',
  ].join('\n');
}
