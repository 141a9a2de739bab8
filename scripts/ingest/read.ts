/**
 * Stage 1 — read: seed bytes → decoded physical lines.
 *
 * `readSeed` is pure (bytes in, SourceFile out). It detects the encoding (UTF-8 with or without BOM,
 * UTF-16LE/BE with BOM, GB18030/GBK without BOM), refuses empty and binary input with a diagnostic,
 * and splits the text into physical lines on LF, CRLF and CR. `readSeedFile` and `listSeedFiles`
 * are the only impure parts and stay tiny.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import type { Diagnostic, ReadResult, SourceFile } from './model.ts';

// ---------------------------------------------------------------------------
// Stage rules

/** Share of control bytes (other than tab, LF, CR, FF) above which a file counts as binary. */
const BINARY_CONTROL_SHARE = 0.05;
/**
 * Share of multi-byte UTF-8 sequences that must be well formed for an invalid file to be read as
 * "UTF-8 with a few bad bytes" rather than as GB18030. GBK text read as UTF-8 is nearly all errors,
 * UTF-8 with a stray byte is nearly all valid, so anything in between is not a close call.
 */
const UTF8_VALID_SHARE = 0.9;
/** Share of GB18030 multi-byte sequences allowed to be malformed before the file counts as undecodable. */
const GB18030_BAD_SHARE = 0.01;
/** Share of bad bytes up to which a file that fits no encoding is still read as lossy UTF-8 rather than refused. */
const LOSSY_BYTE_SHARE = 0.01;
/** Line terminators: CRLF first so it is one break, not two. */
const LINE_BREAK = /\r\n|\r|\n/;
/** Whitespace-only text, including the ideographic space and a stray BOM. */
const ONLY_WHITESPACE = /^[\s\u3000\ufeff]*$/;
/**
 * Largest seed file built, in bytes: ten times the largest real seed (004, 0.2 MB, sixteen documents).
 * The site's cost grows with a document's size (a 2 MB document already takes minutes to build), so a
 * 20 MB dump is refused with a message instead of stalling the build (tests/site/hostile.test.ts).
 */
export const MAX_SEED_BYTES = 2 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Public API

/** Decodes one seed file's bytes into physical lines; `file` is the name relative to seeds/. */
export function readSeed(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { source: null, diagnostics: [emptyDiagnostic(file)] };
  if (bytes.length > MAX_SEED_BYTES) return { source: null, diagnostics: [tooLargeDiagnostic(file, bytes.length)] };
  const decoded = decode(file, bytes);
  if ('error' in decoded) return { source: null, diagnostics: [decoded.error] };
  const { text, encoding, bom, diagnostics } = decoded;
  if (ONLY_WHITESPACE.test(text)) return { source: null, diagnostics: [...diagnostics, emptyDiagnostic(file)] };
  if (text.includes('\u0000')) return { source: null, diagnostics: [binaryDiagnostic(file, 'contains NUL characters')] };
  const { lines, lineEnding } = splitLines(text);
  const source: SourceFile = { file, encoding, bom, lineEnding, lines, byteLength: bytes.length };
  return { source, diagnostics };
}

/** Reads a seed file from disk and decodes it with `readSeed`; an unreadable file becomes an error diagnostic. */
export function readSeedFile(path: string): ReadResult {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    const message = `Cannot read seed file ${path}: ${(cause as Error).message}`;
    return {
      source: null,
      diagnostics: [{ severity: 'error', code: 'read/unreadable', message, file, line: 0, hint: 'Check that the file exists and is readable.' }],
    };
  }
  return readSeed(file, bytes);
}

/** Paths of the `*.txt` seed files in `dir`, sorted by file name (code-point order, so 000_ < 001_). */
export function listSeedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.txt$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

/** Splits decoded text into physical lines (terminators removed) and names the line-ending style. */
export function splitLines(text: string): { lines: string[]; lineEnding: SourceFile['lineEnding'] } {
  const lines = text.split(LINE_BREAK);
  // A final terminator ends the last line; it does not start an empty one (the `wc -l` view).
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { lines, lineEnding: lineEndingOf(text) };
}

// ---------------------------------------------------------------------------
// Encoding detection

type Encoding = SourceFile['encoding'];
type Decoded = { text: string; encoding: Encoding; bom: boolean; diagnostics: Diagnostic[] } | { error: Diagnostic };

function decode(file: string, bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(file, bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(file, bytes, 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;

  const controls = countControlBytes(body);
  if (controls.nul > 0) {
    return { error: binaryDiagnostic(file, `contains ${controls.nul} NUL byte(s)`, 'If it is UTF-16 text, save it with a byte-order mark or as UTF-8.') };
  }
  if (controls.other >= 2 && controls.other / body.length > BINARY_CONTROL_SHARE) {
    const share = ((100 * controls.other) / body.length).toFixed(1);
    return { error: binaryDiagnostic(file, `${share}% of its bytes are control characters`) };
  }

  // Node's native check first (simdutf, the same RFC 3629 rules); the byte loop below runs only to report a bad file.
  if (isUtf8(body)) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom, diagnostics: [] };
  const utf8 = scanUtf8(body);
  if (utf8.bad === 0) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom, diagnostics: [] };

  const multiByte = utf8.valid + utf8.bad;
  if (bom || utf8.valid / multiByte >= UTF8_VALID_SHARE) return lossyUtf8(file, body, bom, utf8);

  const gb = scanGb18030(body);
  if (gb.bad <= GB18030_BAD_SHARE * (gb.valid + gb.bad)) return decodeGb18030(file, body, utf8.bad, gb);

  // Mostly ASCII with a stray byte or two: neither encoding fits, but the text is still readable.
  if (utf8.bad <= LOSSY_BYTE_SHARE * body.length) return lossyUtf8(file, body, bom, utf8);
  return {
    error: binaryDiagnostic(
      file,
      `is neither UTF-8 (${utf8.bad} bad bytes) nor GB18030 (${gb.bad} bad bytes)`,
      'Convert the file to UTF-8 text, or remove it from seeds/ if it is not text.',
    ),
  };
}

function decodeGb18030(file: string, body: Uint8Array, utf8Bad: number, gb: { bad: number; firstBad: number }): Decoded {
  const diagnostics: Diagnostic[] = [
    {
      severity: 'info',
      code: 'read/gb18030',
      message: `Not valid UTF-8 (${utf8Bad} bad byte(s)); decoded as GB18030`,
      file,
      line: 0,
      hint: 'Save the seed as UTF-8 to make its encoding explicit.',
    },
  ];
  if (gb.bad > 0) {
    const line = lineAtOffset(body, gb.firstBad);
    diagnostics.push({
      severity: 'warning',
      code: 'read/lossy-gb18030',
      message: `${gb.bad} malformed GB18030 sequence(s) decoded as U+FFFD; the first is on line ${line}`,
      file,
      line,
      hint: 'Check the seed for corrupted bytes around that line.',
    });
  }
  return { text: iconv.decode(body, 'gb18030'), encoding: 'gb18030', bom: false, diagnostics };
}

function lossyUtf8(file: string, body: Uint8Array, bom: boolean, utf8: { bad: number; firstBad: number }): Decoded {
  const line = lineAtOffset(body, utf8.firstBad);
  const message = `${utf8.bad} invalid UTF-8 byte(s) replaced with U+FFFD; the first is at byte ${utf8.firstBad + (bom ? 3 : 0)} on line ${line}`;
  const hint = 'Re-export the seed as clean UTF-8; the replaced characters are lost in this build.';
  const diagnostic: Diagnostic = { severity: 'warning', code: 'read/lossy-utf8', message, file, line, hint };
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom, diagnostics: [diagnostic] };
}

function decodeUtf16(file: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const first = text.indexOf('\ufffd');
    const line = first < 0 ? 0 : countLineBreaks(text, first) + 1;
    diagnostics.push({
      severity: 'warning',
      code: 'read/lossy-utf16',
      message: `Malformed ${encoding.toUpperCase()} (odd length or unpaired surrogate) decoded as U+FFFD${line ? `, first on line ${line}` : ''}`,
      file,
      line,
      hint: 'Re-export the seed as UTF-8.',
    });
  }
  if (controlShare(text) > BINARY_CONTROL_SHARE) return { error: binaryDiagnostic(file, 'decodes to mostly control characters') };
  return { text, encoding, bom: true, diagnostics };
}

/** Counts NUL bytes and other C0 control bytes except tab, LF, CR, FF (the same in UTF-8 and GB18030). */
function countControlBytes(bytes: Uint8Array): { nul: number; other: number } {
  // Native scans over a Latin-1 view (one character per byte): a JavaScript loop over every byte was 3% of the ingest.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return { nul: latin1.match(/\x00/g)?.length ?? 0, other: latin1.match(/[\x01-\x08\x0b\x0e-\x1f\x7f]/g)?.length ?? 0 };
}

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

/** Counts well-formed and malformed multi-byte UTF-8 sequences (RFC 3629: no overlongs, no surrogates). */
function scanUtf8(bytes: Uint8Array): { valid: number; bad: number; firstBad: number } {
  let valid = 0;
  let bad = 0;
  let firstBad = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0 && i + need < n;
    if (ok) {
      const b1 = bytes[i + 1];
      ok = b1 >= lo && b1 <= hi;
      for (let k = 2; ok && k <= need; k++) {
        const bk = bytes[i + k];
        ok = bk >= 0x80 && bk <= 0xbf;
      }
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
    }
  }
  return { valid, bad, firstBad };
}

/** Counts well-formed and malformed GB18030 multi-byte sequences (2-byte and 4-byte forms). */
function scanGb18030(bytes: Uint8Array): { valid: number; bad: number; firstBad: number } {
  let valid = 0;
  let bad = 0;
  let firstBad = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const b1 = i + 1 < n ? bytes[i + 1] : -1;
    if (b >= 0x81 && b <= 0xfe && ((b1 >= 0x40 && b1 <= 0x7e) || (b1 >= 0x80 && b1 <= 0xfe))) {
      valid++;
      i += 2;
    } else if (
      b >= 0x81 &&
      b <= 0xfe &&
      b1 >= 0x30 &&
      b1 <= 0x39 &&
      i + 3 < n &&
      bytes[i + 2] >= 0x81 &&
      bytes[i + 2] <= 0xfe &&
      bytes[i + 3] >= 0x30 &&
      bytes[i + 3] <= 0x39
    ) {
      valid++;
      i += 4;
    } else {
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
    }
  }
  return { valid, bad, firstBad };
}

// ---------------------------------------------------------------------------
// Lines

function lineEndingOf(text: string): SourceFile['lineEnding'] {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x0a) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

/** 1-based physical line of a byte offset (LF, CRLF and lone CR each end a line). */
function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

function countLineBreaks(text: string, end: number): number {
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) breaks++;
  }
  return breaks;
}

// ---------------------------------------------------------------------------
// Diagnostics

function emptyDiagnostic(file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'read/empty',
    message: `Seed file ${file} is empty or contains only whitespace`,
    file,
    line: 0,
    hint: 'Put the extracted document text in the file, or remove it from seeds/.',
  };
}

function tooLargeDiagnostic(file: string, size: number): Diagnostic {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    severity: 'error',
    code: 'read/too-large',
    message: `Seed file ${file} is ${mb(size)}; seeds over ${mb(MAX_SEED_BYTES)} are not built`,
    file,
    line: 0,
    hint: 'Split it into one file per document, or raise MAX_SEED_BYTES in scripts/ingest/read.ts if it really is one text.',
  };
}

function binaryDiagnostic(file: string, why: string, hint?: string): Diagnostic {
  return {
    severity: 'error',
    code: 'read/binary',
    message: `Seed file ${file} does not look like text: it ${why}`,
    file,
    line: 0,
    hint: hint ?? 'Seeds must be plain text (UTF-8, UTF-16 with BOM, or GB18030); convert it or remove it from seeds/.',
  };
}
