// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteConfig } from './scripts/urls/config.ts';
import { generatedMdxProcessor } from './scripts/site/mdx-processor.ts';
import { STAGED_SITE } from './scripts/steps/staging.ts';
import { mdxCacheFromEnv } from './scripts/steps/mdx-cache.ts';

// SITE_URL (scripts/urls/config.ts) gives the origin and base path, so Astro,
// paths.ts, the sitemap and canonical URLs all agree.
const { origin, base } = siteConfig();

// The build's compiled-MDX cache (scripts/steps/mdx-cache.ts); null unless `npm run build` asked for it.
const mdxCache = mdxCacheFromEnv();
/** @type {import('astro').AstroIntegration[]} */
const mdxCacheHooks = mdxCache
  ? [
      {
        name: 'policy-atlas-mdx-cache',
        hooks: {
          'astro:build:done': () => {
            mdxCache.finish();
            console.log(`build: astro: compiled MDX pages, ${mdxCache.summary()}`);
          },
        },
      },
    ]
  : [];

export default defineConfig({
  site: origin + base,
  base,
  trailingSlash: 'always',
  // The build publishes the staged site as dist/ only once every step has succeeded (scripts/steps/staging.ts).
  outDir: STAGED_SITE,
  build: {
    format: 'directory',
    // External CSS/JS only: a strict Content-Security-Policy (no 'unsafe-inline')
    // then covers every page, and the offline copy can rewrite each file once.
    inlineStylesheets: 'never',
    // Four pages rendered at a time, so one page's file write overlaps the next page's rendering:
    // with one at a time, the render phase of 2,000 documents left the thread idle for 8 of its
    // 44 s. Measured on 2,000 documents, two interleaved pairs: render phase 33.6 → 30.9 s and
    // 42.0 → 33.2 s, Astro in all 88.2 → 82.7 s and 109.1 → 96.8 s. Pages do not share mutable
    // state (src/lib/ only caches the site data), so the output is the same.
    concurrency: 4,
  },
  // Pages whose cacheKey (src/lib/page-keys.ts), code and MDX entry are unchanged since the previous build
  // are copied from Astro's cache (node_modules/.astro/) instead of rendered; `npm run build -- --clean`
  // removes its record first (scripts/steps/astro-cache.ts). Works with the render concurrency above:
  // Astro 7.3.5 consults the cache on both its paths.
  experimental: { incrementalBuild: true },
  vite: { build: { assetsInlineLimit: 0 } },
  // Sätteri without the JavaScript hast plugins the generated pages never need (see the module), its
  // compiled pages kept between builds when the build asks for it.
  integrations: [mdx({ processor: generatedMdxProcessor(mdxCache) }), ...mdxCacheHooks],
});
