/**
 * Builds, once for every browser test file, the real course and a small
 * fixture course that uses every learning component. SKIP_BUILD=1 reuses
 * the real course's existing dist/ (handy when iterating on tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildProject, fixtureRoot, projectRoot } from './build-site.ts';

function mustBuild(root?: string): string {
  const result = buildProject(root);
  if (result.status !== 0) throw new Error(`astro build failed for ${result.root}:\n${result.output}`);
  return result.distDir;
}

export default function setup(project: TestProject) {
  const reuse = process.env.SKIP_BUILD === '1' && existsSync(join(projectRoot, 'dist/index.html'));
  project.provide('distDir', reuse ? join(projectRoot, 'dist') : mustBuild());
  project.provide('componentsDistDir', mustBuild(fixtureRoot(join(projectRoot, 'tests/e2e/fixtures/components-course'))));
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    componentsDistDir: string;
  }
}
