/**
 * The real Moodle 4.3 of ../shared/moodle (or MOODLE_HARNESS_DIR): start it,
 * import a package with Moodle's own API, play it in Chromium as the student
 * through Moodle's player, and read back what Moodle stored.
 *
 * Nothing here imitates Moodle: every verdict comes from Moodle's database
 * through the harness's report-tracks.php.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/harness.ts';

export const harnessDir = process.env.MOODLE_HARNESS_DIR ?? new URL('../../../shared/moodle/', import.meta.url).pathname;
export const moodleRoot = process.env.MH_ROOT ?? '/var/tmp/moodle-lms';
export const hasMoodle = existsSync(join(harnessDir, 'setup.sh'));

/** The harness's settings (ports, users), as harness.env exports them. */
function harnessEnv(): Record<string, string> {
  const result = spawnSync('bash', ['-c', `source "${join(harnessDir, 'harness.env')}" && env -0`], { env: { ...process.env, MH_ROOT: moodleRoot }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Could not read ${harnessDir}harness.env:\n${result.stderr}`);
  return Object.fromEntries(result.stdout.split('\0').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

let envCache: Record<string, string> | undefined;
export function env(): Record<string, string> {
  return (envCache ??= harnessEnv());
}

function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { env: { ...process.env, ...env() }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Installs (first time) and starts Moodle; idempotent. */
export function startMoodle(): void {
  run('bash', [join(harnessDir, 'setup.sh')], 'Starting Moodle (../shared/moodle/setup.sh)');
}

export interface ImportedActivity {
  cmid: number;
  scormid: number;
  version: string;
  scoes: { id: number; identifier: string; scormtype: string; launch: string; data: Record<string, string> }[];
  sco_count: number;
}

/** Imports a zip as a new SCORM activity (the "Add an activity" form's path), with optional activity settings. */
export function importPackage(zip: string, name: string, settings: Record<string, string | number> = {}): ImportedActivity {
  const out = join(mkdtempSync(join(tmpdir(), 'moodle-import-')), 'import.json');
  const args = [join(harnessDir, 'import-scorm.php'), `--zip=${zip}`, `--name=${name}`, '--replace', `--json=${out}`];
  for (const [key, value] of Object.entries(settings)) args.push(`--set=${key}=${value}`);
  run('php', args, `Importing ${zip} into Moodle`);
  return JSON.parse(readFileSync(out, 'utf8')) as ImportedActivity;
}

export interface ScoSummary {
  attempt: number;
  scoid: number;
  identifier: string;
  lesson_status: string | null;
  completion_status: string | null;
  success_status: string | null;
  score_raw: string | null;
  score_scaled: string | null;
  suspend_data_length: number | null;
  location: string | null;
  exit: string | null;
  session_time: string | null;
  total_time: string | null;
}

export interface Tracks {
  attempts: number;
  summary: ScoSummary[];
  grade: { grade: number | null; str_grade: string | null; grademax: number } | null;
  completion: string | null;
  raw: { attempt: number; scoid: number; element: string; value: string }[];
}

/**
 * Polls what Moodle stored until `ready` says it is there (a session that
 * ends on page unload reaches Moodle by beacon, a moment after the page is
 * gone); fails with the last reading after `timeout`.
 */
export async function waitForTracks(cmid: number, ready: (t: Tracks) => boolean, timeout = 20_000): Promise<Tracks> {
  const until = Date.now() + timeout;
  for (;;) {
    const t = tracks(cmid);
    if (ready(t)) return t;
    if (Date.now() > until) throw new Error(`Moodle did not store what was expected within ${timeout} ms; it has: grade ${JSON.stringify(t.grade)}, completion ${t.completion}, attempts ${t.attempts}, and per SCO:\n${JSON.stringify(t.summary, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What Moodle stored for the student in one activity. */
export function tracks(cmid: number): Tracks {
  const output = run('php', [join(harnessDir, 'report-tracks.php'), `--cmid=${cmid}`, `--user=${env().MH_STUDENT_USER}`, '--json'], 'Reading tracks');
  const line = output.split('\n').find((candidate) => candidate.startsWith('TRACKED '));
  if (!line) throw new Error(`report-tracks.php printed no TRACKED line:\n${output}`);
  return JSON.parse(line.slice('TRACKED '.length)) as Tracks;
}

/** Interactions Moodle stored for one SCO, by index. */
export function interactionsOf(t: Tracks, scoid: number): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const row of t.raw) {
    const match = /^cmi\.interactions[._](\d+)\.(.+)$/.exec(row.element); // Moodle stores 1.2 as interactions_0
    if (!match || row.scoid !== scoid) continue;
    const entry = byIndex.get(Number(match[1])) ?? {};
    entry[match[2]!] = row.value;
    byIndex.set(Number(match[1]), entry);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

export function summaryOf(t: Tracks, scoid: number): ScoSummary | undefined {
  return t.summary.filter((row) => row.scoid === scoid).at(-1);
}

/** A browser signed in as the student; any request to a host other than 127.0.0.1 fails the test. */
export async function studentSession(browser?: Browser): Promise<{ browser: Browser; context: BrowserContext; page: Page; outside: string[]; notFound: string[]; consoleLines: string[] }> {
  const owned = browser ?? (await launchBrowser());
  const context = await owned.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  const notFound: string[] = [];
  const consoleLines: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  context.on('response', (response) => {
    if (response.status() === 404 && response.url().includes('/pluginfile.php/')) notFound.push(response.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  const { MH_WWWROOT, MH_STUDENT_USER, MH_STUDENT_PASS } = env();
  await page.goto(`${MH_WWWROOT}/login/index.php`);
  await page.fill('#username', MH_STUDENT_USER!);
  await page.fill('#password', MH_STUDENT_PASS!);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login/')), page.click('#loginbtn')]);
  return { browser: owned, context, page, outside, notFound, consoleLines };
}

/** Opens the activity and presses Enter, as a student does; resolves with the SCO's launch frame. */
export async function enterActivity(page: Page, cmid: number): Promise<Frame> {
  await page.goto(`${env().MH_WWWROOT}/mod/scorm/view.php?id=${cmid}`);
  await Promise.all([page.waitForURL(/\/mod\/scorm\/player\.php/), page.locator('#scormviewform button[value="normal"]').click()]);
  return runningLaunchFrame(page);
}

/**
 * The frame showing a module's SCO launch page inside Moodle's player
 * (#scorm_object), once its SCORM session runs. Frames come and go while
 * Moodle swaps SCOs or reloads its player, so each check looks afresh.
 */
export async function runningLaunchFrame(page: Page, moduleId?: string, timeout = 30_000): Promise<Frame> {
  const pattern = moduleId ? new RegExp(`/${moduleId}/launch/index\\.html`) : /\/launch\/index\.html/;
  const until = Date.now() + timeout;
  let last = 'no launch page';
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      if (!pattern.test(frame.url())) continue;
      const state = await frame.evaluate(() => document.documentElement.dataset.scormSession).catch(() => undefined);
      last = `launch page ${frame.url()} in state ${state ?? '(loading)'}`;
      if (state === 'running') return frame;
      if (state === 'failed' || state === 'no-lms') throw new Error(`${last}: ${await frame.locator('[data-launch-notice]').textContent()}`);
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`No running SCO session within ${timeout} ms (${last})`);
}

/** Leaves through Moodle's "Exit activity" link, as a person does, and waits for Moodle's course or activity page. */
export async function exitActivity(page: Page): Promise<void> {
  const exit = page.locator('a', { hasText: /^\s*Exit activity\s*$/ }).first();
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/player.php')), exit.click()]);
  await page.waitForLoadState('load');
}
