/**
 * Gives the search client's <script src> a version: the client is bundled
 * after Astro wrote the pages, so the build puts "?v=<hash of the bundle>" on
 * the pages that load it, and hosts may cache search/search.js for good.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The first 12 hex digits of the SHA-256 of `bytes`. */
export function contentVersion(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** `html` with every `src="…<script path>"` (no query yet) followed by `?v=<version>`. */
export function versionScriptSrc(html: string, scriptPath: string, version: string): string {
  const escaped = scriptPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`(\\ssrc="[^"?#]*${escaped})"`, 'g'), `$1?v=${version}"`);
}

/** Versions the references to `scriptPath` (site-relative) in the given HTML files of siteDir; returns the version. */
export function versionClientReferences(siteDir: string, scriptPath: string, htmlFiles: readonly string[]): string {
  const version = contentVersion(readFileSync(path.join(siteDir, scriptPath)));
  for (const file of htmlFiles) {
    const full = path.join(siteDir, file);
    const html = readFileSync(full, 'utf8');
    const versioned = versionScriptSrc(html, scriptPath, version);
    if (versioned === html) throw new Error(`search step: ${file} does not load ${scriptPath}`);
    writeFileSync(full, versioned);
  }
  return version;
}
