/**
 * The browser harness: Debian's Chromium driven by playwright-core.
 *
 * Never downloads a browser. Each launch gets a fresh temporary profile so
 * runs cannot leak state into each other, and requests to anything but the
 * local test server are blocked so tests never depend on the network.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
  /** The Chromium binary. Default {@link CHROMIUM_PATH}. */
  executablePath?: string;
}

/** A running browser: its context, a ready page, requests it blocked, and cleanup. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** URLs of requests to other hosts that were aborted. */
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
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
  } catch (cause) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Chromium at ${executablePath} failed to start (see cause; is the package complete?)`, { cause });
  }
  const blocked: string[] = [];
  if (!options.allowNetwork) {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
      if (local) return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
