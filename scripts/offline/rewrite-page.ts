/** One page of the offline copy: rewritten by offlinePage, with the module scripts it loads collected (pure). */
import { BANNER_STYLESHEET, isExcluded } from './offline-files.ts';
import { offlinePage } from './offline-page.ts';
import type { SiteFiles, SiteLocation } from './site-urls.ts';

/** What a page rewrite needs to know about the site. */
export interface PageRewriteContext {
  site: SiteLocation;
  files: SiteFiles;
  keepCanonical: boolean;
}

/** The offline form of page `file` and the module scripts it loads (site files, to be made classic). */
export function rewritePage(file: string, html: string, context: PageRewriteContext): { html: string; modules: string[] } {
  const modules: string[] = [];
  const classicScript = (script: string, page: string): string => {
    if (!context.files.files.has(script)) {
      throw new Error(
        `offline copy: ${page} loads the module script ${script}, which is not a file of the site; fix its <script src> (paths.ts gives site URLs)`,
      );
    }
    modules.push(script);
    return script;
  };
  const rewritten = offlinePage(html, {
    file,
    site: context.site,
    files: context.files,
    classicScript,
    isExcluded,
    keepCanonical: context.keepCanonical,
    bannerStylesheet: BANNER_STYLESHEET,
  });
  return { html: rewritten, modules };
}
