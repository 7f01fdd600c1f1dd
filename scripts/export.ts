/**
 * `npm run export`: SCORM packages for trainers.
 *
 *   npm run export                         default set: each language x SCORM 1.2 and 2004 x
 *                                          (whole course + one package per module)
 *   npm run export -- --version 2004 --lang es --modules reception,language --packaging module
 *   Options: --version 1.2|2004|all  --lang en|es|all  --modules id,id|all
 *            --packaging course|module|all  --out DIR (default dist/downloads)
 *            --preview (also write extracted copies of course packages)  --skip-build
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content-model/check-content.ts';
import { formatIssue } from '../src/content-model/author-errors.ts';
import type { Lang } from '../src/content-model/languages.ts';
import type { Course } from '../src/content-model/course-model.ts';
import { makePackage, type BuiltPackage } from '../src/export/export.ts';
import { buildPackageSite } from '../src/export/package-site.ts';
import { ExportOptionError, parseExportOptions, planPackages } from '../src/export/plan.ts';

const root = new URL('..', import.meta.url).pathname;

function fail(message: string): never {
  console.error(`export: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      version: { type: 'string' },
      lang: { type: 'string' },
      modules: { type: 'string' },
      packaging: { type: 'string' },
      out: { type: 'string', default: join(root, 'dist/downloads') },
      preview: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\nRun with --help options as documented in the README ("Exporting SCORM packages").`);
}

const content = checkContent(root);
if (content.errorCount > 0) {
  fail(`the content has errors; fix them first:\n\n${content.issues.filter((issue) => issue.severity === 'error').map(formatIssue).join('\n\n')}`);
}
const courses = content.courses as Record<Lang, Course>;
let options;
try {
  options = parseExportOptions(args, courses.en.modules.map((module) => module.id));
} catch (error) {
  if (error instanceof ExportOptionError) fail(error.message);
  throw error;
}
const specs = planPackages(courses, options);
const siteDir = join(root, '.build/package-site');
const started = performance.now();
if (!args['skip-build']) {
  console.log('Building the package pages…');
  buildPackageSite(root, siteDir);
}

const built: BuiltPackage[] = [];
try {
  specs.forEach((spec, index) => {
    process.stdout.write(`[${String(index + 1).padStart(String(specs.length).length)}/${specs.length}] ${spec.name}\n`);
    built.push(makePackage(spec, siteDir, args.out!, { preview: args.preview && spec.packaging === 'course' }));
  });
} catch (error) {
  fail((error as Error).message);
}
writeFileSync(join(args.out!, 'packages.json'), JSON.stringify(built, null, 2));

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = built.map((item) => [item.name, `SCORM ${item.version}`, item.lang, kib(item.bytes), relative(process.cwd(), join(args.out!, item.file))]);
const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 8));
console.log(`\n${'package'.padEnd(widths[0]!)}  ${'version'.padEnd(widths[1]!)}  ${'lang'.padEnd(widths[2]!)}  ${'size'.padStart(widths[3]!)}  path`);
for (const row of rows) console.log(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${row[3]!.padStart(widths[3]!)}  ${row[4]}`);
console.log(`\n${built.length} package(s), ${kib(built.reduce((sum, item) => sum + item.bytes, 0))} in all, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
