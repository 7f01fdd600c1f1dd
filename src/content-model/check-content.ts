/**
 * One call that reads `content/`, validates it and builds the course: what
 * the build integration, `npm run check` and the tests all run (Node only).
 */
import { join } from 'node:path';
import { assembleCourse, type AssembleResult } from './assemble-course.ts';
import { readContentDir } from './read-content-dir.ts';
import type { RawEntry } from './raw-entry.ts';

export interface CheckResult extends AssembleResult {
  entries: RawEntry[];
  errorCount: number;
}

export function checkContent(projectRoot: string): CheckResult {
  const read = readContentDir(join(projectRoot, 'content'), projectRoot);
  const assembled = assembleCourse(read.entries);
  const issues = [...read.issues, ...assembled.issues];
  return {
    entries: read.entries,
    courses: assembled.courses,
    issues,
    errorCount: issues.filter((issue) => issue.severity === 'error').length,
  };
}
