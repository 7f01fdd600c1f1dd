/** The progress page: table, course summary, reset (with confirmation), export and import. */
import { emptyState } from '../tracking/progress-state.ts';
import { courseProgress } from '../tracking/rules.ts';
import { exportProgress, importProgress } from '../tracking/transfer.ts';
import { fill } from '../i18n/fill.ts';
import { progressRuntime } from './runtime.ts';

export function startProgressPage(root: Document): void {
  const page = root.querySelector<HTMLElement>('[data-progress-page]');
  const runtime = progressRuntime(root);
  if (!page || !runtime) return;
  const { tracker, data } = runtime;
  const strings = JSON.parse(page.dataset.strings!) as Record<string, string>;
  const message = page.querySelector<HTMLElement>('[data-transfer-message]')!;
  const say = (text: string) => {
    message.textContent = text;
    message.hidden = false;
  };

  const render = () => {
    const progress = courseProgress(data.outline, tracker.current);
    page.querySelector('[data-course-summary]')!.textContent = fill(strings['progress.course'], {
      percent: progress.percent,
      done: progress.minutesDone,
      total: progress.minutesTotal,
      modules: progress.modulesComplete,
      count: progress.modules.length,
    });
    page.querySelector<HTMLElement>('[data-certificate-link]')!.hidden = !progress.complete;
    for (const module of progress.modules) {
      const row = page.querySelector(`[data-progress-row="${CSS.escape(module.moduleId)}"]`);
      if (!row) continue;
      row.setAttribute('data-status', module.status);
      row.querySelector('[data-cell="status"]')!.textContent = strings[`progress.status.${module.status}`] ?? '';
      row.querySelector('[data-cell="lessons"]')!.textContent = `${module.lessonsViewed} / ${module.lessonsTotal}`;
      row.querySelector('[data-cell="score"]')!.textContent = module.bestScore === undefined ? strings['progress.noScore']! : `${module.bestScore} %`;
      row.querySelector('[data-cell="minutes"]')!.textContent = `${module.minutesDone} / ${module.minutesTotal - module.minutesDone}`;
    }
  };
  tracker.subscribe(render);
  render();

  page.querySelector('[data-export]')!.addEventListener('click', () => {
    const blob = new Blob([exportProgress(tracker.current)], { type: 'application/json' });
    const link = root.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = page.dataset.fileName!;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  const fileInput = page.querySelector<HTMLInputElement>('[data-import]')!;
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const result = importProgress(await file.text(), tracker.current);
    if (result.ok) {
      tracker.replace(result.state);
      say(strings['progress.importDone']!);
    } else {
      say(strings[`progress.importError.${result.reason}`]!);
    }
    fileInput.value = '';
  });

  const confirm = page.querySelector<HTMLElement>('[data-reset-confirm]')!;
  const resetButton = page.querySelector<HTMLButtonElement>('[data-reset]')!;
  resetButton.addEventListener('click', () => {
    confirm.hidden = false;
    confirm.querySelector<HTMLButtonElement>('[data-reset-cancel]')!.focus();
  });
  confirm.querySelector('[data-reset-cancel]')!.addEventListener('click', () => {
    confirm.hidden = true;
    resetButton.focus();
  });
  confirm.querySelector('[data-reset-yes]')!.addEventListener('click', () => {
    tracker.replace(emptyState(data.outline.id));
    confirm.hidden = true;
    say(strings['progress.resetDone']!);
    resetButton.focus();
  });
}
