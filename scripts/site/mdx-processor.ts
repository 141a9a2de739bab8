/**
 * The MDX processor Astro compiles the generated pages with: Sätteri's MDX compiler, as Astro's
 * default processor uses it, but without the hast plugins that processor runs in JavaScript.
 *
 * Why: those plugins (heading ids, image collection, Astro component metadata, script/style
 * collapsing) make Sätteri hand every node of every page over to JavaScript. On 2,000 documents
 * that was 9 of the 28 s Astro spent compiling. The MDX written by scripts/site/write-mdx.ts never
 * needs them: every heading is JSX with its own id, and there are no images, no imports, no
 * components with client directives, no scripts or styles. The built pages are byte-identical
 * with either processor; tests/unit/mdx-processor.test.ts checks the assumptions on real pages.
 */
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { readingHtmlFrom, takeOutLongHtml } from './module-html.ts';

/** What the MDX integration reads from a processor's compiled page (see @astrojs/mdx). */
export interface CompiledMdx {
  code: string;
  map: null;
  astroMetadata: AstroMetadata;
}

/** Astro's per-module metadata; generated pages hydrate nothing and import nothing. */
export interface AstroMetadata {
  hydratedComponents: never[];
  clientOnlyComponents: never[];
  serverComponents: never[];
  scripts: never[];
  propagation: 'none';
  containsHead: false;
  pageOptions: Record<string, never>;
}

/** The processor object `mdx({ processor })` accepts. */
export interface MdxProcessor {
  name: string;
  options: { features: Record<string, never> };
  createMdxRenderer(): Promise<{ process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<CompiledMdx> }>;
}

const DEFAULT_EXPORT = 'export default MDXContent;';

/**
 * Compiled pages kept between builds (scripts/steps/mdx-cache.ts), by everything the compiled code depends on:
 * the MDX, its file and its front matter (the compiler, this module and the Node version are the store's to
 * cover). Astro compiles every MDX module of the site on every build, unchanged or not, to bundle it: 300 of
 * the 2,096 pages of 2,020 documents compiled in 0.68 s; with one document added and the cache, Astro's main
 * thread took 30.7 CPU-s instead of 35.6. The store also keeps each page's long HTML out of its module
 * (module-html.ts).
 */
export interface CompiledMdxStore {
  /** The code compiled from these inputs before (any file it reads is there), or undefined. */
  get(content: string, filePath: string, frontmatter: Record<string, unknown>): string | undefined;
  /** Keeps `code`, which reads `htmlFile` (or nothing: null), for the next build. */
  set(content: string, filePath: string, frontmatter: Record<string, unknown>, code: string, htmlFile: string | null): void;
  /** Keeps a page's long HTML strings (as JSON) where its module can read them; returns that file's absolute path. */
  keepHtml(json: string): string;
}

/**
 * The page's compiled module: from `store` when it holds it, else compiled, its long HTML kept out of the
 * module by the store, and given to the store. Without a store (`astro dev`), the module as compiled.
 */
export async function compileOrReuse(
  store: CompiledMdxStore | null,
  content: string,
  filePath: string,
  frontmatter: Record<string, unknown>,
): Promise<CompiledMdx> {
  const kept = store?.get(content, filePath, frontmatter);
  if (kept !== undefined) return compiledModule(kept);
  const compiled = await compileGeneratedMdx(content, filePath, frontmatter);
  if (!store) return compiled;
  const keptOut = takeOutLongHtml(compiled.code);
  const htmlFile = keptOut.strings.length > 0 ? store.keepHtml(JSON.stringify(keptOut.strings)) : null;
  const code = htmlFile ? readingHtmlFrom(keptOut, htmlFile) : compiled.code;
  store.set(content, filePath, frontmatter, code, htmlFile);
  return compiledModule(code);
}

/** Compiles one generated MDX page to the module Astro expects (pure apart from the compiler). */
export async function compileGeneratedMdx(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<CompiledMdx> {
  const result = await mdxToJs(content, {
    // The same features Astro's default processor enables, so output stays identical.
    features: { gfm: true, smartPunctuation: true },
    fileURL: pathToFileURL(filePath),
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
  });
  // The MDX integration adds its own default export (vite-plugin-mdx-postprocess). Removed as
  // Astro's processor does it, searching only from the export on (the page text can be long).
  const at = result.code.lastIndexOf(DEFAULT_EXPORT);
  if (at < 0) throw new Error(`${filePath}: compiled MDX has no "${DEFAULT_EXPORT}"`);
  const code =
    result.code.slice(0, at) +
    result.code.slice(at).replace(/^export default MDXContent;\s*$/m, '') +
    `\nexport const frontmatter = ${JSON.stringify(frontmatter)};` +
    // Page headings come from the site data (Toc.astro), not from the MDX.
    '\nexport function getHeadings() { return []; }';
  return compiledModule(code);
}

/** The processor's result for compiled `code`: generated pages hydrate, import and propagate nothing. */
function compiledModule(code: string): CompiledMdx {
  return {
    code,
    map: null,
    astroMetadata: {
      hydratedComponents: [],
      clientOnlyComponents: [],
      serverComponents: [],
      scripts: [],
      propagation: 'none',
      containsHead: false,
      pageOptions: {},
    },
  };
}

/** The processor for astro.config.mjs: `mdx({ processor: generatedMdxProcessor(store) })`; `store` may be null (no cache). */
export function generatedMdxProcessor(store: CompiledMdxStore | null = null): MdxProcessor {
  return {
    name: 'policy-atlas-generated-mdx',
    options: { features: {} },
    async createMdxRenderer() {
      return { process: (content, filePath, frontmatter) => compileOrReuse(store, content, filePath, frontmatter) };
    },
  };
}
