/**
 * Which built site the site checks look at: dist/ by default, or the folder
 * in SITE_DIR. Its origin and base path come from SITE_URL, exactly as the
 * build reads them (scripts/urls/config.ts); SITE_BASE overrides the base,
 * e.g. for a fixture site.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { normaliseBase } from '../../scripts/harness/static-server.ts';
import { siteConfig } from '../../scripts/urls/config.ts';

/** The site under test. */
export interface SiteUnderTest {
  /** Absolute path of the folder. */
  dir: string;
  /** The folder as given, for messages (`dist`, `tests/fixtures/site/basic`). */
  label: string;
  /** Normalised base path (`/` or `/x/`). */
  base: string;
  /** Origin the site was built for, so absolute links to it (canonical URLs) are checked too. */
  site: string;
}

/** Reads SITE_DIR / SITE_URL / SITE_BASE; throws with a how-to-fix message when there is no built site. */
export function siteUnderTest(env: NodeJS.ProcessEnv = process.env): SiteUnderTest {
  const label = env.SITE_DIR?.trim() || 'dist';
  const dir = path.resolve(label);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `site checks: ${label}/ does not exist. Build the site first (npm run build) or point SITE_DIR at a built site, e.g. SITE_DIR=tests/fixtures/site/basic SITE_BASE=/policy-atlas/`,
    );
  }
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`site checks: ${label}/index.html is missing, so ${label}/ is not a built site (did the build fail?)`);
  }
  const built = siteConfig(env.SITE_URL || undefined);
  const base = normaliseBase(env.SITE_BASE?.trim() || built.base);
  return { dir, label, base, site: built.origin };
}
