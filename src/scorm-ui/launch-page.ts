/**
 * The launch page of a module SCO in the browser: connects to the LMS,
 * restores the learner's place, publishes the session for the lesson pages
 * of the inner frame, and ends the session once, on pagehide (never unload,
 * which LMS frames often forbid: eXeLearning #1831, scorm-again #1625).
 */
import { connect, findApi } from '../tracking/scorm/api.ts';
import { publishHost } from '../tracking/scorm/host.ts';
import { ScormSession, type SessionProblem } from '../tracking/scorm/session.ts';
import type { ModuleKey } from '../tracking/scorm/suspend-data.ts';

interface LaunchData {
  courseId: string;
  lang: string;
  key: ModuleKey;
  strings: Record<string, string>;
}

/** The inner frame's address for a bookmark (`module/lesson` or `module/check`), relative to the launch page. */
export function frameTarget(key: ModuleKey, bookmark: string | undefined): string {
  const [moduleId, page] = (bookmark ?? '').split('/');
  if (moduleId === key.module.id && page === 'check' && key.module.quiz) return '../knowledge-check/';
  if (moduleId === key.module.id && key.module.lessons.some((lesson) => lesson.id === page)) return `../${page}/`;
  return `../${key.module.lessons[0]?.id ?? ''}/`;
}

export function startLaunchPage(win: Window): ScormSession | undefined {
  const doc = win.document;
  const data = JSON.parse(doc.getElementById('launch-data')!.textContent!) as LaunchData;
  const frame = doc.querySelector<HTMLIFrameElement>('[data-launch-frame]')!;
  const notice = doc.querySelector<HTMLElement>('[data-launch-notice]')!;
  const say = (text: string | undefined) => {
    notice.textContent = text ?? '';
    notice.hidden = !text;
  };

  const found = findApi(win);
  if (!found) {
    say(data.strings['launch.noLms']);
    frame.src = frameTarget(data.key, undefined);
    return undefined;
  }

  const onProblem = (problem: SessionProblem) => {
    if (problem.kind === 'commit-failed') say(data.strings['launch.commitFailed']);
    else if (problem.kind === 'commit-recovered') say(data.strings['launch.commitRecovered']);
    else if (problem.kind === 'call-failed') {
      console.warn(`[SCORM] ${problem.message}`);
      say(data.strings['launch.callFailed']);
    }
  };
  const session = new ScormSession({ connection: connect(found), key: data.key, courseId: data.courseId, lang: data.lang, onProblem });
  let restored;
  try {
    restored = session.start();
  } catch (error) {
    console.warn(`[SCORM] ${(error as Error).message}`);
    say(data.strings['launch.callFailed']);
    frame.src = frameTarget(data.key, undefined);
    return undefined;
  }
  publishHost(win, {
    store: session,
    reportAnswer: (event) => {
      const question = data.key.questions.find((candidate) => candidate.id === event.questionId);
      session.reportAnswer(event, question?.optionIds ?? []);
    },
  });
  frame.src = frameTarget(data.key, restored.location?.step);

  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') session.flush();
  });
  win.addEventListener('pagehide', () => session.terminate());
  return session;
}
