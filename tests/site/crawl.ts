/**
 * The link crawler: checks that every internal URL on every page of a static
 * site names a file of the site, and every `#fragment` an id on the target.
 *
 * Used by links.test.ts on the served site and, with `offline: true`, on the
 * offline copy whose links must be relative and name files, not folders.
 */
import type { Diagnostic } from '../../scripts/ingest/model.ts';
import { normaliseBase } from '../../scripts/harness/static-server.ts';
import { collectPageLinks, type PageLinks } from './page-refs.ts';
import { resolveRef } from './resolve-ref.ts';
import { indexSite, loadPages, type SitePage } from './site-files.ts';

/** Options for {@link crawlSite}. */
export interface CrawlOptions {
  /** Folder of static HTML, e.g. `dist`. */
  root: string;
  /** Base path the site is served under (`/policy-atlas/`). Default `/`; ignored offline. */
  base?: string;
  /** Check as an offline copy opened over file://. Default false. */
  offline?: boolean;
  /** Deployed origin (Astro `site`), so absolute links to it are checked too. */
  site?: string;
  /** Pages already parsed by the caller, to avoid parsing twice. */
  pages?: SitePage[];
}

/** A broken link: file, line and column of the element, plus the URL as written. */
export interface LinkProblem extends Diagnostic {
  column: number;
  url: string;
}

/** A link to another origin or scheme, found but not fetched. */
export interface ExternalLink {
  url: string;
  file: string;
  line: number;
}

/** The outcome of a crawl. */
export interface CrawlResult {
  pages: number;
  /** Internal URLs checked (including fragments). */
  checked: number;
  external: ExternalLink[];
  problems: LinkProblem[];
}

// Fragments every browser handles without an element: "#" and "#top" scroll to
// the top (HTML "indicated part of the document"), ":~:" starts a text fragment.
const BUILTIN_FRAGMENTS = new Set(['', 'top']);

/** Crawls every page under `options.root` and reports each broken link. */
export function crawlSite(options: CrawlOptions): CrawlResult {
  const index = indexSite(options.root);
  const pages = options.pages ?? loadPages(options.root, index.list);
  const resolveOptions = { base: normaliseBase(options.base ?? '/'), offline: options.offline ?? false, site: options.site };
  const links = new Map<string, PageLinks>(pages.map((page) => [page.file, collectPageLinks(page.tree)]));
  const result: CrawlResult = { pages: pages.length, checked: 0, external: [], problems: [] };

  for (const [file, { refs, baseHref }] of links) {
    for (const ref of refs) {
      const where = { file, line: ref.line, column: ref.column, url: ref.url };
      const label = `${ref.element}[${ref.attribute}]`;
      const resolved = resolveRef(ref.url, file, baseHref, index, resolveOptions);
      if (resolved.kind === 'skip') continue;
      if (resolved.kind === 'external') {
        result.external.push({ url: resolved.url, file, line: ref.line });
        continue;
      }
      result.checked++;
      if (resolved.kind === 'problem') {
        result.problems.push({ severity: 'error', code: resolved.code, message: `${label} ${resolved.message}`, hint: resolved.hint, ...where });
        continue;
      }
      const { target, fragment } = resolved;
      const targetLinks = links.get(target);
      if (targetLinks === undefined || BUILTIN_FRAGMENTS.has(fragment) || fragment.startsWith(':~:')) continue;
      if (!targetLinks.anchors.has(fragment)) {
        result.problems.push({
          severity: 'error',
          code: 'link/fragment',
          message: `${label} "${ref.url}": ${target} has no element with id="${fragment}"`,
          hint: 'ids are case-sensitive; link to an id the target page renders, or add the id there',
          ...where,
        });
      }
    }
  }
  return result;
}
