/** Builds the pages that go inside packages (COURSE_TARGET=package) into their own folder. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The environment of a plain production build, whatever the caller's: a test
 * runner (Vitest) leaves `MODE`, `DEV`, `PROD`, `SSR` and `BASE_URL` in
 * process.env, which Astro reads as `import.meta.env`, and with DEV set the
 * pages render in development mode, twenty times slower.
 */
export function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  for (const name of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) delete env[name];
  return env;
}

export function buildPackageSite(projectRoot: string, outDir: string): void {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: productionEnv({ COURSE_TARGET: 'package' }),
  });
  if (result.status !== 0) throw new Error(`Building the package pages failed:\n${result.stdout}\n${result.stderr}`);
}
