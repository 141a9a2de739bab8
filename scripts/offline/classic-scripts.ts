/**
 * Module scripts → classic scripts for the offline copy. Over file:// the page
 * has origin null and Chromium refuses to fetch module scripts (CORS), while
 * classic `<script src>` still loads. esbuild bundles each module entry with the
 * chunks it imports into one self-contained IIFE.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { SiteLocation } from './site-urls.ts';

/** One bundled script: the module's site file and the classic code that replaces it. */
export interface ClassicScript {
  /** Site file of the module script, e.g. `_astro/page.Bx1.js`. */
  file: string;
  code: string;
}

/** Bundles each module script (site files under `siteDir`) into a classic script; throws when one cannot be. */
export async function bundleClassicScripts(siteDir: string, modules: readonly string[], site: SiteLocation): Promise<ClassicScript[]> {
  if (modules.length === 0) return [];
  const root = path.resolve(siteDir);
  const entryPoints = Object.fromEntries(modules.map((file) => [file.replace(/\.m?js$/, ''), path.join(root, file)]));
  const result = await build({
    entryPoints,
    outdir: root,
    bundle: true,
    format: 'iife',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [siteImports(root, site)],
  }).catch((cause: unknown) => {
    throw new Error(`offline copy: esbuild could not bundle ${modules.join(', ')} as classic scripts (see cause)`, { cause });
  });
  // import.meta has no meaning in a classic script; esbuild would silently make it {}.
  const importMeta = result.warnings.filter((warning) => /import\.meta/.test(warning.text));
  if (importMeta.length > 0) {
    const where = importMeta.map((w) => `${w.location?.file ?? '?'}:${w.location?.line ?? 0}`).join(', ');
    throw new Error(`offline copy: a client script uses import.meta (${where}), which classic scripts cannot; read location or document.currentScript instead`);
  }
  return result.outputFiles.map((output) => ({
    file: path.relative(root, output.path).split(path.sep).join('/'),
    code: output.text,
  }));
}

/**
 * Resolves imports written as site URLs ("/policy-atlas/_astro/x.js") to the
 * built files, and leaves other absolute URLs (e.g. Pagefind's, imported
 * dynamically only when served over http) to load at run time.
 */
function siteImports(root: string, site: SiteLocation): Plugin {
  return {
    name: 'site-imports',
    setup(context) {
      context.onResolve({ filter: /^(?:\/|[a-z][a-z0-9+.-]*:)/i }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const url = new URL(args.path, site.origin + site.base);
        if (url.origin === new URL(site.origin).origin && url.pathname.startsWith(site.base)) {
          const file = path.join(root, decodeURIComponent(url.pathname.slice(site.base.length)));
          if (existsSync(file) && file.endsWith('.js')) return { path: file };
        }
        return { path: args.path, external: true };
      });
    },
  };
}
