/**
 * The trainer page's LMS preview: scorm-again plays the LMS (loaded only
 * when a module is launched), the exported package runs in a frame, and a
 * panel shows what the LMS receives. Data stays in this page.
 */
type Api = { on(event: string, listener: (...args: string[]) => void): void; loadFromFlattenedJSON(json: Record<string, string>): void };
interface Preview {
  name: string;
  version: '1.2' | '2004';
  lang: string;
  href: string;
}

/** What a relaunch restores: the learner's data, not the journal or write-only fields. */
const restorable = /^cmi\.(suspend_data|location|core\.lesson_location|core\.lesson_status|completion_status|success_status|core\.score\.\w+|score\.\w+)$/;

export function startLmsPreview(root: Document): void {
  const box = root.querySelector<HTMLElement>('[data-lms-preview]');
  if (!box) return;
  const strings = JSON.parse(box.dataset.strings!) as Record<string, string>;
  const previews = JSON.parse(box.dataset.previews!) as Preview[];
  const frame = box.querySelector<HTMLIFrameElement>('[data-preview-frame]')!;
  const message = box.querySelector<HTMLElement>('[data-preview-message]')!;
  const versionSelect = box.querySelector<HTMLSelectElement>('[data-preview-version]')!;
  const moduleSelect = box.querySelector<HTMLSelectElement>('[data-preview-module]')!;
  const buttons = {
    launch: box.querySelector<HTMLButtonElement>('[data-preview-launch]')!,
    close: box.querySelector<HTMLButtonElement>('[data-preview-close]')!,
    relaunch: box.querySelector<HTMLButtonElement>('[data-preview-relaunch]')!,
    reset: box.querySelector<HTMLButtonElement>('[data-preview-reset]')!,
  };
  const field = (name: string) => box.querySelector<HTMLElement>(`[data-field="${name}"]`)!;

  let values: Record<string, string> = {};
  let counts = { initialize: 0, commit: 0, terminate: 0 };
  let version: Preview['version'] = '2004';

  const render = () => {
    const v12 = version === '1.2';
    field('status').textContent = v12
      ? values['cmi.core.lesson_status'] ?? '—'
      : [values['cmi.completion_status'], values['cmi.success_status']].filter(Boolean).join(' / ') || '—';
    const raw = values[v12 ? 'cmi.core.score.raw' : 'cmi.score.raw'];
    field('score').textContent = raw === undefined ? '—' : `${raw} / 100${v12 ? '' : ` (scaled ${values['cmi.score.scaled'] ?? '—'})`}`;
    field('location').textContent = values[v12 ? 'cmi.core.lesson_location' : 'cmi.location'] ?? '—';
    const suspend = values['cmi.suspend_data'];
    field('suspend').textContent = suspend === undefined ? '—' : `${suspend.length} / ${v12 ? 4096 : 64000}`;
    field('calls').textContent = `${counts.initialize} / ${counts.commit} / ${counts.terminate}`;
    const list = field('interactions');
    list.replaceChildren();
    for (let n = 0; values[`cmi.interactions.${n}.id`] !== undefined; n += 1) {
      const item = root.createElement('li');
      const response = values[`cmi.interactions.${n}.${v12 ? 'student_response' : 'learner_response'}`] ?? '';
      item.textContent = `${values[`cmi.interactions.${n}.id`]}: ${response} (${values[`cmi.interactions.${n}.result`] ?? ''})`;
      list.append(item);
    }
  };

  const launch = async (resume: boolean) => {
    const preview = previews.find((candidate) => candidate.version === versionSelect.value);
    if (!preview) {
      message.textContent = strings['trainers.previewUnavailable']!;
      message.hidden = false;
      return;
    }
    frame.src = 'about:blank'; // ends a running session first
    version = preview.version;
    const v12 = version === '1.2';
    const { Scorm12API, Scorm2004API } = await import('scorm-again');
    const api = (v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 })) as unknown as Api;
    const restored = Object.fromEntries(Object.entries(values).filter(([element]) => restorable.test(element)));
    if (resume && Object.keys(restored).length) api.loadFromFlattenedJSON({ ...restored, [v12 ? 'cmi.core.entry' : 'cmi.entry']: 'resume' });
    if (!resume) values = {};
    counts = { initialize: 0, commit: 0, terminate: 0 };
    api.on(v12 ? 'LMSInitialize' : 'Initialize', () => ((counts.initialize += 1), render()));
    api.on(v12 ? 'LMSCommit' : 'Commit', () => ((counts.commit += 1), render()));
    api.on(v12 ? 'LMSFinish' : 'Terminate', () => ((counts.terminate += 1), render()));
    api.on(v12 ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element, value) => {
      values[element!] = value!;
      render();
    });
    const win = window as unknown as Record<string, unknown>;
    delete win.API;
    delete win.API_1484_11;
    win[v12 ? 'API' : 'API_1484_11'] = api;
    frame.src = `${preview.href}${preview.lang}/${moduleSelect.value}/launch/index.html`;
    buttons.close.disabled = false;
    buttons.relaunch.disabled = true;
    message.hidden = true;
    render();
  };

  buttons.launch.addEventListener('click', () => void launch(false));
  buttons.relaunch.addEventListener('click', () => void launch(true));
  buttons.close.addEventListener('click', () => {
    frame.src = 'about:blank';
    buttons.close.disabled = true;
    buttons.relaunch.disabled = false;
  });
  buttons.reset.addEventListener('click', () => {
    frame.src = 'about:blank';
    values = {};
    counts = { initialize: 0, commit: 0, terminate: 0 };
    buttons.close.disabled = true;
    buttons.relaunch.disabled = true;
    render();
  });
}
