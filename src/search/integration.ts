/**
 * Post-build step: one search index per language, written next to that
 * language's pages as `<lang>/search-index.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { gzipSync } from 'node:zlib';
import { htmlFiles } from '../build/relative-asset-urls.ts';
import { languages } from '../content-model/languages.ts';
import { buildSearchIndex, lessonSections, type Section } from './build-index.ts';
import { searchIndexFileName } from './types.ts';

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const sections = new Map<string, Section[]>(languages.map((lang) => [lang, []]));
        for (const file of htmlFiles(outDir)) {
          const path = relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '');
          sections.get(path.slice(0, 2))?.push(...lessonSections(readFileSync(file, 'utf8'), path));
        }
        for (const lang of languages) {
          const json = JSON.stringify(buildSearchIndex(lang, sections.get(lang)!));
          writeFileSync(`${outDir}/${lang}/${searchIndexFileName}`, json);
          logger.info(`${lang}: ${sections.get(lang)!.length} sections, ${(gzipSync(json).length / 1024).toFixed(1)} KiB gzipped`);
        }
      },
    },
  };
}
