/** Builds the pages that go inside packages (COURSE_TARGET=package) into their own folder. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function buildPackageSite(projectRoot: string, outDir: string): void {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, COURSE_TARGET: 'package', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`Building the package pages failed:\n${result.stdout}\n${result.stderr}`);
}
