/**
 * The browser harness: Debian's Chromium driven by playwright-core, and
 * Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core
 * (playwright-core only drives its own patched Firefox).
 *
 * Never downloads a browser. Each launch gets a fresh temporary profile so
 * runs cannot leak state into each other, and requests to anything but the
 * local test server are blocked so tests never depend on the network.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser } from 'puppeteer-core';

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';

/** Flags for a quiet, deterministic headless run in a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  // Containers and CI run as root, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Docker's default /dev/shm is 64 MB, too small for Chromium's shared memory.
  '--disable-dev-shm-usage',
];

/** Options for {@link launchBrowser}. */
export interface LaunchOptions {
  /** Let pages reach hosts other than 127.0.0.1/localhost. Default false. */
  allowNetwork?: boolean;
  /**
   * Refuse loopback too, so only file:, data: and blob: load: for the offline copy opened from
   * disk, which must need no server. Default false.
   */
  offline?: boolean;
  /** The Chromium binary. Default {@link CHROMIUM_PATH}. */
  executablePath?: string;
}

/** A running browser: its context, a ready page, requests it blocked, and cleanup. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** URLs of requests to other hosts (offline: of any request off the disk) that were refused. */
  blocked: string[];
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Launches headless Chromium on a fresh temp profile; fails loudly when it is not installed. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Browser tests need Debian's chromium package: ` +
        'run `apt-get install -y chromium fonts-noto-cjk` as root (or .ci/run), or set CHROMIUM_PATH. ' +
        'These tests never download a browser.',
    );
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'policy-atlas-chromium-'));
  const sink = options.allowNetwork && !options.offline ? null : await startSink();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      // Chromium sends every request but those to loopback (offline: every request) through
      // the proxy, which refuses them; it never falls back to a direct connection for a fixed proxy.
      args: sink
        ? [...CHROMIUM_ARGS, `--proxy-server=http://127.0.0.1:${sinkPort(sink)}`, ...(options.offline ? ['--proxy-bypass-list=<-loopback>'] : [])]
        : [...CHROMIUM_ARGS],
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
  } catch (cause) {
    sink?.close();
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Chromium at ${executablePath} failed to start (see cause; is the package complete?)`, { cause });
  }
  const blocked: string[] = [];
  if (sink) {
    // Recorded from request events rather than by routing every request through this process:
    // routing cost the search queries about a fifth of their CPU time (38.1 and 33.1 CPU-s against
    // 43.3 and 44.8 for 30 queries, interleaved).
    context.on('request', (request) => {
      const url = new URL(request.url());
      const inline = url.protocol === 'data:' || url.protocol === 'blob:';
      const local = options.offline ? url.protocol === 'file:' : LOCAL_HOSTS.has(url.hostname);
      if (!inline && !local) blocked.push(url.href);
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    close: async () => {
      await context.close();
      sink?.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Where Debian's `firefox-esr` package puts the browser; FIREFOX_PATH overrides it. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH?.trim() || '/usr/bin/firefox-esr';

/** A running Firefox and its cleanup. */
export interface FirefoxSession {
  browser: FirefoxBrowser;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox on a fresh temp profile with no network at all (its HTTP and TLS
 * proxy refuses every connection): it opens the offline copy from disk, which must not need one.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox checks need Firefox at ${FIREFOX_PATH} (apt-get install -y firefox-esr; npm test installs it when run as root), or set FIREFOX_PATH.`,
    );
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'policy-atlas-firefox-'));
  const sink = await startSink();
  const port = sinkPort(sink);
  let browser: FirefoxBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
      },
    });
  } catch (cause) {
    sink.close();
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Firefox at ${FIREFOX_PATH} failed to start (see cause)`, { cause });
  }
  return {
    browser,
    close: async () => {
      await browser.close();
      sink.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A loopback TCP server that closes every connection: the proxy that refuses what a page sends off the machine. */
async function startSink(): Promise<Server> {
  const sink = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    sink.once('error', reject);
    sink.listen(0, '127.0.0.1', resolve);
  });
  sink.unref();
  return sink;
}

function sinkPort(sink: Server): number {
  const address = sink.address();
  if (address === null || typeof address === 'string') throw new Error('the network sink has no TCP port');
  return address.port;
}
