/**
 * Rewrites the url()s of a built stylesheet with a real CSS parser
 * (lightningcss, which Vite already uses), so fonts and images referenced from
 * CSS load in the offline copy.
 */
import { transform } from 'lightningcss';

/** Returns `css` (the stylesheet `file`) with every url() passed through `rewrite`; minified, as Vite wrote it. */
export function rewriteCssUrls(css: string, file: string, rewrite: (url: string) => string): string {
  const { code } = transform({
    filename: file,
    code: Buffer.from(css),
    minify: true,
    visitor: {
      Url(url) {
        return { ...url, url: rewrite(url.url) };
      },
    },
  });
  return code.toString();
}
