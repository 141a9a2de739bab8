/**
 * A compiled page's long HTML kept out of its module: each `set:html` string of at least
 * {@link MIN_KEPT_OUT} characters is replaced by a call that reads it, when the page renders, from a
 * JSON file of the page's strings (named by its content hash, so a changed page is a changed module).
 *
 * Why: a generated page is almost all static HTML in `set:html` strings (write-mdx.ts), and Astro bundles
 * every page module on every build, rendered or not. Through Rolldown's JavaScript plugin hooks each
 * module's code crosses between Rust (UTF-8) and JavaScript (UTF-16, two bytes a character for Chinese
 * text) several times: at 2,019 documents, 108 MB of modules, and a system profile of a one-added build put
 * 11 of the 31 CPU-seconds of Astro's main thread in that conversion alone. With the strings out of the
 * modules (12.8 MB of them left), in two interleaved pairs of one-added builds (2,019 → 2,020 documents):
 * Astro's main thread 29.9 → 21.4 and 32.1 → 21.0 CPU-s, the whole build 112.9 → 107.7 and 125.3 → 114.7;
 * in a clean build, the peak memory of Astro's process 2.19 → 1.24 GB.
 * The rendered pages are byte-identical: the same strings reach `set:html`.
 */

/** Strings shorter than this stay in the module: a call and a file read would cost more than they save. */
export const MIN_KEPT_OUT = 512;

/** The name the module calls to read its string `i` (no generated page uses it: they import nothing). */
const READER = '__keptOutHtml';

const SET_HTML = '"set:html": "';

/** A module's code with its long `set:html` strings taken out, and those strings in the order it reads them. */
export interface HtmlKeptOut {
  code: string;
  strings: string[];
}

/**
 * Takes the long `set:html` strings out of compiled MDX `code` (Sätteri's output: the property name and its
 * string literal as `"set:html": "…"`). The pattern cannot occur inside a string literal, where every `"` is
 * escaped. A literal JSON cannot read (a JavaScript-only escape) stays in place, so the result always
 * renders what the code did.
 */
export function takeOutLongHtml(code: string, minLength = MIN_KEPT_OUT): HtmlKeptOut {
  const strings: string[] = [];
  let out = '';
  let from = 0;
  for (let at = code.indexOf(SET_HTML); at >= 0; at = code.indexOf(SET_HTML, from)) {
    const start = at + SET_HTML.length - 1;
    const end = literalEnd(code, start);
    const literal = code.slice(start, end);
    const value = jsonString(literal);
    out += code.slice(from, start);
    if (value !== null && value.length >= minLength) {
      out += `${READER}(${strings.length})`;
      strings.push(value);
    } else {
      out += literal;
    }
    from = end;
  }
  return { code: out + code.slice(from), strings };
}

/** The module that reads its kept-out strings from `file` (an absolute path) the first time it renders. */
export function readingHtmlFrom(keptOut: HtmlKeptOut, file: string): string {
  if (keptOut.strings.length === 0) return keptOut.code;
  return (
    `import { readFileSync as ${READER}Read } from "node:fs";\n` +
    `let ${READER}Strings;\n` +
    `const ${READER} = (i) => (${READER}Strings ??= JSON.parse(${READER}Read(${JSON.stringify(file)}, "utf8")))[i];\n` +
    keptOut.code
  );
}

/** The index just past the double-quoted string literal that opens at `start`. */
function literalEnd(code: string, start: number): number {
  let i = start + 1;
  while (i < code.length && code[i] !== '"') i += code[i] === '\\' ? 2 : 1;
  if (i >= code.length) throw new Error('compiled MDX: a set:html string literal has no end');
  return i + 1;
}

/** The literal's value when it is also a JSON string (the value is then the same), else null. */
function jsonString(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
