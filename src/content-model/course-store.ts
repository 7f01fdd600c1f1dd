/**
 * The course for the pages, read through the same checker as the build
 * integration. Cached for a production build (read once for every page),
 * re-read in dev so that edits show on reload.
 */
import { ContentError } from './author-errors.ts';
import { checkContent, type CheckResult } from './check-content.ts';
import type { Course } from './course-model.ts';
import type { Lang } from './languages.ts';

let cached: CheckResult | undefined;

export function getCourse(lang: Lang): Course {
  // Astro runs builds and the dev server from the project root.
  const result = cached ?? checkContent(process.cwd());
  if (import.meta.env?.PROD) cached = result;
  if (result.errorCount > 0) throw new ContentError(result.issues);
  return result.courses[lang]!;
}
