/**
 * Builds the site once for every browser test file, unless SKIP_BUILD=1
 * (handy when iterating on tests against an existing dist/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const root = new URL('../../', import.meta.url).pathname;
  if (!(process.env.SKIP_BUILD === '1' && existsSync(`${root}dist/index.html`))) {
    const result = spawnSync(`${root}node_modules/.bin/astro`, ['build'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
  project.provide('distDir', `${root}dist`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
