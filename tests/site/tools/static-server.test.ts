import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, normaliseBase, startStaticServer, type StaticServer } from '../../../scripts/harness/static-server.ts';

interface Reply {
  status: number;
  type: string | undefined;
  location: string | undefined;
  body: string;
}

/** A raw GET: the path goes on the wire exactly as given (fetch would normalise "../"). */
function get(url: string, rawPath: string, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const FILES: Record<string, string> = {
  'index.html': '<h1>home</h1>',
  '404.html': '<h1>not here</h1>',
  'docs/a/index.html': '<h1>doc a</h1>',
  'concepts/新型工业化/index.html': '<h1>concept</h1>',
  'about.html': '<h1>about</h1>',
  '_astro/site.css': 'body{}',
  '_astro/app.js': '1',
  '_astro/chunk.mjs': '1',
  'data/documents.csv': 'id\n',
  'data/documents.json': '{}',
  'data/policy-atlas.zip': 'PK',
  'sitemap.xml': '<urlset/>',
  'robots.txt': 'User-agent: *',
  'favicon.svg': '<svg/>',
  'logo.png': 'png',
  'pagefind/pagefind.js': '1',
  'pagefind/wasm.unknown.pagefind': 'x',
  'pagefind/pagefind.en_1234.pf_meta': 'x',
  'pagefind/index/en_1234.pf_index': 'x',
  'pagefind/fragment/en_1234.pf_fragment': 'x',
  'pagefind/filter/en_1234.pf_filter': 'x',
  'pagefind/pagefind-entry.json': '{}',
  'app.wasm': 'x',
};

describe('static server', () => {
  let dir: string;
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'static-server-test-'));
    root = path.join(dir, 'site');
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'escape.txt'));
    server = await startStaticServer({ root, base: '/policy-atlas/' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves under the base path on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/policy-atlas\/$/);
  });

  it('serves a folder URL from its index.html', async () => {
    expect(await get(server.url, '/policy-atlas/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>home</h1>' });
    expect(await get(server.url, '/policy-atlas/docs/a/')).toMatchObject({ status: 200, body: '<h1>doc a</h1>' });
  });

  it('serves percent-encoded Chinese paths', async () => {
    expect(await get(server.url, `/policy-atlas/concepts/${encodeURIComponent('新型工业化')}/`)).toMatchObject({ status: 200, body: '<h1>concept</h1>' });
  });

  it('redirects a folder without its trailing slash, and the bare base, keeping the query', async () => {
    expect(await get(server.url, '/policy-atlas/docs/a?x=1')).toMatchObject({ status: 301, location: '/policy-atlas/docs/a/?x=1' });
    expect(await get(server.url, '/policy-atlas')).toMatchObject({ status: 301, location: '/policy-atlas/' });
  });

  it('serves /about from about.html, as Astro build.format "file" expects', async () => {
    expect(await get(server.url, '/policy-atlas/about')).toMatchObject({ status: 200, body: '<h1>about</h1>' });
  });

  it('answers a missing file with 404.html and status 404', async () => {
    expect(await get(server.url, '/policy-atlas/nope/')).toEqual({
      status: 404,
      type: 'text/html; charset=utf-8',
      location: undefined,
      body: '<h1>not here</h1>',
    });
    expect(await get(server.url, '/elsewhere/index.html')).toMatchObject({ status: 404, body: '<h1>not here</h1>' });
  });

  it('never serves a file outside the root, however the path is written', async () => {
    const attempts = [
      '/policy-atlas/../secret.txt',
      '/policy-atlas/../../secret.txt',
      '/policy-atlas/%2e%2e/secret.txt',
      '/policy-atlas/%2e%2e%2fsecret.txt',
      '/policy-atlas/docs/..%2f..%2f..%2fsecret.txt',
      '/policy-atlas/..%5csecret.txt',
      '/policy-atlas/escape.txt',
      `/policy-atlas/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
    ];
    for (const attempt of attempts) {
      const reply = await get(server.url, attempt);
      expect(reply.body, attempt).not.toContain('SECRET');
      expect([400, 404], attempt).toContain(reply.status);
    }
  });

  it('rejects a broken percent-escape and a NUL byte with 400', async () => {
    expect((await get(server.url, '/policy-atlas/%E4%ZZ')).status).toBe(400);
    expect((await get(server.url, '/policy-atlas/index.html%00.txt')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    expect(await get(server.url, '/policy-atlas/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(server.url, '/policy-atlas/', 'POST')).status).toBe(405);
  });

  it('sends the content type of every file type the site ships', async () => {
    const types: Record<string, string | undefined> = {};
    for (const file of Object.keys(FILES).filter((name) => !name.endsWith('.html'))) {
      types[file] = (await get(server.url, `/policy-atlas/${file}`)).type;
    }
    expect(types).toEqual({
      '_astro/site.css': 'text/css; charset=utf-8',
      '_astro/app.js': 'text/javascript; charset=utf-8',
      '_astro/chunk.mjs': 'text/javascript; charset=utf-8',
      'data/documents.csv': 'text/csv; charset=utf-8',
      'data/documents.json': 'application/json; charset=utf-8',
      'data/policy-atlas.zip': 'application/zip',
      'sitemap.xml': 'application/xml; charset=utf-8',
      'robots.txt': 'text/plain; charset=utf-8',
      'favicon.svg': 'image/svg+xml',
      'logo.png': 'image/png',
      'pagefind/pagefind.js': 'text/javascript; charset=utf-8',
      'pagefind/wasm.unknown.pagefind': 'application/octet-stream',
      'pagefind/pagefind.en_1234.pf_meta': 'application/octet-stream',
      'pagefind/index/en_1234.pf_index': 'application/octet-stream',
      'pagefind/fragment/en_1234.pf_fragment': 'application/octet-stream',
      'pagefind/filter/en_1234.pf_filter': 'application/octet-stream',
      'pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
      'app.wasm': 'application/wasm',
    });
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});

describe('static server options', () => {
  it('normalises the base path', () => {
    expect(['/', '', 'policy-atlas', '/policy-atlas', 'policy-atlas/', '//policy-atlas//'].map(normaliseBase)).toEqual([
      '/',
      '/',
      '/policy-atlas/',
      '/policy-atlas/',
      '/policy-atlas/',
      '/policy-atlas/',
    ]);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startStaticServer({ root: 'tests/fixtures/site/basic', host: '0.0.0.0' })).rejects.toThrow(/only listens on loopback/);
  });

  it('says how to fix a missing root folder', async () => {
    await expect(startStaticServer({ root: 'no-such-dist' })).rejects.toThrow(/"no-such-dist": no such folder \(build the site first/);
  });

  it('serves without a 404.html with a plain-text 404', async () => {
    const server = await startStaticServer({ root: 'tests/fixtures/site/offline' });
    try {
      expect(await get(server.url, '/missing')).toMatchObject({ status: 404, type: 'text/plain; charset=utf-8', body: 'not found: /missing\n' });
    } finally {
      await server.close();
    }
  });
});

describe('serve CLI (npm run preview)', () => {
  it('prints the URL and serves the folder under --base until stopped', async () => {
    const child = spawn(process.execPath, ['scripts/serve.ts', 'tests/fixtures/site/basic', '--base', '/policy-atlas/', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => resolve(chunk));
        child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const url = /http:\/\/\S+/.exec(line)?.[0] ?? '';
      expect(line).toMatch(/^Serving tests\/fixtures\/site\/basic at http:\/\/127\.0\.0\.1:\d+\/policy-atlas\/ /);
      expect((await get(url, '/policy-atlas/search/')).body).toContain('<h1>搜索</h1>');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  it('explains a bad --port and a missing folder', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/serve.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.once('exit', (code) => resolve({ code, stderr }));
      });
    expect(await run(['dist', '--port', 'abc'])).toEqual({ code: 1, stderr: 'serve: --port "abc" is not a port number (0–65535; 0 picks a free one)\n' });
    expect(await run(['no-such-dist', '--port', '0'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such folder (build the site first') });
  });
});
