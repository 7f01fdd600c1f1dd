/**
 * The real-LMS acceptance suite: the course's exported SCORM packages in the
 * real Moodle 4.3 of ../shared/moodle, played in Chromium through Moodle's
 * own player as the student, and judged by what Moodle stored.
 *
 * `npm run test:lms`. Without ../shared/moodle (MOODLE_HARNESS_DIR) every
 * test is reported as skipped, with what it needs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { checkContent } from '../../src/content-model/check-content.ts';
import type { Course } from '../../src/content-model/course-model.ts';
import type { Lang } from '../../src/content-model/languages.ts';
import type { BuiltPackage } from '../../src/export/export.ts';
import { courseSettings, moduleSettings, moodleFields } from '../../src/export/lms-settings.ts';
import { launchBrowser } from '../e2e/harness.ts';
import { exportPackages, projectRoot } from '../e2e/build-site.ts';
import { readLessons, readToCheck, shownPage, takeCheck } from './learner.ts';
import {
  enterActivity,
  exitActivity,
  harnessDir,
  hasMoodle,
  importPackage,
  interactionsOf,
  runningLaunchFrame,
  startMoodle,
  studentSession,
  summaryOf,
  waitForTracks,
  type Tracks,
} from './moodle.ts';
import { recordScenario } from './report.ts';

if (!hasMoodle) {
  console.warn(`Real-LMS suite skipped: no Moodle harness in ${harnessDir} (set MOODLE_HARNESS_DIR to a copy of shared/moodle; it needs root for apt, PHP 8.2 and PostgreSQL 15 from Debian).`);
}

const courses = checkContent(projectRoot).courses as Record<Lang, Course>;
const versions = ['1.2', '2004'] as const;
/** The module the module-package scenarios use: the first one, in each language. */
const moduleId = courses.en.modules[0]!.id;
const everyModuleHasCheck = courses.en.modules.every((module) => module.quiz);
const moodleSettings = { module: moodleFields(moduleSettings(everyModuleHasCheck)), course: moodleFields(courseSettings(everyModuleHasCheck)) };

let packages: BuiltPackage[] = [];
let packageDir = '';
let browser: Browser;

beforeAll(async () => {
  if (!hasMoodle) return;
  startMoodle();
  packageDir = exportPackages(projectRoot, { modules: 'all' }, { outDir: mkdtempSync(join(tmpdir(), 'lms-packages-')) });
  packages = JSON.parse(readFileSync(join(packageDir, 'packages.json'), 'utf8')) as BuiltPackage[];
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

function packageFor(version: (typeof versions)[number], lang: Lang, packaging: 'module' | 'course'): string {
  const item = packages.find((candidate) => candidate.version === version && candidate.lang === lang && candidate.packaging === packaging && (packaging === 'course' || candidate.modules[0] === moduleId));
  if (!item) throw new Error(`No ${packaging} package for SCORM ${version} ${lang}`);
  return join(packageDir, item.file);
}


interface Visit {
  page: Page;
  notFound: string[];
  outside: string[];
  consoleLines: string[];
  close(): Promise<void>;
}

async function visit(): Promise<Visit> {
  const session = await studentSession(browser);
  return { ...session, close: () => session.context.close() };
}

function expectClean(visitor: Visit) {
  expect(visitor.notFound, 'package files Moodle answered with 404').toEqual([]);
  expect(visitor.outside, 'requests to other hosts').toEqual([]);
  expect(visitor.consoleLines.filter((line) => line.includes('[SCORM]')), 'SCORM warnings in the console').toEqual([]);
}

const statusOf = (version: string, t: Tracks, scoid: number) => {
  const row = summaryOf(t, scoid);
  return version === '1.2' ? row?.lesson_status : `${row?.completion_status}/${row?.success_status}`;
};

describe.skipIf(!hasMoodle).each(versions)('SCORM %s module package in Moodle 4.3', (version) => {
  const v12 = version === '1.2';

  describe.each(['en', 'es'] as const)('%s', (lang) => {
    const course = courses[lang];

    it('a full correct run: passed, score 100, grade 100/100, activity complete', async () => {
      const activity = importPackage(packageFor(version, lang, 'module'), `${lang} ${version} full run`, moodleSettings.module);
      expect(activity.sco_count).toBe(1);
      const scoid = activity.scoes.find((sco) => sco.scormtype === 'sco')!.id;
      if (v12) expect(activity.scoes.find((sco) => sco.id === scoid)!.data.masteryscore).toBe(String(course.passMark));
      const visitor = await visit();
      const launch = await enterActivity(visitor.page, activity.cmid);
      // Moodle hands the manifest's pass mark to the SCO: 1.2 mastery_score, 2004 scaled_passing_score.
      const mastery = await visitor.page.evaluate((v) => {
        const api = (window as unknown as Record<string, Record<string, (element: string) => string>>)[v === '1.2' ? 'API' : 'API_1484_11']!;
        return v === '1.2' ? api.LMSGetValue!('cmi.student_data.mastery_score') : api.GetValue!('cmi.scaled_passing_score');
      }, version);
      expect(Number(mastery)).toBe(v12 ? course.passMark : course.passMark / 100);
      const check = await readToCheck(launch);
      const outcome = await takeCheck(check, course, moduleId, true);
      expect(outcome.resultText).toContain('100');
      await scoreStored(activity.cmid, scoid);
      await exitActivity(visitor.page);
      const t = await waitForTracks(activity.cmid, (tracked) => tracked.completion === 'complete' && summaryOf(tracked, scoid)?.total_time !== null);
      const row = summaryOf(t, scoid)!;
      expect(statusOf(version, t, scoid)).toBe(v12 ? 'passed' : 'completed/passed');
      expect(row.score_raw).toBe('100');
      if (!v12) expect(row.score_scaled).toBe('1');
      expect(Number(t.grade?.grade)).toBe(100);
      expect(t.completion).toBe('complete');
      const interactions = interactionsOf(t, scoid);
      expect(interactions).toHaveLength(Object.keys(outcome.answered).length);
      expect(interactions.every((entry) => entry.result === 'correct')).toBe(true);
      if (!v12) expect(interactions[0]!.timestamp).toMatch(/Z$/);
      expectClean(visitor);
      recordScenario(`${version} ${lang} module: full correct run`, t, scoid);
      await visitor.close();
    });

    it('a failing run: failed, grade 0, and the learner is told', async () => {
      const activity = importPackage(packageFor(version, lang, 'module'), `${lang} ${version} failing run`, moodleSettings.module);
      const scoid = activity.scoes.find((sco) => sco.scormtype === 'sco')!.id;
      const visitor = await visit();
      const launch = await enterActivity(visitor.page, activity.cmid);
      const check = await readToCheck(launch);
      const outcome = await takeCheck(check, course, moduleId, false);
      const failedText = (lang === 'en' ? 'Not passed yet' : 'Todavía no');
      expect(outcome.resultText).toContain(failedText);
      await scoreStored(activity.cmid, scoid);
      await exitActivity(visitor.page);
      const t = await waitForTracks(activity.cmid, (tracked) => summaryOf(tracked, scoid)?.total_time !== null && tracked.grade?.grade !== null);
      expect(statusOf(version, t, scoid)).toBe(v12 ? 'failed' : 'completed/failed');
      expect(summaryOf(t, scoid)!.score_raw).toBe('0');
      expect(Number(t.grade?.grade)).toBe(0);
      expect(t.completion).toBe('incomplete');
      expect(interactionsOf(t, scoid).every((entry) => entry.result === (v12 ? 'wrong' : 'incorrect'))).toBe(true);
      expectClean(visitor);
      recordScenario(`${version} ${lang} module: failing run`, t, scoid);
      await visitor.close();
    });

    it('a relaunch opens at the bookmark with the earlier answers, and the time adds up', async () => {
      const activity = importPackage(packageFor(version, lang, 'module'), `${lang} ${version} relaunch`, moodleSettings.module);
      const scoid = activity.scoes.find((sco) => sco.scormtype === 'sco')!.id;
      const first = await visit();
      let launch = await enterActivity(first.page, activity.cmid);
      await readLessons(launch, 1);
      const check = await readToCheck(launch);
      const outcome = await takeCheck(check, course, moduleId, false);
      await scoreStored(activity.cmid, scoid);
      await exitActivity(first.page);
      const afterFirst = await waitForTracks(activity.cmid, (tracked) => summaryOf(tracked, scoid)?.total_time !== null);
      const firstTime = seconds(version, summaryOf(afterFirst, scoid)!.total_time!);
      expect(summaryOf(afterFirst, scoid)!.location).toBe(`${moduleId}/check`);
      await first.close();

      const second = await visit();
      launch = await enterActivity(second.page, activity.cmid);
      const shown = await shownPage(launch, /\/knowledge-check\/index\.html/);
      await shown.waitForSelector('.quiz[data-hydrated]');
      for (const [questionId, optionIds] of Object.entries(outcome.answered)) {
        for (const optionId of optionIds) {
          expect(await shown.locator(`[data-question-id="${questionId}"] [data-option-id="${optionId}"] input`).isChecked(), `${questionId}/${optionId}`).toBe(true);
        }
      }
      await waitForSessionTime(launch);
      await exitActivity(second.page);
      const afterSecond = await waitForTracks(activity.cmid, (tracked) => seconds(version, summaryOf(tracked, scoid)?.total_time ?? '') > firstTime);
      expect(afterSecond.attempts).toBe(1);
      expectClean(first);
      expectClean(second);
      recordScenario(`${version} ${lang} module: relaunch`, afterSecond, scoid);
      await second.close();
    });
  });
});

/**
 * Waits until Moodle has stored the SCO's score before the learner leaves,
 * as a person reading the result does. Leaving within milliseconds of the
 * result races Moodle 4.3 itself: the exit's requests and the score's commit
 * then run in parallel PHP workers with no transaction, and completion_info's
 * cached state can be left "incomplete" though every SCO is passed; the one
 * CI failure on record (18 of 18 passed, activity incomplete) fits that race.
 */
async function scoreStored(cmid: number, scoid: number): Promise<void> {
  await waitForTracks(cmid, (tracked) => summaryOf(tracked, scoid)?.score_raw != null);
}

describe.skipIf(!hasMoodle).each(versions)('SCORM %s whole-course package in Moodle 4.3', (version) => {
  const v12 = version === '1.2';
  const course = courses.en;

  it('parses 18 SCOs, moves between them through Moodle’s contents, tracks each on its own, and grades the course as recommended', async () => {
    const activity = importPackage(packageFor(version, 'en', 'course'), `en ${version} whole course`, moodleSettings.course);
    const scos = activity.scoes.filter((sco) => sco.scormtype === 'sco');
    expect(scos).toHaveLength(course.modules.length);
    const visitor = await visit();
    let launch = await enterActivity(visitor.page, activity.cmid);
    await takeCheck(await readToCheck(launch), course, course.modules[0]!.id, true);

    // To SCO 2 through Moodle's table of contents: it starts its own session.
    launch = await openFromContents(visitor.page, scos[1]!.id, course.modules[1]!.id);
    const afterOne = await waitForTracks(activity.cmid, (tracked) => summaryOf(tracked, scos[0]!.id)?.total_time !== null && Number(tracked.grade?.grade) === 1);
    expect(statusOf(version, afterOne, scos[0]!.id)).toBe(v12 ? 'passed' : 'completed/passed');
    expect([Number(afterOne.grade?.grade), Number(afterOne.grade?.grademax)]).toEqual([1, 18]);
    expect(afterOne.completion).toBe('incomplete');
    const secondStarted = await waitForTracks(activity.cmid, (tracked) => summaryOf(tracked, scos[1]!.id)?.[v12 ? 'lesson_status' : 'completion_status'] === 'incomplete');
    expect(summaryOf(secondStarted, scos[1]!.id)!.score_raw).toBeNull();
    recordScenario(`${version} en course: after 1 of 18`, afterOne, scos[0]!.id);

    for (const [index, module] of course.modules.entries()) {
      if (index === 0) continue;
      if (index > 1) launch = await openFromContents(visitor.page, scos[index]!.id, module.id);
      await takeCheck(await readToCheck(launch), course, module.id, true);
    }
    const last = scos.at(-1)!.id;
    await scoreStored(activity.cmid, last);
    await exitActivity(visitor.page);
    const t = await waitForTracks(activity.cmid, (tracked) => tracked.completion === 'complete' && summaryOf(tracked, last)?.total_time !== null, 30_000);
    for (const sco of scos) {
      expect(statusOf(version, t, sco.id), sco.identifier).toBe(v12 ? 'passed' : 'completed/passed');
      expect(summaryOf(t, sco.id)!.score_raw, sco.identifier).toBe('100');
      expect(interactionsOf(t, sco.id).length, sco.identifier).toBeGreaterThan(0);
    }
    expect([Number(t.grade?.grade), Number(t.grade?.grademax)]).toEqual([18, 18]);
    expect(t.completion).toBe('complete');
    expect(t.attempts, 'moving between SCOs keeps one attempt').toBe(1);
    expectClean(visitor);
    recordScenario(`${version} en course: after 18 of 18`, t, last);
    await visitor.close();
  });
});

/**
 * Picks a SCO in the player's table of contents, as a learner does; resolves
 * with its launch frame once its session runs (in SCORM 2004 Moodle's player
 * is reopened for it: see src/scorm-ui/lms-quirks.ts).
 */
async function openFromContents(page: Page, scoid: number, module: string): Promise<Frame> {
  await page.locator(`#scorm_toc a[data-scoid="${scoid}"]`).click();
  return runningLaunchFrame(page, module);
}

/** The launch page keeps time from Initialize; wait until at least a second has passed so the two sessions' times differ. */
async function waitForSessionTime(launch: Frame): Promise<void> {
  const started = Date.now();
  await launch.waitForFunction((since) => Date.now() - since >= 1000, started);
}

function seconds(version: string, time: string): number {
  if (!time) return 0;
  if (version === '1.2') {
    const [hours, minutes, rest] = time.split(':');
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
  }
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(time);
  return match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
}
