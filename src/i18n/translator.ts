/**
 * UI strings: one i18next instance, one JSON file per language (the
 * Starlight way). Components call `useTranslations(lang)` and never hold text.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../content-model/languages.ts';
import en from './strings/en.json';
import es from './strings/es.json';

type StoredKey = keyof typeof en;
/** Plural forms (`x_one`, `x_other`) are asked for by their base key with a `count`. */
type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;
export type UiKey = PluralBase<StoredKey>;
export const uiStrings: Record<Lang, Record<StoredKey, string>> = { en, es };

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: 'en',
  fallbackLng: false,
  initAsync: false,
  // Keys contain dots ("home.start"): they are flat, not nested paths.
  keySeparator: false,
  // Astro escapes on output; escaping here would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const translators = new Map<Lang, TFunction>();

export function useTranslations(lang: Lang): (key: UiKey, options?: Record<string, unknown>) => string {
  let t = translators.get(lang);
  if (!t) {
    t = instance.getFixedT(lang);
    translators.set(lang, t);
  }
  const fixed = t;
  return (key, options) => fixed(key, options ?? {}) as string;
}

/** Raw strings whose keys start with `prefix`, for browser scripts that fill them without i18next. */
export function stringsWithPrefix(lang: Lang, ...prefixes: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(uiStrings[lang]).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}
