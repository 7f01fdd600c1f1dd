/**
 * Builds, once for every browser test file, the real course and a small
 * fixture course that uses every learning component. SKIP_BUILD=1 reuses
 * the real course's existing dist/ (handy when iterating on tests).
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { buildProject, exportPackages, fixtureRoot, projectRoot } from './build-site.ts';
import { downloadsBuildDir } from '../../src/export/downloads.ts';

function mustBuild(root?: string): string {
  const result = buildProject(root);
  if (result.status !== 0) throw new Error(`astro build failed for ${result.root}:\n${result.output}`);
  return result.distDir;
}

/** The stand-in LMS page, bundled for the browser from the same code as the Node tests' LMS. */
async function buildLmsHarness(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lms-harness-'));
  const source = join(projectRoot, 'tests/e2e/fixtures/lms-harness');
  await build({ entryPoints: [join(source, 'player.ts')], bundle: true, format: 'iife', outfile: join(dir, 'player.js'), logLevel: 'error' });
  copyFileSync(join(source, 'player.html'), join(dir, 'player.html'));
  return dir;
}

export default async function setup(project: TestProject) {
  const reuse = process.env.SKIP_BUILD === '1' && existsSync(join(projectRoot, 'dist/downloads/packages.json'));
  // As `npm run build` does it: the default package set first (the trainer page
  // lists it with sizes), then the site, which publishes it in downloads/.
  if (!reuse) {
    exportPackages(projectRoot, {}, { preview: true, outDir: downloadsBuildDir(projectRoot) });
    mustBuild();
  }
  project.provide('distDir', join(projectRoot, 'dist'));
  project.provide('coursePackagesDir', join(projectRoot, 'dist/downloads'));
  const componentsRoot = fixtureRoot(join(projectRoot, 'tests/e2e/fixtures/components-course'));
  project.provide('componentsDistDir', mustBuild(componentsRoot));
  // The fixture course's packages, extracted, for the stand-in LMS.
  project.provide('fixturePackagesDir', exportPackages(componentsRoot, { packaging: 'course', lang: 'en' }, { preview: true }));
  project.provide('lmsHarnessDir', await buildLmsHarness());
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    componentsDistDir: string;
    coursePackagesDir: string;
    fixturePackagesDir: string;
    lmsHarnessDir: string;
  }
}
