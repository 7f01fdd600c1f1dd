import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/content-model/languages.ts';
import { fill } from '../../src/i18n/fill.ts';
import { uiStrings, useTranslations } from '../../src/i18n/translator.ts';

const srcDir = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(astro|tsx?)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('UI strings', () => {
  it('have the same keys in every language', () => {
    const reference = Object.keys(uiStrings.en).sort();
    for (const lang of languages) {
      expect(Object.keys(uiStrings[lang]).sort(), lang).toEqual(reference);
    }
  });

  it('have no empty text and the same interpolation variables in every language', () => {
    for (const key of Object.keys(uiStrings.en) as (keyof typeof uiStrings.en)[]) {
      const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
      for (const lang of languages) {
        expect(uiStrings[lang][key].trim(), `${lang} ${key}`).not.toBe('');
        expect(variables(uiStrings[lang][key]), `${lang} ${key}`).toEqual(variables(uiStrings.en[key]));
      }
    }
  });

  it('cover every key the components ask for', () => {
    const known = new Set(Object.keys(uiStrings.en).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"`]([a-zA-Z]+\.[a-zA-Z.-]+)['"`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('translate with plurals and variables in the page language', () => {
    expect(useTranslations('en')('duration.minutes', { count: 1 })).toBe('1 minute');
    expect(useTranslations('es')('duration.minutes', { count: 12 })).toBe('12 minutos');
    expect(useTranslations('es')('home.moduleNumber', { number: 3 })).toBe('Módulo 3');
  });
});

describe('fill (UI strings in the browser, without i18next)', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{{count}} of {{total}} ({{missing}})', { count: 3, total: 5 })).toBe('3 of 5 ({{missing}})');
    expect(fill(undefined, {})).toBe('');
  });
});
