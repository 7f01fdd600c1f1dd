/**
 * The launch page of a module SCO in the browser: connects to the LMS,
 * restores the learner's place, publishes the session for the lesson pages
 * of the inner frame, and ends the session once, on pagehide (never unload,
 * which LMS frames often forbid: eXeLearning #1831, scorm-again #1625).
 *
 * The page's state is on `<html data-scorm-session>`: connecting, running,
 * no-lms, relaunching, failed, terminated.
 */
import { findApi, openSession, ScormCallError, staleSessionCodes, type ScormConnection } from '../tracking/scorm/api.ts';
import { publishHost } from '../tracking/scorm/host.ts';
import { ScormSession, type SessionProblem } from '../tracking/scorm/session.ts';
import type { ModuleKey } from '../tracking/scorm/suspend-data.ts';
import type { Lang } from '../content-model/languages.ts';
import { fill } from '../i18n/fill.ts';
import { paths, relativeHref } from '../i18n/routes.ts';
import { moodlePlayerUrl, relaunchInMoodle } from './lms-quirks.ts';

interface LaunchData {
  courseId: string;
  lang: Lang;
  key: ModuleKey;
  strings: Record<string, string>;
}

/**
 * The inner frame's address for a bookmark (`module/lesson` or `module/check`),
 * relative to the launch page. Always a file: LMS file servers answer a
 * folder URL with 404 (Moodle's `scorm_pluginfile()` does).
 */
export function frameTarget(lang: Lang, key: ModuleKey, bookmark: string | undefined): string {
  const moduleId = key.module.id;
  const from = paths.launch(lang, moduleId);
  const [bookmarkModule, page] = (bookmark ?? '').split('/');
  if (bookmarkModule === moduleId && page === 'check' && key.module.quiz) return relativeHref(from, paths.check(lang, moduleId), 'file');
  const lesson = key.module.lessons.find((candidate) => bookmarkModule === moduleId && candidate.id === page) ?? key.module.lessons[0];
  return relativeHref(from, lesson ? paths.lesson(lang, moduleId, lesson.id) : paths.module(lang, moduleId), 'file');
}

/** The learner's words for a refusal, with the LMS's own code and text; the console gets the full diagnosis. */
function explain(strings: Record<string, string>, message: string | undefined, error: Error): string {
  console.warn(`[SCORM] ${error.message}`);
  const detail = error instanceof ScormCallError ? ` ${fill(strings['launch.errorDetail'], { code: error.code || '?', text: error.text })}` : '';
  return `${message ?? ''}${detail}`;
}

export async function startLaunchPage(win: Window): Promise<ScormSession | undefined> {
  const doc = win.document;
  const data = JSON.parse(doc.getElementById('launch-data')!.textContent!) as LaunchData;
  const { strings } = data;
  const frame = doc.querySelector<HTMLIFrameElement>('[data-launch-frame]')!;
  const notice = doc.querySelector<HTMLElement>('[data-launch-notice]')!;
  const say = (text: string | undefined) => {
    notice.textContent = text ?? '';
    notice.hidden = !text;
  };
  const setState = (state: string) => (doc.documentElement.dataset.scormSession = state);
  const showModule = (bookmark?: string) => (frame.src = frameTarget(data.lang, data.key, bookmark));

  setState('connecting');
  if (!findApi(win)) {
    setState('no-lms');
    say(strings['launch.noLms']);
    showModule();
    return undefined;
  }

  let connection: ScormConnection;
  try {
    // In Moodle's player a refused Initialize never heals (see lms-quirks.ts): no point waiting.
    connection = await openSession({ find: () => findApi(win), ...(moodlePlayerUrl(win) ? { delays: [] } : {}) });
  } catch (error) {
    if (error instanceof ScormCallError && Object.values(staleSessionCodes).flat().includes(error.code) && relaunchInMoodle(win)) {
      setState('relaunching');
      say(strings['launch.relaunching']);
      return undefined;
    }
    setState('failed');
    say(explain(strings, strings['launch.notStarted'], error as Error));
    showModule();
    return undefined;
  }

  const onProblem = (problem: SessionProblem) => {
    if (problem.kind === 'commit-failed') say(explain(strings, strings['launch.commitFailed'], problem.error));
    else if (problem.kind === 'commit-recovered') say(strings['launch.commitRecovered']);
    else if (problem.kind === 'call-failed') say(explain(strings, strings['launch.callFailed'], problem.error));
  };
  const session = new ScormSession({ connection, key: data.key, courseId: data.courseId, lang: data.lang, onProblem });
  const restored = session.restore();
  publishHost(win, {
    store: session,
    reportAnswer: (event) => {
      const question = data.key.questions.find((candidate) => candidate.id === event.questionId);
      session.reportAnswer(event, question?.optionIds ?? []);
    },
  });
  setState('running');
  showModule(restored.location?.step);

  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') session.flush();
  });
  win.addEventListener('pagehide', () => {
    session.terminate();
    setState('terminated');
  });
  return session;
}
