/**
 * Reads `content/` from disk into raw entries (Node only). Used by
 * `npm run check`, by the build-time integration and by the tests; the pages
 * get the same entries from Astro's collections instead.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ContentIssue } from './author-errors.ts';
import { isLang, languages } from './languages.ts';
import { kindOfFile, type RawEntry } from './raw-entry.ts';

export interface ReadResult {
  entries: RawEntry[];
  issues: ContentIssue[];
}

export function readContentDir(contentDir: string, projectRoot = join(contentDir, '..')): ReadResult {
  const entries: RawEntry[] = [];
  const issues: ContentIssue[] = [];
  const rel = (path: string) => relative(projectRoot, path).split('\\').join('/');

  const coursePath = join(contentDir, 'course.yaml');
  if (!existsSync(coursePath)) {
    issues.push({
      file: rel(coursePath),
      field: '(file)',
      problem: 'is missing',
      fix: 'Create content/course.yaml with id, passMark, modules and text per language (see docs/content-format.md).',
      severity: 'error',
    });
  } else {
    const data = parseYamlFile(rel(coursePath), readFileSync(coursePath, 'utf8'), issues);
    if (data !== undefined) entries.push({ kind: 'course', file: rel(coursePath), data });
  }

  for (const langDir of sortedDirs(contentDir)) {
    if (!isLang(langDir)) {
      issues.push({
        file: rel(join(contentDir, langDir)),
        field: '(folder)',
        problem: `is not a course language (${languages.join(', ')})`,
        fix: 'Move the module folders into content/<language>/, or add the language in src/content-model/languages.ts.',
        severity: 'error',
      });
      continue;
    }
    for (const folder of sortedDirs(join(contentDir, langDir))) {
      const folderPath = join(contentDir, langDir, folder);
      for (const fileName of readdirSync(folderPath).sort()) {
        const filePath = join(folderPath, fileName);
        const kind = kindOfFile(fileName);
        if (!kind) {
          issues.push({
            file: rel(filePath),
            field: '(file name)',
            problem: 'is not a recognised content file',
            fix: 'Name lessons `NN-slug.mdx` (e.g. `02-two-way-process.mdx`); a module has `module.mdx` and `quiz.yaml`. Other files belong in public/.',
            severity: 'warning',
          });
          continue;
        }
        const source = readFileSync(filePath, 'utf8');
        const data =
          kind === 'quiz'
            ? parseYamlFile(rel(filePath), source, issues)
            : parseFrontmatter(rel(filePath), source, issues);
        if (data === undefined) continue;
        const frontmatter = kind === 'quiz' ? undefined : (frontmatterPattern.exec(source)?.[0] ?? '');
        const body = frontmatter === undefined ? undefined : source.slice(frontmatter.length);
        const bodyLine = frontmatter === undefined ? undefined : frontmatter.split('\n').length;
        const name = fileName.replace(/\.(mdx|yaml)$/, '');
        entries.push({ kind, file: rel(filePath), lang: langDir, folder, name, data, body, bodyLine });
      }
    }
  }
  return { entries, issues };
}

function sortedDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();
}

function parseYamlFile(file: string, source: string, issues: ContentIssue[], lineOffset = 0): unknown {
  try {
    return parseYaml(source) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + lineOffset})` : '';
    issues.push({
      file,
      field: lineOffset ? 'frontmatter' : '(YAML)',
      problem: `is not valid YAML${line}: ${(error as Error).message.split('\n')[0]}`,
      fix: 'Check indentation, and put quotes around text that contains a colon followed by a space or starts with a special character.',
      severity: 'error',
    });
    return undefined;
  }
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;

export function parseFrontmatter(file: string, source: string, issues: ContentIssue[]): unknown {
  const match = frontmatterPattern.exec(source);
  if (!match) {
    issues.push({
      file,
      field: 'frontmatter',
      problem: 'is missing: the file must start with a `---` line, the YAML fields, and a closing `---` line',
      fix: 'Add the frontmatter block at the very top of the file (see docs/content-format.md).',
      severity: 'error',
    });
    return undefined;
  }
  return parseYamlFile(file, match[1]!, issues, 1);
}
