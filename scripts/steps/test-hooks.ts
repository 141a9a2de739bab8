/**
 * Failures a test can ask the build for, through the environment, so the tests of a failed build need no
 * hostile seed (nothing in a seed is ever executed or compiled as code) and no edit of the sources.
 */

/** When "1", the site step writes the first document's page with an MDX syntax error, so Astro fails on it. */
export const BREAK_PAGE_ENV = 'POLICY_ATLAS_TEST_BREAK_PAGE';

/** Under {@link BREAK_PAGE_ENV}, the MDX to write for the `index`-th document page instead of `mdx`: a page Astro cannot compile; else undefined. */
export function pageForTest(index: number, mdx: () => string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return index === 0 && env[BREAK_PAGE_ENV] === '1' ? `${mdx()}\n\n{ an expression that never closes\n` : undefined;
}
