/**
 * What the server puts on every page for the progress runtime: the course
 * outline (ids and minutes) and the progress UI strings, as JSON in the page.
 */
import type { CourseOutline } from '../tracking/rules.ts';

export interface ProgressPageData {
  lang: string;
  /** Root-relative path of this page. */
  path: string;
  outline: CourseOutline;
  strings: Record<string, string>;
}

export const pageDataId = 'progress-data';

export function readPageData(root: Document): ProgressPageData | undefined {
  const element = root.getElementById(pageDataId);
  return element?.textContent ? (JSON.parse(element.textContent) as ProgressPageData) : undefined;
}

