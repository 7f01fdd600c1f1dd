/**
 * Progress in a real browser, on the components fixture course (one module,
 * three lessons and a knowledge check, small enough to complete for real).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, offlinePage, serveStatic, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(inject('componentsDistDir'), '/course/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const lessons = ['demo-talk', 'demo-clip', 'demo-plain'];

async function passCheck(page: Page, lang = 'en') {
  await page.goto(`${server.url}${lang}/demo/knowledge-check/`);
  await page.locator('.quiz[data-hydrated]').waitFor();
  for (const id of ['q-single-b', 'q-multiple-a', 'q-multiple-c', 'q-tf-true', 'q-four-a', 'q-five-a']) {
    await page.locator(`#demo-check-${id}`).check();
  }
  await page.locator('.quiz button[type="submit"]').click();
  await page.locator('.quiz-result.is-passed').waitFor();
}

async function completeCourse(page: Page) {
  for (const lesson of lessons) await page.goto(`${server.url}en/demo/${lesson}/`);
  await passCheck(page);
}

async function moduleStatus(page: Page): Promise<string> {
  const slot = page.locator('[data-module-status="demo"]').first();
  await slot.waitFor();
  return (await slot.textContent()) ?? '';
}

describe('progress on the open web', () => {
  it('survives a reload and shows the same in Spanish', async () => {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-talk/`);
    await page.goto(`${server.url}en/demo/demo-clip/`);
    await page.goto(`${server.url}en/demo/`);
    expect(await moduleStatus(page)).toContain('In progress · 50 % done');
    expect(await page.locator('.lesson-list [data-lesson-id="demo-talk"].is-viewed').count()).toBe(1);
    expect(await page.locator('.lesson-list [data-lesson-id="demo-plain"].is-viewed').count()).toBe(0);

    await page.reload();
    expect(await moduleStatus(page)).toContain('50 %');

    await page.goto(`${server.url}es/demo/`);
    expect(await moduleStatus(page)).toContain('En curso · 50 % realizado');
    expect(await page.locator('.lesson-list [data-lesson-id="demo-clip"].is-viewed').count()).toBe(1);

    await page.goto(`${server.url}en/demo/demo-plain/`);
    await passCheck(page, 'es');
    await page.goto(`${server.url}en/`);
    expect(await moduleStatus(page)).toContain('Complete · 100 % done · Best score 100 %');
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('continues where the learner left off, in the page language', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-clip/`);
    await page.goto(`${server.url}es/`);
    const link = page.locator('[data-continue] a');
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/es/demo/demo-clip/');
    await page.context().close();
  });

  it('shows a notice and keeps working when storage is blocked', async () => {
    const { page } = await offlinePage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`${server.url}en/demo/demo-talk/`);
    const notice = page.locator('#progress-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('not saving your progress');
    // The lesson list still marks what was viewed in this page's memory, and the quiz still scores.
    expect(await page.locator('.module-contents [data-lesson-id="demo-talk"].is-viewed').count()).toBe(1);
    await passCheck(page);
    await page.context().close();
  });

  it('keeps what two tabs record at the same time', async () => {
    const context = await browser.newContext();
    const [tabA, tabB] = [await context.newPage(), await context.newPage()];
    // Tab B opens the knowledge check before tab A records anything, and is never reloaded.
    await tabB.goto(`${server.url}en/demo/knowledge-check/`);
    await tabB.locator('.quiz[data-hydrated]').waitFor();
    await tabA.goto(`${server.url}en/demo/demo-talk/`);
    for (const id of ['q-single-b', 'q-multiple-a', 'q-multiple-c', 'q-tf-true', 'q-four-a', 'q-five-a']) {
      await tabB.locator(`#demo-check-${id}`).check();
    }
    await tabB.locator('.quiz button[type="submit"]').click();
    await tabB.locator('.quiz-result.is-passed').waitFor();
    await tabA.goto(`${server.url}en/progress/`);
    const row = tabA.locator('[data-progress-row="demo"]');
    await row.locator('[data-cell="score"]', { hasText: '100 %' }).waitFor();
    expect(await row.locator('[data-cell="lessons"]').textContent()).toBe('1 / 3');
    await context.close();
  });

  it('updates an open page when another tab records progress', async () => {
    const context = await browser.newContext();
    const watcher = await context.newPage();
    await watcher.goto(`${server.url}en/progress/`);
    const worker = await context.newPage();
    await worker.goto(`${server.url}en/demo/demo-clip/`);
    await watcher.locator('[data-progress-row="demo"] [data-cell="lessons"]', { hasText: '1 / 3' }).waitFor();
    await context.close();
  });
});

describe('progress page tools', () => {
  async function freshContext(): Promise<BrowserContext> {
    return browser.newContext({ acceptDownloads: true });
  }

  it('exports progress to a file that restores it on another device', async () => {
    const first = await freshContext();
    const page = await first.newPage();
    await page.goto(`${server.url}en/demo/demo-talk/`);
    await page.goto(`${server.url}en/progress/`);
    const download = page.waitForEvent('download');
    await page.locator('[data-export]').click();
    const file = join(mkdtempSync(join(tmpdir(), 'progress-')), 'export.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'course-progress-export', progress: { courseId: 'components-demo' } });
    await first.close();

    const second = await freshContext();
    const other = await second.newPage();
    await other.goto(`${server.url}es/progress/`);
    await other.locator('[data-import]').setInputFiles(file);
    await other.locator('[data-transfer-message]', { hasText: 'importado' }).waitFor();
    expect(await other.locator('[data-progress-row="demo"] [data-cell="lessons"]').textContent()).toBe('1 / 3');
    await second.close();
  });

  it('refuses an invalid file or one from another course, and changes nothing', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${server.url}en/demo/demo-talk/`);
    await page.goto(`${server.url}en/progress/`);
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, 'this is not progress');
    await page.locator('[data-import]').setInputFiles(garbage);
    const message = page.locator('[data-transfer-message]');
    await message.filter({ hasText: 'Nothing was changed' }).waitFor();
    expect(await message.textContent()).toContain('could not be read');

    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ format: 'course-progress-export', exportedAt: '2026-01-01T00:00:00Z', progress: { version: 1, courseId: 'another-course', lessons: { x: '2026-01-01T00:00:00Z' }, quizzes: {}, updatedAt: '2026-01-01T00:00:00Z' } }));
    await page.locator('[data-import]').setInputFiles(foreign);
    await message.filter({ hasText: 'another course' }).waitFor();
    expect(await page.locator('[data-progress-row="demo"] [data-cell="lessons"]').textContent()).toBe('1 / 3');
    await context.close();
  });

  it('resets only after confirmation', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-talk/`);
    await page.goto(`${server.url}en/progress/`);
    const lessonsCell = page.locator('[data-progress-row="demo"] [data-cell="lessons"]');
    await page.locator('[data-reset]').click();
    await page.locator('[data-reset-cancel]').click();
    expect(await lessonsCell.textContent()).toBe('1 / 3');
    await page.locator('[data-reset]').click();
    await page.locator('[data-reset-yes]').click();
    expect(await lessonsCell.textContent()).toBe('0 / 3');
    await page.reload();
    expect(await lessonsCell.textContent()).toBe('0 / 3');
    await page.context().close();
  });
});

describe('certificate', () => {
  it('stays locked until the course is complete', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}en/certificate/`);
    const locked = page.locator('[data-certificate-locked]');
    await locked.waitFor();
    expect(await locked.textContent()).toContain('completed 0 of 1 modules');
    expect(await page.locator('[data-certificate-ready]').isHidden()).toBe(true);
    await page.context().close();
  });

  it('prints to PDF with the name typed locally, in the page language', async () => {
    const { page, outside } = await offlinePage(browser);
    await completeCourse(page);
    await page.goto(`${server.url}es/certificate/`);
    await page.locator('[data-certificate-ready]').waitFor();
    await page.locator('[data-certificate-name]').fill('Ana Pérez');
    expect(await page.locator('[data-certificate-name-out]').textContent()).toBe('Ana Pérez');
    expect(await page.locator('.certificate').textContent()).toContain('Demostración de componentes');
    expect(await page.locator('[data-certificate-date]').textContent()).toMatch(/^el \d{1,2} de [a-z]+ de \d{4}$/);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.certificate').isVisible()).toBe(true);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('[data-certificate-name]').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(outside).toEqual([]);
    await page.context().close();
  });
});
