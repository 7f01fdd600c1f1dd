/**
 * A content file as found on disk (or in an Astro collection), parsed but not
 * yet validated. Both the Node checker and the Astro pages build the course
 * from these, so the two can never disagree.
 */
import type { Lang } from './languages.ts';

export type EntryKind = 'course' | 'module' | 'lesson' | 'quiz';

export interface RawEntry {
  kind: EntryKind;
  /** Path relative to the project root, for error messages. */
  file: string;
  /** Absent only for course.yaml, which holds every language. */
  lang?: Lang;
  /** Module folder, e.g. `01-integration-concepts`. */
  folder?: string;
  /** File name without extension, e.g. `02-two-way-process` or `module`. */
  name?: string;
  /** Parsed frontmatter or YAML document. */
  data: unknown;
  /** MDX body after the frontmatter (Node reader only: word counts, component checks). */
  body?: string;
  /** Line of the file on which the body starts, so body line numbers match the file. */
  bodyLine?: number;
}

/** Module folders and lesson files start with a two-digit position: `01-slug`. */
export const numberedName = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Classifies a file inside `content/<lang>/<folder>/`; undefined if it is not content. */
export function kindOfFile(fileName: string): Exclude<EntryKind, 'course'> | undefined {
  if (fileName === 'module.mdx') return 'module';
  if (fileName === 'quiz.yaml') return 'quiz';
  if (fileName.endsWith('.mdx') && numberedName.test(fileName.slice(0, -4))) return 'lesson';
  return undefined;
}
