/**
 * Security checks on built HTML: no inline event handlers, no `javascript:`
 * URLs, no executable script carrying text from the seeds, data scripts that
 * still parse (a seed that breaks out of one breaks its JSON), and seed
 * markup shown as text rather than run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { SiteDiagnostic } from './report.ts';

/** Finds long runs of seed text inside other text. */
export interface SeedIndex {
  /**
   * A piece of seed text found in `text` (its first indexed window), or null.
   * Every shared run of {@link SEED_MATCH_MIN} or more characters is found.
   */
  find(text: string): string | null;
}

// Seed text is indexed as WINDOW-character windows starting every STEP
// characters (whitespace removed, since the seeds are hard-wrapped). Any shared
// run of WINDOW + STEP - 1 characters contains one indexed window whole, so
// this finds every run at least that long while storing only 1/STEP windows.
const WINDOW = 12;
const STEP = 4;
/** Shortest run of seed text that is always found. */
export const SEED_MATCH_MIN = WINDOW + STEP - 1;

// Script types a browser executes (HTML "JavaScript MIME type essence match").
const EXECUTABLE_SCRIPT = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:javascript1\.[0-5]|jscript|livescript)|text\/x-javascript)$/;
const JSON_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/;
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'xLinkHref'];

/** Builds a {@link SeedIndex} over the given texts. */
export function buildSeedIndex(texts: readonly string[]): SeedIndex {
  const windows = new Set<string>();
  for (const text of texts) {
    const flat = squeeze(text);
    for (let at = 0; at + WINDOW <= flat.length; at += STEP) windows.add(flat.slice(at, at + WINDOW));
  }
  return {
    find(text: string): string | null {
      const flat = squeeze(text);
      for (let at = 0; at + WINDOW <= flat.length; at++) {
        const piece = flat.slice(at, at + WINDOW);
        if (windows.has(piece)) return piece;
      }
      return null;
    },
  };
}

/** Reads every seed file in `dir` as text (UTF-8, UTF-16 with BOM, else GB18030). */
export function readSeedTexts(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => decodeSeed(readFileSync(path.join(dir, name))));
}

/** Reports event-handler attributes, `javascript:` URLs, seed text in executable scripts and broken JSON scripts. */
export function findUnsafeMarkup(tree: Root, file: string, seeds: SeedIndex): SiteDiagnostic[] {
  const found: SiteDiagnostic[] = [];
  const report = (node: Element, code: string, message: string, hint: string): void => {
    found.push({ severity: 'error', code, message, hint, file, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 });
  };
  visit(tree, 'element', (node: Element) => {
    for (const [property, value] of Object.entries(node.properties)) {
      // hast names on* attributes onClick, onLoad…; no other HTML attribute starts with "on".
      if (/^on/i.test(property)) {
        report(
          node,
          'security/event-handler',
          `<${node.tagName} ${property.toLowerCase()}="…"> is an inline event handler`,
          'attach the listener in a bundled script; inline handlers defeat a strict Content-Security-Policy',
        );
      }
      if (URL_PROPERTIES.includes(property) && typeof value === 'string' && /^\s*javascript:/i.test(value)) {
        report(node, 'security/javascript-url', `<${node.tagName}> has a javascript: URL`, 'use a <button> and a bundled script instead');
      }
    }
    if (node.tagName !== 'script') return;
    const type = String(node.properties.type ?? '')
      .trim()
      .toLowerCase();
    const content = textOf(node);
    if (EXECUTABLE_SCRIPT.test(type)) {
      const excerpt = seeds.find(content);
      if (excerpt !== null) {
        report(
          node,
          'security/seed-in-script',
          `an executable <script> contains seed text "${excerpt}…"`,
          'render seed text as HTML text (escaped), or pass it as JSON in <script type="application/json"> / a data- attribute',
        );
      }
    } else if (JSON_SCRIPT.test(type) && content.trim() !== '') {
      try {
        JSON.parse(content);
      } catch (error) {
        report(
          node,
          'security/broken-json',
          `<script type="${type}"> is not valid JSON (${(error as Error).message}); its text may have broken out of the element`,
          'serialise with JSON.stringify and escape "<" as \\u003c',
        );
      }
    }
  });
  return found;
}

/** Checks that a page shows `payload` (seed text containing markup) literally and runs none of its scripts. */
export function checkHostileText(tree: Root, file: string, payload: string): SiteDiagnostic[] {
  const found: SiteDiagnostic[] = [];
  if (!squeeze(visibleText(tree)).includes(squeeze(payload))) {
    found.push({
      severity: 'error',
      code: 'security/hostile-not-literal',
      message: `the page does not show the seed text "${payload}" literally`,
      hint: 'render seed text with {text} (escaped), never set:html',
      file,
      line: 0,
    });
  }
  const payloadScripts: string[] = [];
  visit(fromHtml(payload, { fragment: true }), 'element', (node: Element) => {
    if (node.tagName === 'script' && textOf(node).trim() !== '') payloadScripts.push(textOf(node).trim());
  });
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'script') return;
    const content = textOf(node);
    const injected = payloadScripts.find((code) => content.includes(code));
    if (injected !== undefined) {
      found.push({
        severity: 'error',
        code: 'security/hostile-script',
        message: `a <script> element runs seed text "${injected}"`,
        hint: 'the seed text was inserted as HTML; render it as text',
        file,
        line: node.position?.start.line ?? 0,
        column: node.position?.start.column ?? 0,
      });
    }
  });
  return found;
}

/** The text a reader sees: all text except inside script, style and template. */
export function visibleText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type === 'element' && ['script', 'style', 'template'].includes(node.tagName)) return;
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return parts.join('');
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function decodeSeed(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
