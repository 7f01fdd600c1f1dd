/** The certificate page: locked until the course is complete; the name stays in the page. */
import type { ProgressState } from '../tracking/progress-state.ts';
import { courseProgress, type CourseOutline } from '../tracking/rules.ts';
import { fill } from '../i18n/fill.ts';
import { progressRuntime } from './runtime.ts';

/** When the course was completed: the latest lesson view or passed check of the current course. */
export function completionDate(outline: CourseOutline, state: ProgressState): Date {
  const times = outline.modules.flatMap((module) => [
    ...module.lessons.map((lesson) => state.lessons[lesson.id]),
    state.quizzes[module.id]?.passed ? state.quizzes[module.id]!.updatedAt : undefined,
  ]);
  const latest = times.filter((time): time is string => Boolean(time)).sort().at(-1);
  return latest ? new Date(latest) : new Date();
}

export function startCertificatePage(root: Document): void {
  const page = root.querySelector<HTMLElement>('[data-certificate-page]');
  const runtime = progressRuntime(root);
  if (!page || !runtime) return;
  const strings = JSON.parse(page.dataset.strings!) as Record<string, string>;
  const { tracker, data } = runtime;

  const render = () => {
    const progress = courseProgress(data.outline, tracker.current);
    page.querySelector<HTMLElement>('[data-certificate-ready]')!.hidden = !progress.complete;
    page.querySelector<HTMLElement>('[data-certificate-locked]')!.hidden = progress.complete;
    page.querySelector('[data-locked-message]')!.textContent = fill(strings['certificate.notComplete'], {
      done: progress.modulesComplete,
      total: progress.modules.length,
    });
    const date = new Intl.DateTimeFormat(data.lang, { dateStyle: 'long' }).format(completionDate(data.outline, tracker.current));
    page.querySelector('[data-certificate-date]')!.textContent = fill(strings['certificate.on'], { date });
  };
  tracker.subscribe(render);
  render();

  const input = page.querySelector<HTMLInputElement>('[data-certificate-name]')!;
  const output = page.querySelector<HTMLElement>('[data-certificate-name-out]')!;
  input.addEventListener('input', () => {
    output.textContent = input.value.trim() || strings['certificate.anonymous']!;
  });
  page.querySelector('[data-print]')!.addEventListener('click', () => print());
}
