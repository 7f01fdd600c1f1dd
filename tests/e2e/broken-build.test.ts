/**
 * The author's side of the content checks: `astro build` on a course with a
 * broken lesson stops, and says which file, which field and what to do.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject, fixtureRoot, projectRoot } from './build-site.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function brokenBuild(file: string, change: (source: string) => string) {
  const root = fixtureRoot(join(projectRoot, 'tests/content/fixtures/valid'));
  roots.push(root);
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
  return buildProject(root);
}

describe('astro build with broken content', () => {
  it('fails on a wrong frontmatter type with the file, the field and the fix', () => {
    const result = brokenBuild('content/es/01-alpha/02-second.mdx', (source) => source.replace('order: 2', 'order: dos'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/es/01-alpha/02-second.mdx');
    expect(result.output).toContain('field:   frontmatter.order');
    expect(result.output).toContain('problem: should be a number, but is "dos"');
    expect(result.output).toContain('fix:     Give the lesson position in its module as a whole number');
  });

  it('fails on a video that is not a known recording, naming the line', () => {
    const result = brokenBuild('content/en/01-alpha/01-first.mdx', (source) => `${source}\n<Video provider="youtube" id="dQw4w9WgXcQ" title="x" lang="en" source="y" />\n`);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/content\/en\/01-alpha\/01-first\.mdx\n\s+field:\s+<Video> \(line \d+\) id/);
  });
});
