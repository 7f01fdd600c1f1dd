/**
 * One call that reads `content/`, validates it and builds the course: what
 * the build integration, `npm run check` and the tests all run (Node only).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assembleCourse, type AssembleResult } from './assemble-course.ts';
import { checkMdxEntries } from './mdx-components-check.ts';
import { readContentDir } from './read-content-dir.ts';
import { courseSchema } from './schemas.ts';
import type { RawEntry } from './raw-entry.ts';

export interface CheckResult extends AssembleResult {
  entries: RawEntry[];
  errorCount: number;
}

export function checkContent(projectRoot: string): CheckResult {
  const read = readContentDir(join(projectRoot, 'content'), projectRoot);
  const assembled = assembleCourse(read.entries);
  const courseData = courseSchema.safeParse(read.entries.find((entry) => entry.kind === 'course')?.data);
  const mdxIssues = checkMdxEntries(read.entries, {
    publicFileExists: (path) => {
      const file = join(projectRoot, 'public', decodeURIComponent(path));
      return existsSync(file) && statSync(file).isFile();
    },
    recordings: courseData.success ? courseData.data.recordings : [],
  });
  const issues = [...read.issues, ...assembled.issues, ...mdxIssues];
  return {
    entries: read.entries,
    courses: assembled.courses,
    issues,
    errorCount: issues.filter((issue) => issue.severity === 'error').length,
  };
}
