/**
 * Builds a course with the project's own code but another `content/` (and
 * `public/`): a temporary root links everything else back to the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { checkContent } from '../../src/content-model/check-content.ts';
import type { Course } from '../../src/content-model/course-model.ts';
import type { Lang } from '../../src/content-model/languages.ts';
import { makePackage } from '../../src/export/export.ts';
import { buildPackageSite, productionEnv } from '../../src/export/package-site.ts';
import { parseExportOptions, planPackages } from '../../src/export/plan.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname;
// Run Astro on the same Node as the tests (the project's pinned one).
const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  root: string;
  distDir: string;
  status: number | null;
  output: string;
}

export function buildProject(root = projectRoot): BuildResult {
  // Vitest sets NODE_ENV=test (React's development build) and, in workers, MODE/DEV/... (see productionEnv).
  const env = productionEnv();
  const result = spawnSync(process.execPath, [astro, 'build', '--root', root], { cwd: root, encoding: 'utf8', env });
  return { root, distDir: join(root, 'dist'), status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A throw-away root with `fixtureDir`'s content/ (copied, so it can be edited) and public/. */
export function fixtureRoot(fixture: string): string {
  const fixtureDir = resolve(fixture);
  const root = mkdtempSync(join(tmpdir(), 'course-site-'));
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  // Copied, not linked: Vite resolves a linked src/ to paths outside the root.
  for (const shared of ['src', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(projectRoot, shared), join(root, shared), { recursive: true });
  }
  cpSync(join(fixtureDir, 'content'), join(root, 'content'), { recursive: true });
  const publicDir = existsSync(join(fixtureDir, 'public')) ? join(fixtureDir, 'public') : join(projectRoot, 'public');
  cpSync(publicDir, join(root, 'public'), { recursive: true });
  return root;
}

/**
 * Builds a root's package pages and exports packages into a new temporary
 * folder, with the same code as `npm run export`; returns the folder.
 */
export function exportPackages(root: string, raw: Parameters<typeof parseExportOptions>[0], options: { preview?: boolean; outDir?: string } = {}): string {
  const content = checkContent(root);
  if (content.errorCount) throw new Error(`content errors in ${root}`);
  const courses = content.courses as Record<Lang, Course>;
  const siteDir = join(root, '.build/package-site');
  buildPackageSite(root, siteDir);
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'packages-'));
  const built = planPackages(courses, parseExportOptions(raw, courses.en.modules.map((module) => module.id))).map((spec) =>
    makePackage(spec, siteDir, outDir, { preview: options.preview && spec.packaging === 'course' }),
  );
  writeFileSync(join(outDir, 'packages.json'), JSON.stringify(built, null, 2));
  return outDir;
}
