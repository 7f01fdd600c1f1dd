/** Number formatting for durations shown to learners. */
import type { Lang } from '../content-model/languages.ts';

/** Hours with at most one decimal, in the page language (e.g. 1.5 / 1,5). */
export function formatHours(minutes: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(minutes / 60);
}
