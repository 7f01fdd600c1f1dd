/**
 * `npm run bench`: prints what the course costs to build and to use.
 * Measures, never asserts (budgets are tests: tests/e2e/budgets.test.ts).
 *
 *   build time of the course, and of a generated course ten times larger
 *   pages built; bytes per page type (HTML, CSS, JS, JS at first paint, gzipped)
 *   search index size and query time per language
 *   export time and package sizes; worst-case suspend_data length per version
 *   Lighthouse (mobile) for home and a lesson, when `lighthouse` is installed
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../src/build/relative-asset-urls.ts';
import { pageWeight, type PageWeight } from '../src/build/page-weight.ts';
import { checkContent } from '../src/content-model/check-content.ts';
import type { Course } from '../src/content-model/course-model.ts';
import { languages, type Lang } from '../src/content-model/languages.ts';
import { moduleKey } from '../src/progress-ui/outline.ts';
import { unpackIndex, type PackedIndex } from '../src/search/index-format.ts';
import { runSearch } from '../src/search/query.ts';
import { encodeSuspendData, suspendDataLimit } from '../src/tracking/scorm/suspend-data.ts';

const root = new URL('..', import.meta.url).pathname;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const env = { ...process.env, NODE_ENV: 'production' };
const rows: [string, string][] = [];
const row = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`  ${what}: ${value}`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function timed(command: string[], cwd: string, extraEnv: Record<string, string> = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, command, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}\n${result.stdout}`);
  return performance.now() - started;
}

/** A copy of the course with every module repeated `times` times (new ids), to see how builds grow. */
function largerCourse(times: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-course-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  for (const item of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, item), join(dir, item), { recursive: true });
  cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
  const course = readFileSync(join(root, 'content/course.yaml'), 'utf8');
  const moduleIds = [...course.matchAll(/^ {2}- ([a-z0-9-]+)$/gm)].map((match) => match[1]!);
  const extra: string[] = [];
  for (let copy = 1; copy < times; copy += 1) {
    for (const lang of languages) {
      for (const folder of readdirSync(join(root, 'content', lang))) {
        const target = join(dir, 'content', lang, `${folder}-x${copy}`);
        cpSync(join(root, 'content', lang, folder), target, { recursive: true });
        for (const file of readdirSync(target)) {
          const path = join(target, file);
          writeFileSync(path, readFileSync(path, 'utf8').replace(/^id: (.+)$/m, `id: $1-x${copy}`));
        }
      }
    }
    extra.push(...moduleIds.map((id) => `  - ${id}-x${copy}`));
  }
  writeFileSync(join(dir, 'content/course.yaml'), course.replace(/^modules:\n((?: {2}- .+\n)+)/m, (block) => `${block}${extra.join('\n')}\n`));
  return dir;
}

console.log('Building the course…');
// Its own output folder: a bench run must not replace the site and packages in dist/.
const dist = join(root, '.build/bench-site');
const buildTime = timed([astro, 'build', '--outDir', dist], root);
const pages = htmlFiles(dist).filter((file) => !file.includes('/downloads/'));
row('build time, course (18 modules x 2 languages)', seconds(buildTime));
row('pages built', String(pages.length));

console.log('Building a course ten times larger…');
const big = largerCourse(10);
const bigTime = timed([astro, 'build'], big);
const bigPages = htmlFiles(join(big, 'dist')).length;
row('build time, generated course x10 (180 modules)', `${seconds(bigTime)} for ${bigPages} pages (${(bigTime / buildTime).toFixed(1)}x the time for ${(bigPages / pages.length).toFixed(1)}x the pages)`);
rmSync(big, { recursive: true, force: true });

const { courses } = checkContent(root);
const course = courses.en as Course;
const sample: [string, string][] = [
  ['home', 'en/'],
  ['module overview', `en/${course.modules[0]!.id}/`],
  ['lesson (no video)', `en/${course.modules[0]!.id}/${course.modules[0]!.lessons[1]!.id}/`],
  ['lesson with video', `en/reception/community-mobilisation-arrivals/`],
  ['knowledge check', `en/${course.modules[0]!.id}/knowledge-check/`],
  ['search', 'en/search/'],
  ['progress', 'en/progress/'],
  ['trainers', 'en/trainers/'],
];
const describe = (weight: PageWeight) =>
  `HTML ${kib(weight.html)}, CSS ${kib(weight.css)}, JS at first paint ${kib(weight.jsFirstPaint)}, JS later ${kib(weight.jsLater)}, first paint total ${kib(weight.total)}`;
for (const [name, path] of sample) row(`page: ${name}`, describe(pageWeight(dist, path)));

for (const lang of languages) {
  const text = readFileSync(join(dist, lang, 'search-index.json'));
  const { index, documents } = unpackIndex(JSON.parse(text.toString()) as PackedIndex);
  const queries = lang === 'en' ? ['language mentors', 'integration', 'trauma children', 'co-creation committee', 'reqruitment'] : ['migracion', 'integraciones laborales', 'mentores', 'vivienda', 'cocreación'];
  const times: number[] = [];
  for (let round = 0; round < 40; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      runSearch(index, documents, query);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  row(`search index ${lang}`, `${kib(gzipSync(text).length)} gzipped (${kib(text.length)} raw), ${documents.length} sections; query median ${times[times.length >> 1]!.toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms`);
}

console.log('Exporting the default package set…');
const out = mkdtempSync(join(tmpdir(), 'bench-packages-'));
const exportTime = timed([join(root, 'scripts/export.ts'), '--out', out], root);
const built = JSON.parse(readFileSync(join(out, 'packages.json'), 'utf8')) as { packaging: string; bytes: number }[];
const courseSizes = built.filter((item) => item.packaging === 'course').map((item) => item.bytes);
const moduleSizes = built.filter((item) => item.packaging === 'module').map((item) => item.bytes);
row('export time, default set', `${seconds(exportTime)} for ${built.length} packages (includes building the package pages)`);
row('package size, whole course', `${kib(Math.min(...courseSizes))} to ${kib(Math.max(...courseSizes))}`);
row('package size, one module', `${kib(Math.min(...moduleSizes))} to ${kib(Math.max(...moduleSizes))}`);
rmSync(out, { recursive: true, force: true });

let worst = 0;
for (const lang of languages) {
  const languageCourse = courses[lang as Lang]!;
  for (const module of languageCourse.modules) {
    const state = {
      version: 1 as const,
      courseId: languageCourse.id,
      lessons: Object.fromEntries(module.lessons.map((lesson) => [lesson.id, 'x'])),
      quizzes: module.quiz ? { [module.id]: { bestScore: 100, lastScore: 100, passed: true, attempts: 99999, updatedAt: 'x', answers: Object.fromEntries(module.quiz.questions.map((q) => [q.id, q.options.map((o) => o.id)])) } } : {},
      updatedAt: 'x',
    };
    worst = Math.max(worst, encodeSuspendData(moduleKey(languageCourse, module.id), state).length);
  }
}
row('worst-case suspend_data, SCORM 1.2', `${worst} of ${suspendDataLimit['1.2']} characters`);
row('worst-case suspend_data, SCORM 2004', `${worst} of ${suspendDataLimit['2004']} characters`);

// Lighthouse when it is installed (npm install -g lighthouse, or LIGHTHOUSE=/path/to/bin), mobile settings.
const lighthouseBin = process.env.LIGHTHOUSE ?? 'lighthouse';
if (spawnSync(lighthouseBin, ['--version'], { encoding: 'utf8' }).status === 0) {
  const server = createServer(sirv(dist, { dev: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
  for (const [name, path] of [['home', 'en/'], ['lesson', sample[2]![1]]] as const) {
    const report = join(mkdtempSync(join(tmpdir(), 'lighthouse-')), 'report.json');
    // Asynchronous: the page server runs in this process and must keep answering.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(lighthouseBin, [`${base}${path}`, '--quiet', '--output=json', `--output-path=${report}`, `--chrome-flags=${flags}`], {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      child.on('close', (status) => resolve({ status, stderr }));
    });
    if (run.status !== 0) {
      row(`Lighthouse (mobile), ${name}`, `failed: ${run.stderr.split('\n')[0]}`);
      continue;
    }
    const categories = (JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { title: string; score: number }> }).categories;
    row(`Lighthouse (mobile), ${name}`, Object.values(categories).map((category) => `${category.title} ${Math.round(category.score * 100)}`).join(', '));
  }
  server.close();
} else {
  row('Lighthouse (mobile)', 'not installed: npm install -g lighthouse (or set LIGHTHOUSE) and rerun');
}

console.log('\n| measure | value |\n| --- | --- |');
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
