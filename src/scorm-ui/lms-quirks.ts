/**
 * What particular LMSs need beyond the SCORM spec, kept apart so that the
 * launch page reads as the spec does.
 *
 * Moodle 4.3, SCORM 2004, several SCOs: the player page creates one API
 * object (`window.API_1484_11`, `M.scorm_api.init` in
 * mod/scorm/datamodels/scorm_13.js) and never replaces it. Once a SCO has
 * called Terminate, the object's `Terminated` flag stays set, so when the
 * learner picks the next SCO in Moodle's table of contents, that SCO's
 * Initialize is refused with 104 (content instance terminated), for good.
 * A fresh player page for the chosen SCO has a fresh API object. Moodle's
 * player loads every SCO through `loadSCO.php?a=<scorm>&scoid=<sco>...`,
 * the launch page's frame address, which names what to reopen.
 */

/** The URL of Moodle's player for this SCO, when the launch page runs in Moodle's player frame. */
export function moodlePlayerUrl(win: Window): string | undefined {
  let source: string | null | undefined;
  try {
    source = win.frameElement?.getAttribute('src');
  } catch {
    return undefined; // framed by another origin: not Moodle's player page
  }
  if (!source) return undefined;
  const loader = new URL(source, win.location.href);
  if (!loader.pathname.endsWith('/mod/scorm/loadSCO.php')) return undefined;
  const scorm = loader.searchParams.get('a');
  const sco = loader.searchParams.get('scoid');
  if (!scorm || !sco) return undefined;
  const player = new URL('player.php', loader);
  player.searchParams.set('a', scorm);
  player.searchParams.set('scoid', sco);
  const organisation = loader.searchParams.get('currentorg');
  if (organisation) player.searchParams.set('currentorg', organisation);
  player.searchParams.set('mode', loader.searchParams.get('mode') || 'normal');
  return player.href;
}

const relaunchKey = (url: string) => `holistic-course:moodle-relaunch:${url}`;

/**
 * Reopens this SCO in a fresh Moodle player page, once: if the new page
 * fails the same way, the learner is told instead of being sent round in a
 * loop. Returns false when that is not possible here.
 */
export function relaunchInMoodle(win: Window, now = Date.now()): boolean {
  const url = moodlePlayerUrl(win);
  const player = win.frameElement?.ownerDocument.defaultView;
  if (!url || !player) return false;
  try {
    const last = Number(win.sessionStorage.getItem(relaunchKey(url)) ?? 0);
    if (now - last < 60_000) return false;
    win.sessionStorage.setItem(relaunchKey(url), String(now));
  } catch {
    return false; // without storage a loop could not be ruled out
  }
  player.location.href = url;
  return true;
}
