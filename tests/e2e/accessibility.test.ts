/**
 * WCAG 2.2 A/AA with axe-core in Chromium, on every page type in both
 * languages and on an exported package's launch page; and a keyboard-only
 * journey through a whole module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkContent } from '../../src/content-model/check-content.ts';
import { launchBrowser, offlinePage, serveMounts, type StaticServer } from './harness.ts';
import { readSite } from './site-map.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const { courses } = checkContent(new URL('../../', import.meta.url).pathname);

let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [site] = await serveMounts({ '/site/': inject('distDir') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, wcagTags)) as Violation[];
  return found.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** The first lesson whose page shows a video facade. */
function lessonWithVideo(lang: string): string {
  const pages = readSite(inject('distDir'));
  for (const page of pages.values()) {
    if (page.path.startsWith(`${lang}/`) && page.html.includes('data-video-play')) return page.path;
  }
  throw new Error('no lesson with a video');
}

describe.each(['en', 'es'] as const)('WCAG 2.2 AA in %s', (lang) => {
  const module = courses[lang]!.modules[0]!;

  const staticPages = () => [
    ['home', `${lang}/`],
    ['module', `${lang}/${module.id}/`],
    ['lesson with video facade', lessonWithVideo(lang)],
    ['knowledge check', `${lang}/${module.id}/knowledge-check/`],
    ['progress', `${lang}/progress/`],
    ['search results', `${lang}/search/?q=${lang === 'en' ? 'integration' : 'integración'}`],
    ['trainer page', `${lang}/trainers/`],
    ['about', `${lang}/about/`],
    ['language chooser', ''],
  ];

  it('has no violations on any page type', async () => {
    const problems: string[] = [];
    for (const [name, path] of staticPages()) {
      const { page } = await offlinePage(browser);
      await page.goto(`${site.url}${path}`);
      if (name === 'search results') await page.locator('.search-result').first().waitFor();
      if (name === 'knowledge check') await page.locator('.quiz').scrollIntoViewIfNeeded();
      problems.push(...(await violations(page)).map((problem) => `${name}: ${problem}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('has no violations in an answered knowledge check, the certificate and a running LMS preview', async () => {
    const problems: string[] = [];
    const { page } = await offlinePage(browser);
    await page.goto(`${site.url}${lang}/${module.id}/knowledge-check/`);
    await page.locator('.quiz[data-hydrated]').waitFor();
    for (const fieldset of await page.locator('.quiz fieldset').all()) await fieldset.locator('input').first().check();
    await page.locator('.quiz button[type="submit"]').click();
    await page.locator('.quiz-result').waitFor();
    problems.push(...(await violations(page)).map((problem) => `answered check: ${problem}`));

    // Every module complete, as the certificate requires.
    await page.evaluate((course) => {
      const now = new Date().toISOString();
      const state = {
        version: 1,
        courseId: course.id,
        lessons: Object.fromEntries(course.modules.flatMap((m) => m.lessons).map((id) => [id, now])),
        quizzes: Object.fromEntries(course.modules.map((m) => [m.id, { bestScore: 100, lastScore: 100, passed: true, attempts: 1, answers: {}, updatedAt: now }])),
        updatedAt: now,
      };
      localStorage.setItem(`course-progress:${course.id}`, JSON.stringify(state));
    }, { id: courses[lang]!.id, modules: courses[lang]!.modules.map((m) => ({ id: m.id, lessons: m.lessons.map((l) => l.id) })) });
    await page.goto(`${site.url}${lang}/certificate/`);
    await page.locator('[data-certificate-ready]').waitFor();
    problems.push(...(await violations(page)).map((problem) => `certificate: ${problem}`));

    await page.goto(`${site.url}${lang}/trainers/`);
    await page.locator('[data-preview-launch]').click();
    await page.frameLocator('[data-preview-frame]').frameLocator('[data-launch-frame]').locator('article.lesson h1').waitFor();
    problems.push(...(await violations(page)).map((problem) => `LMS preview: ${problem}`));
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('has no violations on an exported package launch page and its lessons', async () => {
    const { page } = await offlinePage(browser);
    const preview = `downloads/preview/holistic-integration-${lang}-scorm2004-course/${lang}/${module.id}`;
    await page.goto(`${site.url}${preview}/launch/index.html`);
    await page.frameLocator('[data-launch-frame]').locator('article.lesson h1').waitFor();
    const problems = (await violations(page)).map((problem) => `launch page: ${problem}`);
    await page.goto(`${site.url}${preview}/${module.lessons[0]!.id}/`);
    problems.push(...(await violations(page)).map((problem) => `package lesson: ${problem}`));
    await page.context().close();
    expect(problems).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('goes through a whole module: every lesson, the knowledge check and its result, with visible focus and no trap', async () => {
    const { page } = await offlinePage(browser);
    const module = courses.en!.modules[1]!;
    await page.goto(`${site.url}en/${module.id}/`);

    /** Tabs until the element matching `selector` has focus; fails if focus stops moving (a trap). */
    async function tabTo(selector: string, limit = 200) {
      const seen = new Set<string>();
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate((wanted) => {
          const active = document.activeElement as HTMLElement | null;
          const style = active ? getComputedStyle(active) : undefined;
          return {
            matches: Boolean(active?.matches(wanted)),
            key: active ? `${active.tagName}#${active.id}.${active.className}:${active.textContent?.slice(0, 30)}` : 'none',
            visibleFocus: Boolean(style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none')),
          };
        }, selector);
        expect(state.visibleFocus, `focus not visible on ${state.key}`).toBe(true);
        if (state.matches) return;
        seen.add(state.key);
      }
      throw new Error(`could not reach ${selector} by Tab (${seen.size} elements visited)`);
    }

    await tabTo('.lesson-list a');
    await page.keyboard.press('Enter');
    for (const lesson of module.lessons) {
      await page.waitForURL(`**/${lesson.id}/`);
      await tabTo('a[rel="next"]');
      await page.keyboard.press('Enter');
    }
    await page.waitForURL('**/knowledge-check/');
    await page.locator('.quiz[data-hydrated]').waitFor();
    for (const question of module.quiz!.questions) {
      await tabTo(`[data-question-id="${question.id}"] input`);
      await page.keyboard.press('Space');
    }
    await tabTo('.quiz button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.quiz-result').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('quiz-result-title');
    await tabTo('.quiz button.button'); // retry is reachable
    await tabTo('.site-footer a'); // and focus leaves the island: no trap
    await page.context().close();
  });
});
