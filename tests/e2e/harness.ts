/**
 * What the browser tests stand on: a static server for any folder (mounted
 * under any path), and Debian's Chromium driven by playwright-core with the
 * flags this offline machine needs.
 *
 * A folder is served one of two ways. `site`: as any web server serves the
 * public site (a folder URL gives its index.html). `lms`: as Moodle's file
 * server (`scorm_pluginfile()`) serves a SCORM package: only an existing
 * file answers; a folder, a missing file or a path above the package root
 * gets 404, and every 404 is recorded so that a test fails on it.
 */
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface StaticServer {
  /** Base URL including the mount path, ending with `/`. */
  url: string;
  /** Every URL this mount answered with 404, in order. */
  notFound: string[];
  close(): Promise<void>;
}

export type Serving = 'site' | 'lms';

export async function serveStatic(dir: string, mountPath = '/', serving: Serving = 'site'): Promise<StaticServer> {
  const [server] = await serveMounts({ [mountPath]: { dir, serving } });
  return server!;
}

/** Moodle's rule: the request names a file inside the package, or it is 404. */
function isPackageFile(dir: string, requestPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split('?')[0]!);
  } catch {
    return false;
  }
  const inside = posix.normalize(path);
  if (inside.startsWith('/..') || inside.includes('/../') || path.split('/').includes('..')) return false;
  try {
    return statSync(join(dir, inside)).isFile();
  } catch {
    return false;
  }
}

/** One server for several folders, each under its own path (an LMS and its packages, say). */
export async function serveMounts(mounts: Record<string, string | { dir: string; serving: Serving }>): Promise<StaticServer[]> {
  const handlers = Object.entries(mounts).map(([mountPath, mount]) => {
    const { dir, serving } = typeof mount === 'string' ? { dir: mount, serving: 'site' as Serving } : mount;
    return { mountPath, dir, serving, notFound: [] as string[], handler: sirv(dir, { dev: true, etag: false }) };
  });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const mount = handlers.find(({ mountPath }) => url.startsWith(mountPath));
    if (!mount) {
      for (const each of handlers) each.notFound.push(url); // a link that left its folder
      response.statusCode = 404;
      response.end('outside the mount paths');
      return;
    }
    const notFound = () => {
      mount.notFound.push(url);
      response.statusCode = 404;
      response.end('');
    };
    request.url = `/${url.slice(mount.mountPath.length)}`;
    if (mount.serving === 'lms' && !isPackageFile(mount.dir, request.url)) return notFound();
    mount.handler(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= new Promise((resolve) => server.close(() => resolve())));
  return handlers.map(({ mountPath, notFound }) => ({ url: `http://127.0.0.1:${port}${mountPath}`, notFound, close }));
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright gives every launch a new, empty profile directory. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A page that may only talk to 127.0.0.1: any other request is aborted and
 * recorded, so a test can assert that nothing left the machine.
 */
export async function offlinePage(browser: Browser, options: { locale?: string } = {}): Promise<{ page: Page; outside: string[] }> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB' });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  return { page, outside };
}
