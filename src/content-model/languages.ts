/**
 * The languages the course is published in. The first one is the reference
 * edition: a translation is checked against it.
 */
export const languages = ['en', 'es'] as const;
export type Lang = (typeof languages)[number];
export const referenceLang: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
