/**
 * A small static file server for the built site (node:http only).
 *
 * Used by `npm run preview` and by the browser tests. It behaves like the
 * static hosts the site is deployed to: files are served under the base path,
 * a folder serves its index.html, a missing file serves 404.html with status
 * 404, and nothing outside the root folder can ever be read.
 *
 * Hand-written because the kept libraries do not behave like those hosts. Served the requests of
 * tests/site/tools/static-server.test.ts (36), each behind the same base-path prefix strip:
 * sirv 3.0.2 answered 25 differently — it served a symlink pointing outside the root (the test's
 * secret file), never redirects a folder to its trailing slash, answers POST with the page, gives
 * 404 for a broken percent-escape and no Content-Type for Pagefind's index files; serve-handler
 * 6.1.8 answered 20 differently — a 500 (an uncaught TypeError) for a NUL byte in the path,
 * redirects that drop the base path (/policy-atlas/docs/a → /docs/a/), /about redirected instead of
 * served from about.html, .js as application/javascript (it pins mime-types 2.1.18), POST answered.
 * Wrapping either to fix that would keep most of this file and add a dependency.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Options for {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder to serve, e.g. `dist`. */
  root: string;
  /** URL path the folder appears under, e.g. `/policy-atlas/`. Default `/`. */
  base?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Loopback address to bind. Default `127.0.0.1`; other hosts are refused. */
  host?: string;
}

/** A running server: its base URL (ending in the base path) and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Content types by file extension; anything else is served as octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

// Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter and
// wasm.*.pagefind) are gzip blobs that its JS fetches and inflates itself, so
// they must reach it untouched as bytes.
const PAGEFIND_FILE = /\.(?:pf_[a-z]+|pagefind)$/;

/** The Content-Type header for a file name. */
export function contentTypeFor(file: string): string {
  if (PAGEFIND_FILE.test(file)) return 'application/octet-stream';
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Normalises a base path to start and end with `/` (`policy-atlas` → `/policy-atlas/`). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|localhost)$/;

/** Starts serving `root` under `base`; resolves once the port is bound. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  const base = normaliseBase(options.base ?? '/');
  if (!LOOPBACK.test(host)) {
    throw new Error(`static server: refusing to bind "${host}"; it only listens on loopback (use 127.0.0.1)`);
  }
  let root: string;
  try {
    root = await realpath(options.root);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch (cause) {
    throw new Error(`static server: cannot serve "${options.root}": no such folder (build the site first, e.g. npm run build)`, { cause });
  }

  const server = createServer((req, res) => {
    handle(req, res, root, base).catch((error: unknown) => {
      // A client that goes away mid-stream is normal; anything else is a bug worth a 500.
      if (!res.headersSent) sendText(res, 500, `internal error: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) => reject(new Error(`static server: cannot listen on ${host}:${port} (is the port in use? try --port 0)`, { cause })));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What a request path maps to on disk. */
type Lookup = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad-request'; reason: string };

async function handle(req: IncomingMessage, res: ServerResponse, root: string, base: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'method not allowed');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const found = await lookup(url.pathname, root, base);
  if (found.kind === 'redirect') {
    res.writeHead(301, { Location: found.location + url.search });
    res.end();
    return;
  }
  if (found.kind === 'bad-request') {
    sendText(res, 400, found.reason);
    return;
  }
  if (found.kind === 'missing') {
    const notFound = path.join(root, '404.html');
    if (await isFile(notFound)) await sendFile(req, res, notFound, 404);
    else sendText(res, 404, `not found: ${url.pathname}`);
    return;
  }
  await sendFile(req, res, found.file, 200);
}

/** Maps a URL path to a file inside root, the way GitHub Pages and most static hosts do. */
async function lookup(pathname: string, root: string, base: string): Promise<Lookup> {
  if (pathname === base.slice(0, -1)) return { kind: 'redirect', location: base };
  if (!pathname.startsWith(base)) return { kind: 'missing' };
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return { kind: 'bad-request', reason: `bad percent-encoding in ${pathname}` };
  }
  if (relative.includes('\0')) return { kind: 'bad-request', reason: 'NUL in path' };
  // URL parsing already folds "/../", but "%2e%2e%2f" only becomes "../" after
  // decoding, so containment is checked again on the real file system path.
  const candidate = path.resolve(root, `.${path.sep}${relative}`);
  if (!isInside(root, candidate)) return { kind: 'missing' };

  const info = await stat(candidate).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
    return checked(root, path.join(candidate, 'index.html'));
  }
  if (info?.isFile()) return checked(root, candidate);
  // Astro's build.format "file" writes /about as about.html.
  if (!pathname.endsWith('/')) return checked(root, `${candidate}.html`);
  return { kind: 'missing' };
}

/** Confirms a file exists and, after following symlinks, still lies inside root. */
async function checked(root: string, file: string): Promise<Lookup> {
  const real = await realpath(file).catch(() => null);
  if (real === null || !isInside(root, real) || !(await isFile(real))) return { kind: 'missing' };
  return { kind: 'file', file: real };
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(status, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    // Previews are rebuilt often; never let the browser show a stale page.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${text}\n`);
}
