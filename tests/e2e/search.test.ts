import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, offlinePage, serveStatic, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(inject('distDir'), '/mod/scorm/content/7/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  { lang: 'en', query: 'language mentors', word: /mentor/i },
  { lang: 'es', query: 'migracion', word: /migraci[oó]n/i },
])('search in $lang', ({ lang, query, word }) => {
  it('goes from "/" in the header to highlighted results, then to the matching heading', async () => {
    const { page, outside } = await offlinePage(browser);
    const indexRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('search-index.json')) indexRequests.push(request.url());
    });
    await page.goto(`${server.url}${lang}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(indexRequests).toEqual([]); // nothing is fetched before a search starts

    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('.search-result').first().waitFor();
    expect(indexRequests).toHaveLength(1);
    expect(indexRequests[0]).toContain(`/mod/scorm/content/7/${lang}/search-index.json`);

    const marks = await page.locator('.search-result mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((mark) => word.test(mark))).toBe(true);

    const href = await page.locator('.search-result-title').first().getAttribute('href');
    await page.locator('.search-result-title').first().click();
    await page.waitForURL((url) => !url.pathname.includes('/search/'));
    const fragment = decodeURIComponent(new URL(page.url()).hash.slice(1));
    if (fragment) expect(await page.locator(`[id="${fragment}"]`).count(), href!).toBe(1);
    expect(await page.locator('article.lesson').count()).toBe(1);
    expect(outside).toEqual([]);
    await page.context().close();
  });
});

describe('search safety and feedback', () => {
  it('shows a hostile query as text and runs nothing', async () => {
    const { page } = await offlinePage(browser);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)>';
    await page.goto(`${server.url}en/search/?q=${encodeURIComponent(hostile)}`);
    const status = page.locator('[data-search-status]');
    await status.filter({ hasText: 'x onerror' }).waitFor();
    expect(await status.textContent()).toContain(hostile);
    expect(await page.locator('.search-results img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await page.context().close();
  });

  it('never breaks on lunr syntax characters', async () => {
    const { page } = await offlinePage(browser);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}en/search/`);
    for (const query of ['integration:', '+-', '*~^', 'title:two-way~2^5', ':::']) {
      await page.locator('[data-search-input]').fill(query);
      await page.waitForTimeout(250);
      expect(await page.locator('[data-search-status]').textContent()).not.toContain('could not be loaded');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says when nothing matches and offers the modules', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}es/search/?q=zzxqv`);
    const status = page.locator('[data-search-status]');
    await status.filter({ hasText: 'zzxqv' }).waitFor();
    expect(await status.textContent()).toContain('No hay resultados');
    expect(await status.locator('a').getAttribute('href')).toBe('../');
    await page.context().close();
  });
});
