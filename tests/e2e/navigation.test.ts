import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkContent } from '../../src/content-model/check-content.ts';
import { launchBrowser, offlinePage, serveStatic, type StaticServer } from './harness.ts';

const { courses } = checkContent(new URL('../../', import.meta.url).pathname);
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Served under a sub-path, to prove that no link depends on the site root.
  server = await serveStatic(inject('distDir'), '/some/deep/path/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('language chooser', () => {
  it('suggests Spanish to a Spanish browser and English to an English one', async () => {
    for (const [locale, lang] of [['es-MX', 'es'], ['en-GB', 'en']] as const) {
      const { page } = await offlinePage(browser, { locale });
      await page.goto(server.url);
      const first = page.locator('[data-lang]').first();
      expect(await first.getAttribute('data-lang')).toBe(lang);
      expect(await first.locator('.chooser-suggested').isVisible()).toBe(true);
      await page.context().close();
    }
  });
});

describe.each(['en', 'es'] as const)('navigating the course in %s', (lang) => {
  const course = courses[lang]!;
  const module = course.modules[0]!;
  const [firstLesson, secondLesson] = module.lessons;

  it('goes from home to a module and a lesson, with the page language set', async () => {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${server.url}${lang}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('h1').textContent()).toBe(course.title);

    await page.locator(`[data-module-id="${module.id}"] h3 a`).click();
    await page.waitForURL(`**/${lang}/${module.id}/`);
    expect(await page.locator('h1').textContent()).toBe(module.title);

    await page.locator(`.lesson-list [data-lesson-id="${firstLesson!.id}"] a`).click();
    await page.waitForURL(`**/${lang}/${module.id}/${firstLesson!.id}/`);
    expect(await page.locator('h1').textContent()).toBe(firstLesson!.title);
    expect(await page.locator('.takeaways li').count()).toBe(firstLesson!.takeaways.length);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('moves with next and previous, into the knowledge check after the last lesson', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}${lang}/${module.id}/${firstLesson!.id}/`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**/${secondLesson!.id}/`);
    expect(await page.locator('h1').textContent()).toBe(secondLesson!.title);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`**/${firstLesson!.id}/`);

    const lastLesson = module.lessons.at(-1)!;
    await page.goto(`${server.url}${lang}/${module.id}/${lastLesson.id}/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**/${module.id}/knowledge-check/`);
    expect(await page.locator('.quiz fieldset').count()).toBe(module.quiz!.questions.length);
    await page.context().close();
  });

  it('switches language on the same lesson', async () => {
    const other = lang === 'en' ? 'es' : 'en';
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}${lang}/${module.id}/${secondLesson!.id}/`);
    await page.locator('[data-language-switch]').click();
    await page.waitForURL(`**/${other}/${module.id}/${secondLesson!.id}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe(other);
    const translated = courses[other]!.modules[0]!.lessons[1]!;
    expect(await page.locator('h1').textContent()).toBe(translated.title);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('reads lessons and the knowledge check questions as text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const module = courses.en!.modules[0]!;
    await page.goto(`${server.url}en/${module.id}/knowledge-check/`);
    const firstQuestion = module.quiz!.questions[0]!;
    expect(await page.locator('.quiz').textContent()).toContain(firstQuestion.prompt);
    await context.close();
  });
});

describe('keyboard', () => {
  it('offers a skip link as the first focusable element, landing on main', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}en/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });
});
