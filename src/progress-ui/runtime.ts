/**
 * The progress runtime of every page: installs the tracker the learning
 * components report to, records the lesson viewed and the learner's place,
 * and keeps the progress marks of the page up to date (also when another
 * tab changes progress). Pages with more to show (progress, certificate)
 * subscribe through `startProgressRuntime`.
 */
import { relativeHref, paths } from '../i18n/routes.ts';
import type { ProgressState } from '../tracking/progress-state.ts';
import { ProgressTracker } from '../tracking/progress-tracker.ts';
import { courseProgress, type CourseProgress } from '../tracking/rules.ts';
import { LocalStorageStore, type TrackingStore } from '../tracking/stores.ts';
import { findHost } from '../tracking/scorm/host.ts';
import { setTracker, type Tracker } from '../tracking/tracker.ts';
import { fill } from '../i18n/fill.ts';
import { readPageData, type ProgressPageData } from './page-data.ts';

export interface ProgressRuntime {
  data: ProgressPageData;
  tracker: ProgressTracker;
  store: TrackingStore;
  progress(): CourseProgress;
}

function renderMarks(root: Document, data: ProgressPageData, state: ProgressState, progress: CourseProgress): void {
  const { strings } = data;
  for (const item of root.querySelectorAll<HTMLElement>('[data-lesson-id]')) {
    if (item.tagName === 'ARTICLE') continue;
    const viewed = Boolean(state.lessons[item.dataset.lessonId!]);
    item.classList.toggle('is-viewed', viewed);
    let mark = item.querySelector<HTMLElement>(':scope > .progress-mark');
    if (viewed && !mark) {
      mark = root.createElement('span');
      mark.className = 'progress-mark';
      mark.textContent = ` (${strings['progress.viewed']})`;
      item.append(mark);
    } else if (!viewed) mark?.remove();
  }
  for (const slot of root.querySelectorAll<HTMLElement>('[data-module-status]')) {
    const module = progress.modules.find((candidate) => candidate.moduleId === slot.dataset.moduleStatus);
    if (!module) continue;
    const summary = fill(strings['progress.moduleSummary'], { status: strings[`progress.status.${module.status}`] ?? '', percent: module.percent });
    const score = module.bestScore === undefined ? '' : ` · ${fill(strings['progress.bestScore'], { score: module.bestScore })}`;
    slot.textContent = summary + score;
    slot.dataset.status = module.status;
    slot.hidden = false;
  }
}

function renderContinue(root: Document, data: ProgressPageData, state: ProgressState): void {
  const slot = root.querySelector<HTMLElement>('[data-continue]');
  const step = state.location?.step;
  if (!slot || !step) return;
  const [moduleId, page] = step.split('/');
  const module = data.outline.modules.find((candidate) => candidate.id === moduleId);
  const lang = data.lang as Parameters<typeof paths.home>[0];
  let target: string | undefined;
  if (module && page === 'check' && module.quiz) target = paths.check(lang, module.id);
  else if (module?.lessons.some((lesson) => lesson.id === page)) target = paths.lesson(lang, module.id, page!);
  if (!target) return; // content changed since: nothing sensible to continue
  const link = slot.querySelector('a')!;
  link.href = relativeHref(data.path, target);
  slot.hidden = false;
}

function renderNotice(root: Document, data: ProgressPageData, store: TrackingStore): void {
  const notice = root.getElementById('progress-notice');
  if (!notice) return;
  const messages = store.notices.map((item) => data.strings[`progress.notice.${item.kind}`]).filter(Boolean);
  notice.textContent = [...new Set(messages)].join(' ');
  notice.hidden = messages.length === 0;
}

// One runtime per page, shared by every script on it (they may be separate bundles).
const registry = Symbol.for('holistic-integration-course.progress-runtime');
type Registry = { [registry]?: ProgressRuntime };

/** The page's progress runtime, started on first use; undefined on pages without course data. */
export function progressRuntime(root: Document = document): ProgressRuntime | undefined {
  const global = globalThis as Registry;
  return (global[registry] ??= startProgressRuntime(root));
}

function startProgressRuntime(root: Document): ProgressRuntime | undefined {
  const data = readPageData(root);
  if (!data) return undefined;
  // Inside a SCORM package the launch page owns the LMS session: use it.
  const host = findHost(window);
  const store = host?.store ?? new LocalStorageStore(data.outline.id);
  const tracker = new ProgressTracker(store);
  const reporting: Tracker = host
    ? {
        lessonViewed: (moduleId, lessonId) => tracker.lessonViewed(moduleId, lessonId),
        questionAnswered: (event) => {
          tracker.questionAnswered(event);
          host.reportAnswer(event);
        },
        quizScored: (event) => tracker.quizScored(event),
        location: (path) => tracker.location(path),
        savedAnswers: (moduleId) => tracker.savedAnswers(moduleId),
      }
    : tracker;
  setTracker(reporting);

  const render = (state: ProgressState) => {
    renderMarks(root, data, state, courseProgress(data.outline, state));
    renderContinue(root, data, state);
    renderNotice(root, data, store);
  };
  tracker.subscribe(render);

  const lesson = root.querySelector<HTMLElement>('article[data-lesson-id]');
  if (lesson) tracker.lessonViewed(lesson.dataset.moduleId!, lesson.dataset.lessonId!);
  tracker.location(data.path);
  render(tracker.current);

  return { data, tracker, store, progress: () => courseProgress(data.outline, tracker.current) };
}
