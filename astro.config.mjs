// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteConfig } from './scripts/site/config.ts';
import { generatedMdxProcessor } from './scripts/site/mdx-processor.ts';

// SITE_URL (scripts/site/config.ts) gives the origin and base path, so Astro,
// paths.ts, the sitemap and canonical URLs all agree.
const { origin, base } = siteConfig();

export default defineConfig({
  site: origin + base,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External CSS/JS only: a strict Content-Security-Policy (no 'unsafe-inline')
    // then covers every page, and the offline copy can rewrite each file once.
    inlineStylesheets: 'never',
  },
  vite: { build: { assetsInlineLimit: 0 } },
  // Sätteri without the JavaScript hast plugins the generated pages never need (see the module).
  integrations: [mdx({ processor: generatedMdxProcessor() })],
});
