/**
 * Lists the imports of a source file and checks them against the stage table (stages.ts).
 * A small lexer of our own, not a parser: TypeScript 7's package has no JavaScript compiler API, esbuild drops
 * type-only imports before it reports any, and neither reads .astro files. The lexer only needs to know what is
 * code and what is a string, comment, template or regular expression, so that an `import` inside a string (the
 * benchmark writes Astro pages as template strings) is never taken for one; on the 400 files of the tree it
 * runs in well under a second.
 */
import path from 'node:path';
import { type StageEntry, STAGE_TABLE, stageOf } from './stages.ts';

/** One import found in a file. */
export interface ImportRef {
  /** The specifier as written. */
  specifier: string;
  /** `import type …` / `export type … from`: erased when compiled, so it never runs. */
  typeOnly: boolean;
  /** 1-based line of the import. */
  line: number;
}

/** Which part of a file is code and which is string contents: strings become `"§<n>"` placeholders. */
function maskStrings(code: string): { masked: string; strings: string[] } {
  const strings: string[] = [];
  let masked = '';
  let i = 0;
  // Whether a `/` here starts a regular expression (after an operator or keyword) rather than a division.
  const regexAllowed = (): boolean => {
    const before = masked.trimEnd();
    if (before === '') return true;
    if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(before)) return true;
    return /\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(before);
  };
  while (i < code.length) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? code.length : end;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const comment = code.slice(i, end === -1 ? code.length : end + 2);
      masked += comment.replace(/[^\n]/g, ' ');
      i += comment.length;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      strings.push(code.slice(i + 1, j));
      masked += `"§${strings.length - 1}"`;
      i = j + 1;
    } else if (c === '`') {
      // A template's text is never an import; its ${…} parts are code, but none of ours import anything.
      let j = i + 1;
      let depth = 0;
      while (j < code.length && !(code[j] === '`' && depth === 0)) {
        if (code[j] === '\\') j++;
        else if (code[j] === '$' && code[j + 1] === '{') depth++;
        else if (code[j] === '}' && depth > 0) depth--;
        j++;
      }
      masked += code.slice(i, j + 1).replace(/[^\n]/g, ' ');
      i = j + 1;
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== '\n' && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      masked += ' '.repeat(j + 1 - i);
      i = j + 1;
    } else {
      masked += c;
      i++;
    }
  }
  return { masked, strings };
}

const STATIC_IMPORT = /\b(import|export)\s+(type\s+)?(?:[\w*${}\s,]*?\s+from\s*)?"§(\d+)"/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*"§(\d+)"\s*\)/g;

/** Every import of a TypeScript or JavaScript source: static, re-export and dynamic with a string literal. */
export function importsOfScript(code: string, firstLine = 1): ImportRef[] {
  const { masked, strings } = maskStrings(code);
  const lineAt = (index: number) => firstLine + (masked.slice(0, index).match(/\n/g)?.length ?? 0);
  const found: ImportRef[] = [];
  for (const m of masked.matchAll(STATIC_IMPORT)) {
    found.push({ specifier: strings[Number(m[3])], typeOnly: m[2] !== undefined, line: lineAt(m.index) });
  }
  for (const m of masked.matchAll(DYNAMIC_IMPORT)) found.push({ specifier: strings[Number(m[1])], typeOnly: false, line: lineAt(m.index) });
  return found.sort((a, b) => a.line - b.line);
}

/** Every import of a file; for an .astro file, those of its frontmatter and of its <script> blocks. */
export function importsOf(file: string, text: string): ImportRef[] {
  if (!file.endsWith('.astro')) return importsOfScript(text);
  const found: ImportRef[] = [];
  const lineOf = (index: number) => 1 + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) found.push(...importsOfScript(front[1], 2));
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    found.push(...importsOfScript(m[1], lineOf(m.index + m[0].indexOf('>') + 1)));
  }
  return found;
}

/** An import that breaks the layout's rules. */
export interface Violation {
  file: string;
  line: number;
  target: string;
  message: string;
}

/**
 * Checks one import of `file` (repository-relative) that resolves to `target`; returns the rule it breaks, or null.
 * Files outside the table's folders (content/, package.json) are not checked.
 */
export function checkImport(file: string, target: string, typeOnly: boolean, table: readonly StageEntry[] = STAGE_TABLE): string | null {
  const from = stageOf(file, table);
  const to = stageOf(target, table);
  if (!from || !to) return null;
  if (target.startsWith('tests/') && !file.startsWith('tests/')) return 'nothing outside tests/ may import tests/';
  if (to.rank > from.rank) return `${from.stage} (${from.folder}) may not import later stage ${to.stage} (${to.folder})`;
  if (file.startsWith('scripts/') && target.startsWith('src/')) {
    return 'build code under scripts/ may not import src/; move what both need to shared/';
  }
  if (!typeOnly && from.runs !== 'build' && to.runs === 'build') {
    return `${from.runs} code (${from.folder}) may not run build-only code (${to.folder}); import it with \`import type\` or move it to shared/`;
  }
  return null;
}

/** Checks every relative import of the given files (path → text) against the table. */
export function checkFiles(files: ReadonlyMap<string, string>, table: readonly StageEntry[] = STAGE_TABLE): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    for (const ref of importsOf(file, text)) {
      if (!ref.specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.specifier));
      const message = checkImport(file, target, ref.typeOnly, table);
      if (message) violations.push({ file, line: ref.line, target, message: `${file}:${ref.line} → ${target}: ${message}` });
    }
  }
  return violations;
}
