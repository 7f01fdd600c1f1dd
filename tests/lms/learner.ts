/**
 * A learner inside a SCO, as a person works through it: the lessons by the
 * package's own "Next" links (reading each to its takeaways), then the
 * knowledge check, answered from the course's answer key (right or wrong
 * on purpose). Knows nothing of the LMS around the SCO.
 */
import type { Frame } from 'playwright-core';
import type { Course } from '../../src/content-model/course-model.ts';

/** The lesson or check page in the launch page's inner frame, once it has loaded. */
export async function shownPage(launch: Frame, urlPart?: RegExp): Promise<Frame> {
  const handle = await launch.waitForSelector('[data-launch-frame]', { state: 'attached' });
  const frame = (await handle.contentFrame())!;
  if (urlPart) await frame.waitForURL(urlPart);
  await frame.waitForSelector('main h1');
  return frame;
}

/** From the page shown, follows "Next" through the lessons to the knowledge check; returns the check's frame. */
export async function readToCheck(launch: Frame): Promise<Frame> {
  let page = await shownPage(launch);
  for (let guard = 0; guard < 30; guard += 1) {
    if (page.url().includes('/knowledge-check/')) return page;
    await page.locator('.takeaways').scrollIntoViewIfNeeded();
    const current = page.url();
    await page.locator('a[rel="next"]').click();
    await launch.waitForFunction((before) => (document.querySelector('[data-launch-frame]') as HTMLIFrameElement).contentWindow?.location.href !== before, current);
    page = await shownPage(launch);
  }
  throw new Error('No knowledge check reached after 30 pages');
}

/** Follows "Next" from the page shown `count` times (reading each page), staying in the module. */
export async function readLessons(launch: Frame, count: number): Promise<Frame> {
  let page = await shownPage(launch);
  for (let step = 0; step < count; step += 1) {
    await page.locator('.takeaways').scrollIntoViewIfNeeded();
    const current = page.url();
    await page.locator('a[rel="next"]').click();
    await launch.waitForFunction((before) => (document.querySelector('[data-launch-frame]') as HTMLIFrameElement).contentWindow?.location.href !== before, current);
    page = await shownPage(launch);
  }
  return page;
}

export interface CheckOutcome {
  resultText: string;
  answered: Record<string, string[]>;
}

/** Answers every question shown, all right or all wrong, submits, and returns the result. */
export async function takeCheck(check: Frame, course: Course, moduleId: string, right: boolean): Promise<CheckOutcome> {
  const quiz = course.modules.find((module) => module.id === moduleId)!.quiz!;
  await check.waitForSelector('.quiz[data-hydrated]');
  const answered: Record<string, string[]> = {};
  for (const fieldset of await check.locator('[data-question-id]').all()) {
    const questionId = (await fieldset.getAttribute('data-question-id'))!;
    const question = quiz.questions.find((candidate) => candidate.id === questionId)!;
    const correct = question.options.filter((option) => option.correct).map((option) => option.id);
    const wrong = question.options.filter((option) => !option.correct).map((option) => option.id);
    const choice = right ? correct : [wrong[0]!];
    for (const optionId of choice) await fieldset.locator(`[data-option-id="${optionId}"] input`).check();
    answered[questionId] = choice;
  }
  await check.locator('.quiz button[type="submit"]').click();
  const result = check.locator('.quiz-result');
  await result.waitFor();
  return { resultText: (await result.textContent()) ?? '', answered };
}
