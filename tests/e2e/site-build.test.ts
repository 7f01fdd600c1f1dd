import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { unpackIndex, type PackedIndex } from '../../src/search/index-format.ts';
import { runSearch } from '../../src/search/query.ts';
import { checkContent } from '../../src/content-model/check-content.ts';
import { languages } from '../../src/content-model/languages.ts';
import { existsInDist, reachableFrom, readSite, type SitePage } from './site-map.ts';

const distDir = inject('distDir');
/** Search index per language, gzipped: the aim for the full course. */
const searchIndexBudget = 150 * 1024;
let pages: Map<string, SitePage>;

beforeAll(() => {
  pages = readSite(distDir);
});

describe('the built site', () => {
  it('has a page for every module, lesson and knowledge check in every language', () => {
    const { courses } = checkContent(new URL('../../', import.meta.url).pathname);
    for (const lang of languages) {
      const course = courses[lang]!;
      expect(pages.has(`${lang}/`)).toBe(true);
      expect(pages.has(`${lang}/about/`)).toBe(true);
      for (const module of course.modules) {
        expect(pages.has(`${lang}/${module.id}/`), `${lang}/${module.id}/`).toBe(true);
        for (const lesson of module.lessons) {
          expect(pages.has(`${lang}/${module.id}/${lesson.id}/`), lesson.file).toBe(true);
        }
        if (module.quiz) expect(pages.has(`${lang}/${module.id}/knowledge-check/`)).toBe(true);
      }
    }
  });

  it('reaches every built page from the home page by following links', () => {
    const reachable = reachableFrom(pages, '');
    const unreachable = [...pages.keys()].filter((path) => !reachable.has(path));
    expect(unreachable).toEqual([]);
    expect(reachable.size).toBeGreaterThan(10);
  });

  it('has no broken internal link, anchor or asset, and uses no root-absolute URL', () => {
    const broken: string[] = [];
    const absolute: string[] = [];
    for (const page of pages.values()) {
      for (const link of page.links) {
        const [target, fragment] = link.split('#') as [string, string | undefined];
        if (!existsInDist(distDir, target)) broken.push(`${page.path || '/'} -> ${link}`);
        else if (fragment && pages.has(target) && !pages.get(target)!.html.includes(`id="${decodeURIComponent(fragment)}"`)) {
          broken.push(`${page.path || '/'} -> ${link} (no such anchor)`);
        }
      }
      for (const match of page.html.matchAll(/\s(?:href|src|component-url|renderer-url)="(\/[^"]*)"/g)) {
        absolute.push(`${page.path || '/'} -> ${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(absolute).toEqual([]);
  });

  it('declares the page language and a title and description on every page', () => {
    for (const page of pages.values()) {
      const lang = /<html lang="([a-z]{2})"/.exec(page.html)?.[1];
      if (page.path !== '') expect(lang, page.path).toBe(page.path.slice(0, 2));
      expect(page.html, page.path).toMatch(/<title>[^<]+<\/title>/);
      expect(page.html, page.path).toMatch(/<meta name="description" content="[^"]+"/);
    }
  });

  it('links every page to the same page in the other language', () => {
    for (const page of pages.values()) {
      if (page.path === '') continue;
      const lang = page.path.slice(0, 2);
      for (const other of languages.filter((candidate) => candidate !== lang)) {
        const counterpart = other + page.path.slice(2);
        expect(page.links, page.path).toContain(counterpart);
        expect(pages.has(counterpart), counterpart).toBe(true);
      }
    }
  });

  it('loads React only on knowledge-check pages, when visible; other pages only the progress runtime', () => {
    const pageScripts = /\/(search|progress|certificate|trainers)\/$/;
    for (const page of pages.values()) {
      const islands = [...page.html.matchAll(/<astro-island[^>]*>/g)].map((match) => match[0]);
      const scripts = [...page.html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!.replace(/^.*\/_astro\//, ''));
      if (page.path.endsWith('/knowledge-check/')) {
        expect(islands, page.path).toHaveLength(1);
        expect(islands[0]).toContain('client="visible"');
      } else {
        expect(islands, page.path).toEqual([]);
      }
      if (page.path !== '' && !pageScripts.test(page.path)) {
        expect(scripts, page.path).toHaveLength(1);
        expect(scripts[0], page.path).toMatch(/^BaseLayout\.astro_astro_type_script/);
      }
    }
  });
});

describe('the built search indexes', () => {
  const load = (lang: string) => unpackIndex(JSON.parse(readFileSync(join(distDir, lang, 'search-index.json'), 'utf8')) as PackedIndex);

  it('exist for every language, within the size budget, and link only to existing headings', () => {
    for (const lang of languages) {
      const file = join(distDir, lang, 'search-index.json');
      const gzipped = gzipSync(readFileSync(file)).length;
      expect(gzipped, `${lang} index: ${gzipped} bytes gzipped`).toBeLessThanOrEqual(searchIndexBudget);
      for (const document of load(lang).documents) {
        const [path, anchor] = document.ref.split('#');
        const page = pages.get(path!);
        expect(page, document.ref).toBeDefined();
        if (anchor) expect(page!.html, document.ref).toContain(`id="${anchor}"`);
      }
    }
  });

  it('answers the question officials ask: the Estonian language mentors practice', () => {
    const { index, documents } = load('en');
    const [first] = runSearch(index, documents, 'what was that practice in Estonia about language mentors?');
    expect(first!.document.ref).toMatch(/^en\/language\/language-friend-mentoring\//);
    const es = load('es');
    const [primero] = runSearch(es.index, es.documents, '¿qué práctica de Estonia tenía mentores lingüísticos?');
    expect(primero!.document.ref).toMatch(/^es\/language\/language-friend-mentoring\//);
  });
});
