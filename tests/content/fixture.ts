/**
 * Broken-content scenarios start from one valid mini course and change one
 * thing, so each test shows exactly what breaks.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { checkContent, type CheckResult } from '../../src/content-model/check-content.ts';

const validFixture = new URL('./fixtures/valid', import.meta.url).pathname;
const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface FixtureEditor {
  root: string;
  edit(file: string, change: (source: string) => string): void;
  remove(file: string): void;
  write(file: string, source: string): void;
}

/** Copies the valid fixture, lets `mutate` break it, and checks the result. */
export function checkFixture(mutate: (fixture: FixtureEditor) => void = () => {}): CheckResult {
  const root = mkdtempSync(join(tmpdir(), 'course-fixture-'));
  created.push(root);
  cpSync(validFixture, root, { recursive: true });
  const path = (file: string) => join(root, file);
  mutate({
    root,
    edit: (file, change) => writeFileSync(path(file), change(readFileSync(path(file), 'utf8'))),
    remove: (file) => rmSync(path(file), { recursive: true }),
    write: (file, source) => {
      mkdirSync(dirname(path(file)), { recursive: true });
      writeFileSync(path(file), source);
    },
  });
  return checkContent(root);
}

export function errors(result: CheckResult) {
  return result.issues.filter((issue) => issue.severity === 'error');
}
