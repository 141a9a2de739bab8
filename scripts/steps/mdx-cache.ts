/**
 * The compiled-MDX cache of Astro's process (astro.config.mjs): each generated page's compiled module, kept
 * in .build/cache/mdx.pack (pack-cache.ts) by the page's MDX, file and front matter and a fingerprint of the
 * compiler (the lean processor's code, package-lock.json, the Node version), so an unchanged page is read,
 * not compiled again.
 * The build asks for it through the environment of Astro's process (astro-step.ts): `read` for a build that
 * may use caches, `write` for `--clean`, which compiles every page and keeps the results for the next build.
 * Without the variable (`astro dev`, `astro build` run by hand) there is no cache. After Astro's build the
 * new pack, with only the entries it used, replaces the old one.
 *
 * Each page's long HTML strings, which its module reads when it renders (scripts/site/module-html.ts), are
 * files in .build/cache/mdx-html/ named by their content hash: a file is written by the build that first
 * compiles the page (and again by a clean build if its bytes differ), and removed by the first build that no
 * longer uses it. A pack entry is its file's name, a line break, then the module's code; an entry whose file
 * is gone is compiled anew.
 */
import fs from 'node:fs';
import path from 'node:path';
import { codeFingerprint, contentKey } from './cache.ts';
import { PackCache } from './pack-cache.ts';
import type { CompiledMdxStore } from '../site/mdx-processor.ts';
import { putWholeFile } from '../contract/whole-file.ts';

/** The environment variable that turns the cache on: `read` or `write`. */
export const MDX_CACHE_ENV = 'POLICY_ATLAS_MDX_CACHE';

/** What the compiled code depends on besides the page: the processor and, through package-lock.json, the compiler. */
const MDX_CODE = ['scripts/site/mdx-processor.ts', 'scripts/site/module-html.ts'];

/** The variable for Astro's process: read the cache unless the build is clean. */
export function mdxCacheEnv(clean: boolean): Record<string, string> {
  return { [MDX_CACHE_ENV]: clean ? 'write' : 'read' };
}

/** A compiled-MDX store on a {@link PackCache}, with what Astro's process must call when its build is done. */
export interface MdxCache extends CompiledMdxStore {
  /** Puts the new pack, with the entries this build used, in place of the old one. */
  finish(): void;
  /** "2,010 of 2,020 from the cache". */
  summary(): string;
}

/** The cache the environment asks for, or null when it asks for none. */
export function mdxCacheFromEnv(env: NodeJS.ProcessEnv = process.env, cacheDir?: string): MdxCache | null {
  const mode = env[MDX_CACHE_ENV];
  if (mode !== 'read' && mode !== 'write') return null;
  const cache = new PackCache('mdx', mode === 'read', cacheDir);
  const htmlDir = path.resolve(cache.dir, 'mdx-html');
  fs.mkdirSync(htmlDir, { recursive: true });
  // A clean build trusts no file of the previous one's by its name: it keeps one only when it holds the same
  // bytes (putWholeFile), rather than deleting them all and making 2,000 new files, which on this machine's file
  // system makes every file created soon after slower (README, "Creating files").
  const usedHtml = new Set<string>();
  let code: string | undefined;
  const keyOf = (content: string, filePath: string, frontmatter: Record<string, unknown>) =>
    contentKey((code ??= codeFingerprint(MDX_CODE)), filePath, JSON.stringify(frontmatter), content);
  const htmlFileThere = (entry: Buffer) => {
    const name = entry.toString('utf8', 0, entry.indexOf(10));
    if (name !== '' && !fs.existsSync(path.join(htmlDir, name))) return false;
    if (name !== '') usedHtml.add(name);
    return true;
  };
  return {
    get: (content, filePath, frontmatter) => {
      const entry = cache.get(keyOf(content, filePath, frontmatter), htmlFileThere);
      return entry?.toString('utf8', entry.indexOf(10) + 1);
    },
    set: (content, filePath, frontmatter, compiled, htmlFile) =>
      cache.set(keyOf(content, filePath, frontmatter), `${htmlFile === null ? '' : path.basename(htmlFile)}\n${compiled}`),
    keepHtml: (json) => {
      const name = `${contentKey(json).slice(0, 32)}.json`;
      const file = path.join(htmlDir, name);
      usedHtml.add(name);
      if (mode === 'write' || !fs.existsSync(file)) putWholeFile(file, json);
      return file;
    },
    finish: () => {
      cache.prune();
      for (const name of fs.readdirSync(htmlDir)) if (!usedHtml.has(name)) fs.rmSync(path.join(htmlDir, name), { force: true });
    },
    summary: () => cache.summary(),
  };
}
