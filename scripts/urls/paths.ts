/**
 * Every URL the site links to, in one place, so pages, MDX, data files and
 * tests agree. All paths are ASCII and end in "/" (directory pages).
 */
import { siteConfig } from './config.ts';

const { base } = siteConfig();

/** Prefixes a site path ("docs/x/") with the configured base path. */
export function withBase(path: string): string {
  return base + path.replace(/^\//, '');
}

export const paths = {
  home: () => withBase(''),
  doc: (id: string) => withBase(`docs/${id}/`),
  task: (id: string, eid: string) => withBase(`docs/${id}/#${eid}`),
  source: (id: string) => withBase(`docs/${id}/source/`),
  sourceLine: (id: string, line: number) => withBase(`docs/${id}/source/#L${line}`),
  departments: () => withBase('departments/'),
  department: (slug: string) => withBase(`departments/${slug}/`),
  concepts: () => withBase('concepts/'),
  concept: (id: string) => withBase(`concepts/${id}/`),
  conceptCandidates: () => withBase('concepts/candidates/'),
  compare: () => withBase('compare/'),
  comparePair: (a: string, b: string) => withBase(`compare/${a}--${b}/`),
  search: () => withBase('search/'),
  data: (file: string) => withBase(`data/${file}`),
  /** An original file, by its published path (`data/originals/<name>`). */
  original: (published: string) => withBase(published),
  relations: () => withBase('relations/'),
  timeline: () => withBase('timeline/'),
  /** An Atom feed by name: "all", "regions/<slug>", "concepts/<id>" (see scripts/urls/feed-names.ts). */
  feed: (name: string) => withBase(`feeds/${name}.xml`),
} as const;
