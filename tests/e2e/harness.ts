/**
 * What the browser tests stand on: a static server for any folder (mounted
 * under any path, as an LMS would), and Debian's Chromium driven by
 * playwright-core with the flags this offline machine needs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface StaticServer {
  /** Base URL including the mount path, ending with `/`. */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, mountPath = '/'): Promise<StaticServer> {
  const [server] = await serveMounts({ [mountPath]: dir });
  return server!;
}

/** One server for several folders, each under its own path (an LMS and its packages, say). */
export async function serveMounts(mounts: Record<string, string>): Promise<StaticServer[]> {
  const handlers = Object.entries(mounts).map(([mountPath, dir]) => ({ mountPath, handler: sirv(dir, { dev: true, etag: false }) }));
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    const mount = handlers.find(({ mountPath }) => url.startsWith(mountPath));
    if (!mount) {
      response.statusCode = 404;
      response.end('outside the mount paths');
      return;
    }
    request.url = `/${url.slice(mount.mountPath.length)}`;
    mount.handler(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= new Promise((resolve) => server.close(() => resolve())));
  return handlers.map(({ mountPath }) => ({ url: `http://127.0.0.1:${port}${mountPath}`, close }));
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
