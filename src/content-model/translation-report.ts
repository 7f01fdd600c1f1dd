/**
 * What exists in which language, module by module, for `npm run check`.
 * Works from file names (not validated data) so that it also describes a
 * course that does not build yet.
 */
import type { ContentIssue } from './author-errors.ts';
import { languages, referenceLang, type Lang } from './languages.ts';
import type { RawEntry } from './raw-entry.ts';

export interface ModuleStatus {
  folder: string;
  /** Files (`module`, `01-slug`, `quiz`) present per language. */
  files: Record<Lang, string[]>;
  /** Lesson body words per language (prose only, MDX tags excluded). */
  words: Record<Lang, number>;
  /** Files of any language missing in another one, as `lang: name`. */
  missing: string[];
  /** Error count for files of this module. */
  errors: number;
  complete: boolean;
}

export function translationStatus(entries: RawEntry[], issues: ContentIssue[]): ModuleStatus[] {
  const folders = [...new Set(entries.filter((entry) => entry.folder).map((entry) => entry.folder!))].sort();
  return folders.map((folder) => {
    const inFolder = entries.filter((entry) => entry.folder === folder);
    const files = Object.fromEntries(
      languages.map((lang) => [lang, inFolder.filter((entry) => entry.lang === lang).map((entry) => entry.name!).sort()]),
    ) as Record<Lang, string[]>;
    const words = Object.fromEntries(
      languages.map((lang) => [
        lang,
        inFolder.filter((entry) => entry.lang === lang && entry.kind === 'lesson').reduce((sum, entry) => sum + countWords(entry.body ?? ''), 0),
      ]),
    ) as Record<Lang, number>;
    const all = [...new Set(Object.values(files).flat())].sort();
    const missing = languages.flatMap((lang) => all.filter((name) => !files[lang].includes(name)).map((name) => `${lang}: ${name}`));
    const errors = issues.filter((issue) => issue.severity === 'error' && issue.file.includes(`/${folder}/`)).length;
    const hasAll = languages.every((lang) => files[lang].includes('module') && files[lang].includes('quiz') && files[lang].some((name) => /^\d{2}-/.test(name)));
    return { folder, files, words, missing, errors, complete: hasAll && missing.length === 0 && errors === 0 };
  });
}

/** Counts words of prose, ignoring MDX import lines, JSX tags and Markdown markup. */
export function countWords(body: string): number {
  const prose = body
    .replace(/^(import|export) .*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#>*_`|[\]()-]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function formatTranslationStatus(statuses: ModuleStatus[]): string {
  const header = ['module', ...languages.map((lang) => `${lang} files`), ...languages.map((lang) => `${lang} words`), 'status'];
  const rows = statuses.map((status) => [
    status.folder,
    ...languages.map((lang) => String(status.files[lang].length)),
    ...languages.map((lang) => String(status.words[lang])),
    status.complete
      ? 'complete'
      : [status.missing.length ? `missing ${status.missing.join(', ')}` : '', status.errors ? `${status.errors} error(s)` : '']
          .filter(Boolean)
          .join('; ') || 'incomplete',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  const complete = statuses.filter((status) => status.complete).length;
  return [
    `Translation status (reference edition: ${referenceLang})`,
    line(header),
    ...rows.map(line),
    `${complete} of ${statuses.length} module(s) complete in every language.`,
  ].join('\n');
}
