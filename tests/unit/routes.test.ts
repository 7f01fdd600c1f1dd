import { describe, expect, it } from 'vitest';
import { pagePath, paths, relativeHref, translatePath } from '../../src/i18n/routes.ts';

describe('relativeHref', () => {
  it('links between pages with relative paths only', () => {
    expect(relativeHref('en/m1/lesson-a/', 'en/m1/lesson-b/')).toBe('../lesson-b/');
    expect(relativeHref('en/m1/lesson-a/', 'en/m2/')).toBe('../../m2/');
    expect(relativeHref('en/m1/lesson-a/', 'es/m1/lesson-a/')).toBe('../../../es/m1/lesson-a/');
    expect(relativeHref('en/', 'en/about/')).toBe('about/');
    expect(relativeHref('', 'en/')).toBe('en/');
  });

  it('links a page to itself and to an anchor', () => {
    expect(relativeHref('en/m1/', 'en/m1/')).toBe('./');
    expect(relativeHref('en/m1/', 'en/m1/#objectives')).toBe('./#objectives');
    expect(relativeHref('en/', 'en/m1/a/#intro')).toBe('m1/a/#intro');
  });

  it('links files without a trailing slash', () => {
    expect(relativeHref('en/m1/lesson-a/', 'favicon.svg')).toBe('../../../favicon.svg');
    expect(relativeHref('', 'favicon.svg')).toBe('favicon.svg');
    expect(relativeHref('en/', 'en/search/index.json')).toBe('search/index.json');
  });
});

describe('relativeHref in the file style (packages, offline folder)', () => {
  it('names the index.html of every page, never a folder', () => {
    expect(relativeHref('en/m1/lesson-a/', 'en/m1/lesson-b/', 'file')).toBe('../lesson-b/index.html');
    expect(relativeHref('en/m1/lesson-a/', 'en/m1/', 'file')).toBe('../index.html');
    expect(relativeHref('en/m1/', 'en/m1/', 'file')).toBe('index.html');
    expect(relativeHref('en/m1/', 'en/m1/#objectives', 'file')).toBe('index.html#objectives');
    expect(relativeHref('', 'en/', 'file')).toBe('en/index.html');
    expect(relativeHref('en/m1/launch/', 'en/m1/knowledge-check/', 'file')).toBe('../knowledge-check/index.html');
  });

  it('leaves file links as they are', () => {
    expect(relativeHref('en/m1/lesson-a/', 'favicon.svg', 'file')).toBe('../../../favicon.svg');
  });

  it('is the folder style unless a build sets it', () => {
    expect(relativeHref('en/m1/lesson-a/', 'en/m1/lesson-b/')).toBe('../lesson-b/');
  });
});

describe('translatePath', () => {
  it('changes only the language segment', () => {
    expect(translatePath(paths.lesson('en', 'm1', 'en-lesson'), 'es')).toBe('es/m1/en-lesson/');
    expect(translatePath(paths.home('es'), 'en')).toBe('en/');
  });
});

describe('pagePath', () => {
  it('normalises Astro pathnames', () => {
    expect(pagePath('/en/m1/')).toBe('en/m1/');
    expect(pagePath('/en/m1')).toBe('en/m1/');
    expect(pagePath('/')).toBe('');
    expect(pagePath('/en/index.html')).toBe('en/');
  });
});
