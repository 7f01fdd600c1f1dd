/**
 * Problems found in content, phrased for the author who has to fix them:
 * which file, which field, what is wrong and what to do about it.
 */
import type { z } from 'zod';

export interface ContentIssue {
  /** Path relative to the project root, e.g. `content/es/01-x/02-y.mdx`. */
  file: string;
  /** Dotted path of the field, e.g. `frontmatter.minutes` or `questions.2.options`. */
  field: string;
  problem: string;
  fix: string;
  /** Warnings are reported but do not stop the build. */
  severity: 'error' | 'warning';
}

/** How to fix a field, by its last path segment. Keep each hint one sentence. */
const fieldFixes: Record<string, string> = {
  id: 'Use a kebab-case id (e.g. `two-way-process`) and keep it identical in every language: ids key learner progress.',
  title: 'Give a short human-readable title in the language of this file.',
  summary: 'Write one or two sentences that tell a learner what the module covers.',
  order: 'Give the lesson position in its module as a whole number starting at 1, e.g. `order: 2`.',
  minutes: 'Write the estimated study time as a whole number of minutes, e.g. `minutes: 15`.',
  objectives: 'List the learning objectives as a YAML list, one `- ` line each, starting with a verb.',
  takeaways: 'List the key takeaways as a YAML list, one `- ` line each.',
  reading: 'List background reading items with `title`, `publisher`, `year` and, only where real, `url`.',
  url: 'Use a full http(s) address that really exists, or remove the `url` line.',
  year: 'Write the publication year as a four-digit number, e.g. `year: 2020`.',
  passMark: 'Give the pass mark as a whole percentage, e.g. `passMark: 80`.',
  modules: 'List module ids (the `id` in each module.mdx) in learning order.',
  type: 'Use one of `single`, `multiple` or `true-false`.',
  options: 'Check the options: unique ids, the right number marked `correct: true` for the question type.',
  correct: 'Write `correct: true` on right options; leave it out (or `false`) on the others.',
  feedback: 'Explain, for this option, why it is right or wrong; learners see it after answering.',
  prompt: 'Write the question text.',
  questions: 'List the questions under `questions:`, each with `id`, `type`, `prompt` and `options`.',
  text: 'Write the text shown to the learner.',
};

export function fixFor(field: string): string {
  const segments = field.split('.').filter((segment) => !/^\d+$/.test(segment));
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const hint = fieldFixes[segments[i]!];
    if (hint) return hint;
  }
  return 'Compare the file with the format in docs/content-format.md.';
}

const typeNames: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list (one `- ` line per item)',
  object: 'a group of fields',
  boolean: '`true` or `false`',
};

function isColonSplit(value: unknown): boolean {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 1;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** Turns zod's issues into author-facing ones; `prefix` is e.g. `frontmatter`. */
export function issuesFromZod(file: string, prefix: string, error: z.ZodError, data?: unknown): ContentIssue[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    let problem = issue.message;
    const value = valueAt(data, issue.path);
    if (issue.code === 'invalid_type' && value === undefined) {
      problem = 'is missing';
    } else if (issue.code === 'invalid_type' && issue.expected === 'string' && isColonSplit(value)) {
      // The classic YAML trap: "Text: more text" reads as a key and a value.
      const [key, rest] = Object.entries(value as object)[0]!;
      return { file, field, problem: `was read as "key: value" because of the ": " in "${key}: ${String(rest)}"`, fix: 'Put the whole text in double quotes: - "Text: more text".', severity: 'error' };
    } else if (issue.code === 'invalid_type') {
      problem = `should be ${typeNames[issue.expected] ?? issue.expected}, but is ${JSON.stringify(value)}`;
    } else if (issue.code === 'unrecognized_keys') {
      problem = `has unknown field(s) ${issue.keys.map((key) => `\`${key}\``).join(', ')}`;
      return { file, field, problem, fix: 'Remove or rename the field; see docs/content-format.md for the allowed fields.', severity: 'error' };
    }
    return { file, field, problem, fix: fixFor(field), severity: 'error' };
  });
}

export function formatIssue(issue: ContentIssue): string {
  const label = issue.severity === 'error' ? 'error' : 'warning';
  return [
    `${label}: ${issue.file}`,
    `  field:   ${issue.field}`,
    `  problem: ${issue.problem}`,
    `  fix:     ${issue.fix}`,
  ].join('\n');
}

/** Thrown to stop a build; its message lists every problem, not only the first. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `The course content has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix:\n\n` +
        errors.map(formatIssue).join('\n\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}
