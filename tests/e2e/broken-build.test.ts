/**
 * The author's side of the content checks: `astro build` on a course with a
 * broken lesson stops, and says which file, which field and what to do.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'broken-course-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('astro build with a broken lesson', () => {
  it('fails with the file, the field and the fix', () => {
    for (const shared of ['node_modules', 'src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      symlinkSync(join(projectRoot, shared), join(tmp, shared));
    }
    cpSync(join(projectRoot, 'tests/content/fixtures/valid/content'), join(tmp, 'content'), { recursive: true });
    const lesson = join(tmp, 'content/es/01-alpha/02-second.mdx');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('minutes: 15', 'minutes: quince'));

    const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build', '--root', tmp], { encoding: 'utf8' });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain('content/es/01-alpha/02-second.mdx');
    expect(output).toContain('field:   frontmatter.minutes');
    expect(output).toContain('fix:     Write the estimated study time as a whole number of minutes');
  });
});
