/**
 * The packages a site build publishes. `npm run build` exports them first
 * into `.build/downloads` (with packages.json), then builds the site: the
 * trainer page lists them with their sizes, and this integration copies
 * them to `dist/downloads/` when the build is done. Without an export (say
 * `npm run dev`) the trainer page says how to make them.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuiltPackage } from './export.ts';

export const downloadsBuildDir = (root: string) => join(root, '.build/downloads');

/** What the last export made, or undefined when nothing was exported. */
export function readBuiltPackages(root: string): BuiltPackage[] | undefined {
  const list = join(downloadsBuildDir(root), 'packages.json');
  return existsSync(list) ? (JSON.parse(readFileSync(list, 'utf8')) as BuiltPackage[]) : undefined;
}

export function publishDownloads(options: { enabled: boolean }): AstroIntegration {
  return {
    name: 'publish-downloads',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!options.enabled) return;
        const root = process.cwd();
        const source = downloadsBuildDir(root);
        if (!existsSync(join(source, 'packages.json'))) {
          logger.warn('no packages in .build/downloads: run `npm run build` (it exports them first) to publish them');
          return;
        }
        cpSync(source, join(fileURLToPath(dir), 'downloads'), { recursive: true });
        logger.info(`published ${readBuiltPackages(root)!.length} packages in downloads/`);
      },
    },
  };
}
