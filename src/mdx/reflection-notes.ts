/**
 * Private reflection notes in localStorage. Without storage (private mode,
 * blocked cookies) the box still shows, with a notice that it will not be
 * kept, so nothing typed is lost silently.
 */
const prefix = 'course-notes:v1:';

function storageAvailable(): Storage | undefined {
  try {
    const probe = `${prefix}probe`;
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}

export function setUpReflectionNotes(root: ParentNode): void {
  const storage = storageAvailable();
  for (const box of root.querySelectorAll<HTMLElement>('[data-reflection-notes]')) {
    const key = prefix + box.dataset.reflectionNotes;
    const field = box.querySelector('textarea')!;
    const saved = box.querySelector<HTMLElement>('[data-saved]')!;
    box.hidden = false;
    if (!storage) {
      box.querySelector<HTMLElement>('[data-help-unavailable]')!.hidden = false;
      continue;
    }
    field.value = storage.getItem(key) ?? '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      try {
        if (field.value) storage.setItem(key, field.value);
        else storage.removeItem(key);
        saved.hidden = false;
      } catch {
        box.querySelector<HTMLElement>('[data-help-unavailable]')!.hidden = false;
      }
    };
    field.addEventListener('input', () => {
      saved.hidden = true;
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    // Save at once when the learner leaves the field or the page.
    field.addEventListener('blur', save);
    addEventListener('pagehide', save);
  }
}
