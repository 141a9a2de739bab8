/**
 * Stage 2 — normalise: physical lines → logical lines.
 *
 * Repairs what PDF/web extraction did to the text and records every change as a Normalisation, so
 * the original-text page can show it: hard-wrapped lines are joined (no space inserted), page
 * numbers dropped, spaced-out letterheads closed up, extraction spaces between Chinese and
 * digits/Latin removed, control characters removed, private-use glyphs flagged. Numbers, names and
 * wording are never changed; tabs (flattened tables) are kept exactly.
 *
 * The stage reads as its three steps: normalise/clean-line.ts cleans each physical line,
 * normalise/wrap-profile.ts measures how the file is laid out, normalise/join.ts joins lines by that
 * profile. The rules they apply are in rules/lines.ts and rules/joins.ts.
 */
import type { Diagnostic, Normalisation, NormalisedFile, SourceFile } from './model.ts';
import { looksLikeMarkdown } from './markup.ts';
import { type CleanLine, cleanLine, frontMatterEnd, splitGluedHeading } from './normalise/clean-line.ts';
import { joinLines } from './normalise/join.ts';
import { layoutDiagnostic, measureProfile } from './normalise/wrap-profile.ts';

export { displayWidth, frontMatterEnd } from './normalise/clean-line.ts';
export { type UnaccountedCharacter, unaccountedCharacters } from './normalise/faithful.ts';
export { measureWrap, type WrapProfile } from './normalise/wrap-profile.ts';

/** Turns a source file's physical lines into logical lines, recording every change. */
export function normalise(source: SourceFile): NormalisedFile {
  const { file } = source;
  const markdown = looksLikeMarkdown(source.lines);
  const fence = frontMatterEnd(source.lines);
  const lines: CleanLine[] = [];
  for (let i = 0; i < source.lines.length; i++) {
    const line = cleanLine(file, source.lines[i], i + 1, markdown && i > fence);
    const glued = splitGluedHeading(line);
    if (glued === null) lines.push(line);
    else lines.push(...glued);
  }
  const profile = measureProfile(lines);
  const diagnostics: Diagnostic[] = [layoutDiagnostic(file, profile)];
  const normalisations: Normalisation[] = [];
  for (const line of lines) {
    normalisations.push(...line.records);
    diagnostics.push(...line.diagnostics);
  }
  const logical = joinLines(lines, profile, normalisations);
  // Joins are recorded when they happen, after the lines in between: restore line order (stable).
  normalisations.sort((a, b) => a.line - b.line);
  return { file, lines: logical, normalisations, diagnostics };
}
