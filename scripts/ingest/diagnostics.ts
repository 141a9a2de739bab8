/** Keeps the build report readable when one file repeats the same problem thousands of times. */
import type { Diagnostic } from './model.ts';

/** How many diagnostics of one code are kept per file before they are summarised. */
export const PER_FILE_AND_CODE = 50;

/** Keeps the first `limit` diagnostics per (file, code) and adds one summary line for the rest. */
export function limitDiagnostics(diagnostics: Diagnostic[], limit = PER_FILE_AND_CODE): Diagnostic[] {
  const seen = new Map<string, number>();
  const kept: Diagnostic[] = [];
  const firstDropped = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const key = `${d.file}\u0000${d.code}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count <= limit) kept.push(d);
    else if (!firstDropped.has(key)) firstDropped.set(key, d);
  }
  for (const [key, d] of firstDropped) {
    const more = (seen.get(key) ?? 0) - limit;
    kept.push({
      severity: d.severity,
      code: d.code,
      message: `${more} more "${d.code}" ${d.severity}s in this file, the first of them here (not listed one by one)`,
      file: d.file,
      line: d.line,
    });
  }
  return kept;
}
