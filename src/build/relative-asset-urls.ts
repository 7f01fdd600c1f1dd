/**
 * Astro writes its bundles as root-absolute URLs (`/_astro/x.css`). Course
 * pages must work from any path: a sub-folder of a web server, an LMS that
 * serves a SCORM package from `/pluginfile.php/42/...`, a file on disk. This
 * post-build step rewrites those attributes relative to each page.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Attributes Astro fills with asset URLs, including island loader ones. */
const assetAttribute = /\b(href|src|component-url|renderer-url|before-hydration-url)="\/(_astro\/[^"]*)"/g;

export function relativizeHtml(html: string, depth: number): string {
  const up = '../'.repeat(depth) || './';
  return html.replace(assetAttribute, (_match, attribute: string, path: string) => `${attribute}="${up}${path}"`);
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function relativeAssetUrls(): AstroIntegration {
  return {
    name: 'relative-asset-urls',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = htmlFiles(outDir);
        for (const file of files) {
          const depth = relative(outDir, file).split(sep).length - 1;
          const html = readFileSync(file, 'utf8');
          const rewritten = relativizeHtml(html, depth);
          if (rewritten !== html) writeFileSync(file, rewritten);
        }
        logger.info(`made asset URLs relative in ${files.length} pages`);
      },
    },
  };
}
