/**
 * The Content-Security-Policy for the hosted site. Every script and stylesheet
 * is an external file from the site itself (astro.config.mjs turns inlining
 * off), so no 'unsafe-inline' is needed. The search page's opt-in extended
 * search loads Pagefind, which runs WebAssembly: that needs 'wasm-unsafe-eval'
 * (it allows compiling WebAssembly only, not eval of JavaScript).
 * tests/site/hosting.test.ts serves the site with this header
 * and checks that no page reports a violation.
 */

/** Directives, in the order they are sent. */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The header value: `default-src 'self'; script-src …`. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
