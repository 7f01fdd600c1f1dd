/**
 * The learning components in a real browser, on the components fixture course:
 * video facade and privacy, captions, chapters, the knowledge check by
 * keyboard, reflection notes, and when React is (not) loaded.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, offlinePage, serveStatic, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(inject('componentsDistDir'), '/lms/content/1/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('YouTube video facade', () => {
  // offlinePage aborts and records every request that leaves 127.0.0.1: YouTube,
  // ytimg, Google fonts or analytics would all show up in `outside`.
  it('makes no request to any Google host before the click, then embeds youtube-nocookie at the start time', async () => {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-talk/`);
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
    // The placeholder tells what the video is before anything loads.
    const facade = page.locator('[data-video-play]');
    expect(await facade.textContent()).toContain('FOR-IN final conference, day 1');
    expect(await facade.textContent()).toContain('Demo Speaker');
    expect(await facade.textContent()).toContain('2:00:00');

    await facade.click();
    const src = await page.locator('figure[data-video] iframe').getAttribute('src');
    expect(src).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/RUojJpV3Oy4\?/);
    expect(new URL(src!).searchParams.get('start')).toBe('30');
    // The only outside requests are the ones the click asked for (and were blocked here).
    await page.waitForTimeout(200);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((url) => new URL(url).hostname === 'www.youtube-nocookie.com')).toBe(true);
    await page.context().close();
  });

  it('starts the embedded player at a chapter', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}es/demo/demo-talk/`);
    await page.getByRole('button', { name: /1:15:00/ }).click();
    const src = await page.locator('figure[data-video] iframe').getAttribute('src');
    expect(new URL(src!).searchParams.get('start')).toBe(String(75 * 60));
    await page.context().close();
  });

  it('keeps the summary, speaker and source in the page text', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}es/demo/demo-talk/`);
    const figure = page.locator('figure[data-video]');
    expect(await figure.textContent()).toContain('Transcript summary (es)');
    expect(await figure.locator('figcaption').textContent()).toContain('Demo Speaker, Adviser, Demo organisation');
    expect(await figure.locator('figcaption').textContent()).toContain('Fuente: FOR-IN project report 2022-2024');
    await page.context().close();
  });
});

async function captionText(page: Page, lang: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const video = document.querySelector('video')!;
    const track = [...video.textTracks].find((candidate) => candidate.language === wanted)!;
    track.mode = 'hidden';
    for (let i = 0; i < 100 && !track.cues?.length; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    return (track.cues?.[0] as VTTCue | undefined)?.text ?? '';
  }, lang);
}

describe('self-hosted video', () => {
  it('loads English and Spanish captions, the page language by default', async () => {
    for (const lang of ['en', 'es']) {
      const { page, outside } = await offlinePage(browser);
      await page.goto(`${server.url}${lang}/demo/demo-clip/`);
      expect(await page.locator('video track[default]').getAttribute('srclang')).toBe(lang);
      expect(await captionText(page, 'en')).toBe('Hello from the test clip');
      expect(await captionText(page, 'es')).toBe('Hola desde el vídeo de prueba');
      expect(outside).toEqual([]);
      await page.context().close();
    }
  });

  it('seeks to a chapter', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-clip/`);
    await page.waitForFunction(() => document.querySelector('video')!.readyState >= 1);
    await page.getByRole('button', { name: /Second half/ }).click();
    const time = await page.evaluate(() => document.querySelector('video')!.currentTime);
    expect(time).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});

describe('knowledge check', () => {
  async function openCheck(lang = 'en') {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${server.url}${lang}/demo/knowledge-check/`);
    await page.locator('.quiz[data-hydrated]').waitFor();
    return { page, outside };
  }

  it('can be answered by keyboard only, announcing the score and moving focus to it', async () => {
    const { page } = await openCheck();
    await page.locator('.quiz').scrollIntoViewIfNeeded();
    // Focus the first radio the way a keyboard user would: Tab until inside the form.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.quiz') !== null)) break;
    }
    const keys = [
      'ArrowDown', // q-single: a -> b (right)
      'Tab', 'Space', 'Tab', 'Tab', 'Space', // q-multiple: a and c (right)
      'Tab', 'Space', // q-tf: true (right)
      'Tab', 'Space', // q-four: a (right)
      'Tab', 'ArrowDown', // q-five: b (wrong)
      'Tab', 'Enter', // submit
    ];
    for (const key of keys) await page.keyboard.press(key);

    const status = page.locator('.quiz [role="status"]');
    await status.locator('.quiz-result').waitFor();
    expect(await status.textContent()).toContain('4 of 5 correct (80 %)');
    expect(await status.textContent()).toContain('you passed');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('quiz-result-title');
    // Feedback for every option, and the verdict per question.
    expect(await page.locator('.quiz-feedback').count()).toBe(3 + 3 + 2 + 2 + 2);
    expect(await page.locator('[data-question-id="q-five"]').getAttribute('data-result')).toBe('incorrect');
    expect(await page.locator('[data-question-id="q-five"] .quiz-feedback.is-right').textContent()).toContain('Right (en)');

    // Retry, still by keyboard: the next focusable element after the result is the retry button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
    expect(await page.locator('.quiz-feedback').count()).toBe(0);
    expect(await page.locator('.quiz input:checked').count()).toBe(0);
    await page.context().close();
  });

  it('fails below the pass mark and says so in Spanish', async () => {
    const { page } = await openCheck('es');
    await page.locator('#demo-check-q-single-a').check();
    await page.locator('#demo-check-q-multiple-a').check(); // partial: c missing
    await page.locator('#demo-check-q-tf-true').check();
    await page.locator('#demo-check-q-four-a').check();
    await page.locator('#demo-check-q-five-a').check();
    await page.getByRole('button', { name: 'Comprobar mis respuestas' }).click();
    const status = page.locator('.quiz [role="status"]');
    expect(await status.textContent()).toContain('3 de 5 correctas (60 %)');
    expect(await status.textContent()).toContain('Todavía no la ha superado');
    await page.context().close();
  });

  it('asks for the missing answers instead of scoring an incomplete check', async () => {
    const { page } = await openCheck();
    await page.locator('#demo-check-q-single-b').check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    expect(await page.locator('.quiz [role="status"]').textContent()).toContain('question 2, 3, 4, 5');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('demo-check-q-multiple-a');
    expect(await page.locator('.quiz-result').count()).toBe(0);
    await page.context().close();
  });

  it('reads as text without JavaScript, with a notice', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}en/demo/knowledge-check/`);
    expect(await page.locator('.quiz').textContent()).toContain('Which option is right? (en)');
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.locator('.quiz button[type="submit"]').isDisabled()).toBe(true);
    await context.close();
  });
});

describe('JavaScript on learner pages', () => {
  it('loads React for the knowledge check only when it scrolls into view', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 240 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}en/demo/knowledge-check/`);
    await page.waitForLoadState('networkidle');
    // astro-island is display: contents; the form inside has the box.
    const box = await page.locator('.quiz').boundingBox();
    expect(box!.y).toBeGreaterThan(240); // below the fold: the precondition of this test
    expect(scripts.filter((path) => /KnowledgeCheck|client/.test(path))).toEqual([]);

    await page.locator('.quiz').scrollIntoViewIfNeeded();
    await page.locator('.quiz[data-hydrated]').waitFor();
    expect(scripts.some((path) => /KnowledgeCheck/.test(path))).toBe(true);
    await context.close();
  });

  it('ships no React on a lesson page, only the small progress runtime', async () => {
    for (const lesson of ['demo-talk', 'demo-plain']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto(`${server.url}en/demo/${lesson}/`);
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((url) => /client|react|KnowledgeCheck/i.test(url))).toEqual([]);
      expect(await page.locator('astro-island').count()).toBe(0);
      await context.close();
    }
  });
});

describe('reflection notes', () => {
  it('keep private notes in the browser, shared by both languages', async () => {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${server.url}en/demo/demo-talk/`);
    const notes = page.locator('[data-reflection-notes="demo-reflection"] textarea');
    await notes.fill('Talk to the library about conversation groups.');
    await notes.blur();
    await page.reload();
    expect(await notes.inputValue()).toBe('Talk to the library about conversation groups.');
    await page.goto(`${server.url}es/demo/demo-talk/`);
    expect(await page.locator('[data-reflection-notes="demo-reflection"] textarea').inputValue()).toBe('Talk to the library about conversation groups.');
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('say so when the browser cannot store them', async () => {
    const { page } = await offlinePage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.goto(`${server.url}en/demo/demo-talk/`);
    expect(await page.locator('[data-help-unavailable]').isVisible()).toBe(true);
    expect(await page.locator('[data-reflection-notes] textarea').isVisible()).toBe(true);
    await page.context().close();
  });
});
