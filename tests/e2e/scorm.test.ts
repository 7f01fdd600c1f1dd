/**
 * SCORM packages in a real browser with scorm-again as the LMS, served the
 * way Moodle serves them (a deep path), for both versions; and every
 * generated manifest against the official XSDs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { BuiltPackage } from '../../src/export/export.ts';
import { checkManifest } from '../../src/export/check-manifest.ts';
import { launchBrowser, offlinePage, serveMounts, type StaticServer } from './harness.ts';

/** The official XSDs, in shared/ beside the repository (or SCORM_SCHEMAS_DIR). */
const schemas = process.env.SCORM_SCHEMAS_DIR ?? new URL('../../../shared/scorm-schemas/', import.meta.url).pathname;
if (!existsSync(join(schemas, 'validate-scorm12.xsd'))) {
  throw new Error(`SCORM XSDs not found in ${schemas}: put shared/scorm-schemas beside the repository or set SCORM_SCHEMAS_DIR.`);
}
const deepPath = '/pluginfile.php/42/mod_scorm/content/1/';

function packagesIn(dir: string): BuiltPackage[] {
  return JSON.parse(readFileSync(join(dir, 'packages.json'), 'utf8')) as BuiltPackage[];
}

function xmllint(manifestPath: string, version: '1.2' | '2004') {
  const schema = join(schemas, version === '1.2' ? 'validate-scorm12.xsd' : 'validate-scorm2004-4th.xsd');
  return spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, manifestPath], { encoding: 'utf8' });
}

describe('generated manifests', () => {
  const dir = inject('coursePackagesDir');
  const built = packagesIn(dir);

  it('make the default set: each language and version, whole course and one per module', () => {
    const modules = new Set(built.flatMap((item) => item.modules)).size;
    expect(built).toHaveLength(2 * 2 * (1 + modules));
    expect(built.filter((item) => item.packaging === 'course').map((item) => `${item.lang}-${item.version}`).sort()).toEqual(['en-1.2', 'en-2004', 'es-1.2', 'es-2004']);
  });

  it('validate against the SCORM XSDs and pass the checks the XSDs miss', () => {
    const work = mkdtempSync(join(tmpdir(), 'manifests-'));
    for (const item of built) {
      const entries = unzipSync(readFileSync(join(dir, item.file)));
      const manifest = new TextDecoder().decode(entries['imsmanifest.xml']);
      const path = join(work, `${item.name}.xml`);
      writeFileSync(path, manifest);
      const result = xmllint(path, item.version);
      expect(result.status, `${item.name}: ${result.stderr}`).toBe(0);
      expect(checkManifest(manifest, item.version, (href) => href in entries), item.name).toEqual([]);
    }
  });

  it('address every page, script, style and frame by file: no folder URL, nothing above the package root, outside links in a new window', () => {
    for (const item of built) {
      const entries = unzipSync(readFileSync(join(dir, item.file)));
      for (const [name, bytes] of Object.entries(entries)) {
        if (!/\.(html|css|js)$/.test(name)) continue;
        const text = new TextDecoder().decode(bytes);
        const where = `${item.name}: ${name}`;
        expect(text.match(/\s(?:href|src)="\/[^"]*"/g) ?? [], `${where}: root-absolute URLs`).toEqual([]);
        if (!name.endsWith('.html')) continue;
        for (const match of text.matchAll(/\s(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]*)"/g)) {
          const target = match[1]!.replace(/[?#].*$/, '');
          if (target === '' || /^[a-z]+:/i.test(match[1]!)) continue; // same-page anchor, or another site
          expect(target.endsWith('/') || target === '.' || target === '..' || !posix.extname(target), `${where}: folder URL ${match[1]}`).toBe(false);
          const resolved = posix.normalize(posix.join(posix.dirname(name), decodeURIComponent(target)));
          expect(resolved.startsWith('../'), `${where}: ${match[1]} points above the package root`).toBe(false);
          expect(resolved in entries, `${where}: ${match[1]} is not in the package`).toBe(true);
        }
        for (const match of text.matchAll(/<a\s[^>]*href="(https?:[^"]*)"[^>]*>/g)) {
          expect(match[0], `${where}: outside link`).toMatch(/\starget="_blank"/);
          expect(match[0], `${where}: outside link`).toMatch(/\srel="[^"]*noopener/);
        }
      }
    }
  });

  it('are in the package language, XML-escaped', () => {
    const spanish = built.find((item) => item.lang === 'es' && item.packaging === 'course' && item.version === '2004')!;
    const manifest = new TextDecoder().decode(unzipSync(readFileSync(join(dir, spanish.file)))['imsmanifest.xml']);
    expect(manifest).toContain('<title>Un enfoque integral de la integración de personas migrantes y refugiadas</title>');
    expect(manifest).toContain('<language>es</language>');
    expect(manifest).not.toMatch(/<title>[^<]*&[^a-z#]/);
  });

  it('a broken manifest fails the checks', () => {
    const item = built.find((candidate) => candidate.version === '1.2')!;
    const entries = unzipSync(readFileSync(join(dir, item.file)));
    const manifest = new TextDecoder().decode(entries['imsmanifest.xml']);
    const broken = manifest
      .replace('adlcp:scormtype="sco"', 'adlcp:scormType="sco"')
      .replace(/identifierref="RES-([^"]+)"/, 'identifierref="RES-missing"')
      .replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.3</schemaversion>');
    const path = join(mkdtempSync(join(tmpdir(), 'broken-')), 'imsmanifest.xml');
    writeFileSync(path, broken);
    expect(xmllint(path, '1.2').status).toBe(3);
    const problems = checkManifest(broken, '1.2', (href) => href in entries && !href.endsWith('launch/index.html'));
    expect(problems.join('\n')).toMatch(/schemaversion is "1.3"/);
    expect(problems.join('\n')).toMatch(/identifierref "RES-missing" names no resource/);
    expect(problems.join('\n')).toMatch(/scormtype is missing/);
    expect(problems.join('\n')).toMatch(/launch\/index\.html" is not in the package/);
  });

  it('stay small: only the files the modules need', () => {
    for (const item of built) {
      const names = Object.keys(unzipSync(readFileSync(join(dir, item.file))));
      const pages = names.filter((name) => name.endsWith('.html'));
      expect(pages.every((name) => item.modules.some((module) => name.startsWith(`${item.lang}/${module}/`))), item.name).toBe(true);
      expect(names.some((name) => name.includes('search-index')), item.name).toBe(false);
    }
  });
});

describe.each(['1.2', '2004'] as const)('a SCORM %s package in an LMS', (version) => {
  const v12 = version === '1.2';
  let lms: StaticServer;
  let content: StaticServer;
  let course: StaticServer;
  let courseItem: BuiltPackage;
  let browser: Browser;

  beforeAll(async () => {
    const dir = inject('fixturePackagesDir');
    const item = packagesIn(dir).find((candidate) => candidate.version === version && candidate.packaging === 'course')!;
    // The real course's package too, for moving between SCOs; on the same origin as the LMS, as in Moodle.
    courseItem = packagesIn(inject('coursePackagesDir')).find((candidate) => candidate.version === version && candidate.packaging === 'course' && candidate.lang === 'en')!;
    [content, lms, course] = await serveMounts({
      [deepPath]: { dir: join(dir, item.preview!), serving: 'lms' },
      '/lms/': inject('lmsHarnessDir'),
      '/pluginfile.php/7/mod_scorm/content/2/': { dir: join(inject('coursePackagesDir'), courseItem.preview!), serving: 'lms' },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await content?.close();
  });

  // Served as Moodle serves a package: any 404 (a folder URL, a missing file) fails the test.
  afterEach(() => {
    expect(content.notFound, 'package URLs answered with 404').toEqual([]);
    expect(course.notFound, 'package URLs answered with 404').toEqual([]);
  });

  const scoUrl = () => `${content.url}en/demo/launch/index.html`;
  const lmsValue = (page: Page, element: string) => page.evaluate((name) => (window as unknown as { lms: { received(n: string): string | undefined } }).lms.received(name), element);
  const counts = (page: Page) => page.evaluate(() => (window as unknown as { lms: { counts: Record<string, number> } }).lms.counts);

  async function launch(options: { initial?: Record<string, string>; failCommits?: number } = {}) {
    const { page, outside } = await offlinePage(browser);
    await page.goto(`${lms.url}player.html?version=${version}&failCommits=${options.failCommits ?? 0}&sco=about:blank`);
    await page.evaluate((initial) => sessionStorage.setItem('lms-initial', JSON.stringify(initial)), options.initial ?? {});
    await page.goto(`${lms.url}player.html?version=${version}&failCommits=${options.failCommits ?? 0}&sco=${encodeURIComponent(scoUrl())}`);
    const module: FrameLocator = page.frameLocator('#sco').frameLocator('[data-launch-frame]');
    await module.locator('h1').waitFor();
    return { page, outside, module };
  }

  async function answerAll(module: FrameLocator, right: boolean) {
    await module.locator('.quiz[data-hydrated]').waitFor();
    const choices = right ? ['q-single-b', 'q-multiple-a', 'q-multiple-c', 'q-tf-true', 'q-four-a', 'q-five-a'] : ['q-single-a', 'q-multiple-b', 'q-tf-false', 'q-four-b', 'q-five-b'];
    for (const id of choices) await module.locator(`#demo-check-${id}`).check();
    await module.locator('.quiz button[type="submit"]').click();
    await module.locator('.quiz-result').waitFor();
  }

  async function close(page: Page) {
    await page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await page.waitForFunction(() => (window as unknown as { lms: { counts: { terminate: number } } }).lms.counts.terminate > 0);
  }

  it('runs a whole module in one session: one Initialize, one Terminate, statuses, score and interactions', async () => {
    const { page, module, outside } = await launch();
    expect(await module.locator('h1').textContent()).toBe('Recorded talk');
    for (const next of ['Self-hosted clip', 'Plain lesson']) {
      await module.locator('a[rel="next"]').click();
      await module.locator('h1', { hasText: next }).waitFor();
    }
    await module.locator('a[rel="next"]').click();
    await answerAll(module, true);
    expect(await counts(page)).toMatchObject({ initialize: 1, terminate: 0 });

    await close(page);
    expect(await counts(page)).toMatchObject({ initialize: 1, terminate: 1 });
    if (v12) {
      expect(await lmsValue(page, 'cmi.core.lesson_status')).toBe('passed');
      expect(await lmsValue(page, 'cmi.core.score.raw')).toBe('100');
      expect(await lmsValue(page, 'cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}/);
      expect(await lmsValue(page, 'cmi.interactions.1.student_response')).toBe('a,c');
    } else {
      expect(await lmsValue(page, 'cmi.completion_status')).toBe('completed');
      expect(await lmsValue(page, 'cmi.success_status')).toBe('passed');
      expect(await lmsValue(page, 'cmi.score.scaled')).toBe('1');
      expect(await lmsValue(page, 'cmi.session_time')).toMatch(/^PT/);
      expect(await lmsValue(page, 'cmi.interactions.1.learner_response')).toBe('a[,]c');
      expect(await lmsValue(page, 'cmi.interactions.0.description')).toBe('Which option is right? (en)');
    }
    expect(await lmsValue(page, 'cmi.interactions.0.id')).toBe('demo-check-q-single');
    expect(await lmsValue(page, 'cmi.interactions.4.result')).toBe('correct');
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('resumes at the bookmark with the earlier answers on relaunch', async () => {
    const first = await launch();
    await first.module.locator('a[rel="next"]').click();
    await first.module.locator('h1', { hasText: 'Self-hosted clip' }).waitFor();
    await first.page.waitForFunction((element) => (window as unknown as { lms: { received(n: string): string | undefined } }).lms.received(element) === 'demo/demo-clip', v12 ? 'cmi.core.lesson_location' : 'cmi.location');
    await first.module.locator('.module-contents a[href$="knowledge-check/index.html"]').click();
    await answerAll(first.module, false);
    await close(first.page);
    const location = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
    const initial = {
      'cmi.suspend_data': (await lmsValue(first.page, 'cmi.suspend_data'))!,
      [location]: (await lmsValue(first.page, location))!,
      [v12 ? 'cmi.core.entry' : 'cmi.entry']: 'resume',
      [v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status']: (await lmsValue(first.page, v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status'))!,
    };
    expect(initial[location]).toBe('demo/check');
    expect(initial['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
    await first.page.context().close();

    const second = await launch({ initial });
    await second.module.locator('.quiz[data-hydrated]').waitFor();
    expect(await second.module.locator('h1').textContent()).toContain('Check (en)');
    expect(await second.module.locator('#demo-check-q-single-a').isChecked()).toBe(true);
    expect(await second.module.locator('#demo-check-q-tf-false').isChecked()).toBe(true);
    expect(await second.module.locator('.module-contents [data-lesson-id="demo-talk"].is-viewed').count()).toBe(1);
    expect(await counts(second.page)).toMatchObject({ initialize: 1 });
    await second.page.context().close();
  });

  it('reports a failing score as failed', async () => {
    const { page, module } = await launch();
    await module.locator('.module-contents a[href$="knowledge-check/index.html"]').click();
    await answerAll(module, false);
    await close(page);
    expect(await lmsValue(page, v12 ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('failed');
    expect(await lmsValue(page, v12 ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('0');
    await page.context().close();
  });

  it('commits once when a lesson opens (viewed mark and bookmark together)', async () => {
    const { page, module } = await launch();
    await page.waitForFunction(() => (window as unknown as { lms: { counts: { commit: number } } }).lms.counts.commit >= 2);
    const before = (await counts(page)).commit;
    await module.locator('a[rel="next"]').click();
    await module.locator('h1', { hasText: 'Self-hosted clip' }).waitFor();
    await page.waitForFunction((element) => (window as unknown as { lms: { received(n: string): string | undefined } }).lms.received(element) === 'demo/demo-clip', v12 ? 'cmi.core.lesson_location' : 'cmi.location');
    expect((await counts(page)).commit - before).toBe(1);
    await page.context().close();
  });

  it('retries a refused commit and tells the learner why, keeping the answers', async () => {
    const { page, module } = await launch({ failCommits: 1000 });
    const notice = page.frameLocator('#sco').locator('[data-launch-notice]');
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await module.locator('.module-contents a[href$="knowledge-check/index.html"]').click();
    await answerAll(module, true);
    await notice.filter({ hasText: 'not saving your progress' }).waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('error 391');
    expect(warnings.some((text) => /\[SCORM\] (LMS)?Commit failed: LMS error 391 .*diagnostic: test LMS refused the commit/.test(text)), warnings.join('\n')).toBe(true);
    const { failedCommits } = await counts(page);
    expect(failedCommits).toBeGreaterThanOrEqual(4);
    // The values were set even though the LMS would not commit them.
    expect(await lmsValue(page, v12 ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('100');
    await page.context().close();
  });

  it('starts the next SCO after the previous one terminated, finding the API the LMS puts in place', async () => {
    const [first, second] = courseItem.modules;
    const scos = [first, second].map((module) => `${course.url}en/${module}/launch/index.html`).join('|');
    const { page } = await offlinePage(browser);
    await page.goto(`${lms.url}player.html?version=${version}&scos=${encodeURIComponent(scos)}&apiDelay=400`);
    const running = (module: string) => page.waitForFunction((id) => {
      const frame = document.getElementById('sco') as HTMLIFrameElement;
      return Boolean(frame.contentWindow?.location.href.includes(`/${id}/launch/`) && frame.contentDocument?.documentElement?.dataset.scormSession === 'running');
    }, module, { timeout: 15_000 });
    await running(first!);
    await page.evaluate(() => (window as unknown as { lmsSwitch(n: number): void }).lmsSwitch(1));
    await running(second!);
    const sessions = await page.evaluate(() => (window as unknown as { lmsSessions: { counts: Record<string, number> }[] }).lmsSessions.map((lms) => ({ counts: lms.counts })));
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.counts.terminate).toBe(1);
    // SCO 2 first met SCO 1's terminated API (refused), looked again, and started on its own.
    expect(sessions[0]!.counts.initialize).toBeGreaterThanOrEqual(2);
    expect(sessions[1]!.counts).toMatchObject({ initialize: 1, terminate: 0 });
    expect(await page.frameLocator('#sco').locator('[data-launch-notice]').isHidden()).toBe(true);
    await page.context().close();
  });

  it('says so and keeps working without an LMS', async () => {
    const { page } = await offlinePage(browser);
    await page.goto(scoUrl());
    const notice = page.locator('[data-launch-notice]');
    await notice.filter({ hasText: 'No learning platform' }).waitFor();
    const module = page.frameLocator('[data-launch-frame]');
    await module.locator('h1', { hasText: 'Recorded talk' }).waitFor();
    await page.context().close();
  });
});

describe('trainer page', () => {
  it('lists every package with its size, the recommended version first, and the Moodle settings the real-LMS suite uses', () => {
    const built = packagesIn(inject('coursePackagesDir'));
    for (const lang of ['en', 'es'] as const) {
      const html = parse(readFileSync(join(inject('distDir'), lang, 'trainers/index.html'), 'utf8'));
      const rows = html.querySelectorAll('.downloads-table tbody tr');
      expect(rows).toHaveLength(built.filter((item) => item.lang === lang).length);
      expect(rows[0]!.querySelector('td')!.textContent).toMatch(/^SCORM 1\.2/);
      for (const cell of html.querySelectorAll('[data-package-size]')) {
        const item = built.find((candidate) => candidate.name === cell.getAttribute('data-package-size'))!;
        const kb = Number(cell.textContent.replace(/[^\d.,]/g, '').replace(',', '.'));
        expect(Math.abs(kb - item.bytes / 1024), item.name).toBeLessThan(0.1);
      }
      expect(html.querySelector('#which')!.textContent).toBe(lang === 'en' ? 'Which package should I choose?' : '¿Qué paquete debo elegir?');
      const course = html.querySelector('[data-lms-settings="course"]')!.textContent;
      expect(course).toContain('Grading method: Learning objects');
      expect(course).toContain('All SCOs must return completion status: Yes');
    }
  });
});

describe('export command', () => {
  it('refuses bad options with a clear message', () => {
    const result = spawnSync(process.execPath, [new URL('../../scripts/export.ts', import.meta.url).pathname, '--version', '3', '--skip-build'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown SCORM version: 3. Use one of: 1.2, 2004');
    const unknownModule = spawnSync(process.execPath, [new URL('../../scripts/export.ts', import.meta.url).pathname, '--modules', 'no-such-module', '--skip-build'], { encoding: 'utf8' });
    expect(unknownModule.stderr).toContain('Unknown module: no-such-module');
  });
});

describe('trainer page LMS preview', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    [server] = await serveMounts({ '/course/': inject('distDir') });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a module with scorm-again and shows what the LMS receives, then resumes it', async () => {
    const { page, outside } = await offlinePage(browser);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${server.url}en/trainers/`);
    const preview = page.locator('[data-lms-preview]');
    await preview.locator('[data-preview-version]').selectOption('1.2');
    await preview.locator('[data-preview-module]').selectOption('language');
    await preview.locator('[data-preview-launch]').click();
    const module = page.frameLocator('[data-preview-frame]').frameLocator('[data-launch-frame]');
    await module.locator('article.lesson h1').waitFor();
    await module.locator('a[rel="next"]').click();
    await page.locator('[data-field="location"]', { hasText: 'language/' }).waitFor();
    expect(await page.locator('[data-field="status"]').textContent()).toBe('incomplete');
    expect(await page.locator('[data-field="calls"]').textContent()).toMatch(/^1 \/ \d+ \/ 0$/);
    expect(await page.locator('[data-field="suspend"]').textContent()).toMatch(/^\d+ \/ 4096$/);

    await preview.locator('[data-preview-close]').click();
    await page.locator('[data-field="calls"]', { hasText: / \/ 1$/ }).waitFor();
    const bookmark = await page.locator('[data-field="location"]').textContent();

    await preview.locator('[data-preview-relaunch]').click();
    await module.locator('article.lesson h1').waitFor();
    const lessonId = await module.locator('article.lesson').getAttribute('data-lesson-id');
    expect(bookmark).toBe(`language/${lessonId}`);
    expect(scripts.some((url) => /scorm-again|Scorm/i.test(url) || url.includes('lms-preview'))).toBe(true);
    expect(outside).toEqual([]);
    await page.context().close();
  });
});
