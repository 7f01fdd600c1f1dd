/**
 * Turns raw entries into one validated course per language, collecting every
 * problem on the way (an author fixes ten problems faster from one report
 * than from ten builds).
 */
import type { z } from 'zod';
import { type ContentIssue, issuesFromZod } from './author-errors.ts';
import type { Course, Lesson, Module, Quiz } from './course-model.ts';
import { checkParity } from './cross-checks.ts';
import { languages, referenceLang, type Lang } from './languages.ts';
import { type EntryKind, numberedName, type RawEntry } from './raw-entry.ts';
import { findComponentUses } from './mdx-components-check.ts';
import { courseSchema, lessonSchema, moduleSchema, quizSchema, type CourseData, type LessonData } from './schemas.ts';
import { activityMinutes, lessonWords, readingWordsPerMinute, studyTime, type StudyTime } from './study-time.ts';

export interface AssembleResult {
  /** Present for every language whose course could be built, even with issues. */
  courses: Partial<Record<Lang, Course>>;
  issues: ContentIssue[];
}

const schemas: Record<EntryKind, z.ZodType> = {
  course: courseSchema,
  module: moduleSchema,
  lesson: lessonSchema,
  quiz: quizSchema,
};

interface Validated<T> {
  entry: RawEntry;
  data: T;
}

export function assembleCourse(entries: RawEntry[]): AssembleResult {
  const issues: ContentIssue[] = [];
  const valid: Validated<unknown>[] = [];
  for (let entry of entries) {
    if (entry.kind === 'lesson' && entry.data && typeof entry.data === 'object' && 'minutes' in entry.data) {
      issues.push({
        file: entry.file,
        field: 'frontmatter.minutes',
        problem: `is set by hand (${String((entry.data as { minutes: unknown }).minutes)}), but a lesson's time is derived from its text and activities`,
        fix: `Remove the \`minutes:\` line: the course computes it from the English words (${readingWordsPerMinute} a minute) plus the \`minutes\` stated on each Reflection and Video.`,
        severity: 'error',
      });
      const { minutes: _ignored, ...rest } = entry.data as Record<string, unknown>;
      entry = { ...entry, data: rest };
    }
    const result = schemas[entry.kind].safeParse(entry.data);
    if (result.success) valid.push({ entry, data: result.data });
    else issues.push(...issuesFromZod(entry.file, entry.kind === 'course' || entry.kind === 'quiz' ? '' : 'frontmatter', result.error, entry.data));
  }

  const courseEntry = valid.find((item) => item.entry.kind === 'course') as Validated<CourseData> | undefined;
  if (!courseEntry) return { courses: {}, issues };

  // Files that exist but failed validation: already reported, so they must
  // not be reported again as "missing" by the module or parity checks.
  const validFiles = new Set(valid.map((item) => item.entry.file));
  const invalidFiles = new Set(entries.map((entry) => entry.file).filter((file) => !validFiles.has(file)));

  const timeOf = lessonTimes(valid);
  const courses: Partial<Record<Lang, Course>> = {};
  for (const lang of languages) {
    const items = valid.filter((item) => item.entry.lang === lang);
    courses[lang] = buildLanguage(lang, courseEntry, items, invalidFiles, issues, timeOf);
  }
  issues.push(...checkParity(courses, invalidFiles));
  return { courses, issues };
}

function buildLanguage(
  lang: Lang,
  courseEntry: Validated<CourseData>,
  items: Validated<unknown>[],
  invalidFiles: Set<string>,
  issues: ContentIssue[],
  timeOf: TimeOf,
): Course {
  const byFolder = new Map<string, Validated<unknown>[]>();
  for (const item of items) {
    const folder = item.entry.folder!;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), item]);
  }

  const modulesById = new Map<string, Module>();
  const lessonIds = new Map<string, string>();
  const quizIds = new Map<string, string>();
  for (const [folder, folderItems] of byFolder) {
    const module = buildModule(lang, folder, folderItems, invalidFiles, new Set(courseEntry.data.modules), issues, timeOf);
    if (!module) continue;
    const clash = modulesById.get(module.id);
    if (clash) {
      issues.push({
        file: module.file,
        field: 'frontmatter.id',
        problem: `module id \`${module.id}\` is also used by ${clash.file}`,
        fix: 'Give each module its own id; the folder name should end with it.',
        severity: 'error',
      });
      continue;
    }
    for (const lesson of module.lessons) {
      const other = lessonIds.get(lesson.id);
      if (other) {
        issues.push({
          file: lesson.file,
          field: 'frontmatter.id',
          problem: `lesson id \`${lesson.id}\` is also used by ${other}`,
          fix: 'Lesson ids must be unique in the whole course: make this one more specific.',
          severity: 'error',
        });
      }
      lessonIds.set(lesson.id, lesson.file);
    }
    if (module.quiz) {
      const other = quizIds.get(module.quiz.id);
      if (other) {
        issues.push({
          file: module.quiz.file,
          field: 'id',
          problem: `quiz id \`${module.quiz.id}\` is also used by ${other}`,
          fix: `Name the quiz after its module, e.g. \`id: ${module.id}-check\`.`,
          severity: 'error',
        });
      }
      quizIds.set(module.quiz.id, module.quiz.file);
    }
    modulesById.set(module.id, module);
  }

  const { data: course, entry } = courseEntry;
  const modules: Module[] = [];
  course.modules.forEach((moduleId, index) => {
    const module = modulesById.get(moduleId);
    if (!module) {
      // Reported once, against the reference language, to avoid a duplicate per language.
      if (lang === languages[0]) {
        issues.push({
          file: entry.file,
          field: `modules.${index}`,
          problem: `names module \`${moduleId}\`, but no module.mdx has that id`,
          fix: `Create content/${lang}/NN-${moduleId}/module.mdx with \`id: ${moduleId}\`, or remove the id from the list.`,
          severity: 'error',
        });
      }
      return;
    }
    module.number = index + 1;
    modules.push(module);
  });
  for (const module of modulesById.values()) {
    if (!course.modules.includes(module.id)) {
      issues.push({
        file: module.file,
        field: 'frontmatter.id',
        problem: `module \`${module.id}\` is not listed in content/course.yaml, so it is not published`,
        fix: `Add \`${module.id}\` to the \`modules:\` list in content/course.yaml where learners should take it.`,
        severity: 'warning',
      });
    }
  }

  return {
    lang,
    id: course.id,
    passMark: course.passMark,
    ...course.text[lang],
    modules,
    minutes: modules.reduce((sum, module) => sum + module.minutes, 0),
    sources: course.sources.map((source) => ({ ...source, about: source.about[lang] })),
  };
}

function buildModule(
  lang: Lang,
  folder: string,
  items: Validated<unknown>[],
  invalidFiles: Set<string>,
  published: Set<string>,
  issues: ContentIssue[],
  timeOf: TimeOf,
): Module | undefined {
  const moduleItem = items.find((item) => item.entry.kind === 'module');
  const folderPath = `content/${lang}/${folder}`;
  // A module not in the course order is a draft: what it still lacks is worth
  // a warning, not a failed build.
  const slug = numberedName.exec(folder)?.[2];
  const severity = published.has((moduleItem?.data as Module | undefined)?.id ?? slug ?? '') ? 'error' : 'warning';
  if (!moduleItem) {
    if (!invalidFiles.has(`${folderPath}/module.mdx`)) {
      issues.push({
        file: `${folderPath}/module.mdx`,
        field: '(file)',
        problem: 'is missing or invalid, so the lessons in this folder cannot be published',
        fix: 'Create module.mdx with id, title, summary and objectives (see docs/content-format.md).',
        severity,
      });
    }
    return undefined;
  }
  const data = moduleItem.data as Module;
  if (slug !== data.id) {
    issues.push({
      file: moduleItem.entry.file,
      field: 'frontmatter.id',
      problem: `is \`${data.id}\` but the folder is \`${folder}\``,
      fix: `Name the folder \`NN-${data.id}\` (NN = two-digit position), or change the id to match the folder.`,
      severity: 'error',
    });
  }

  const lessons: Lesson[] = items
    .filter((item) => item.entry.kind === 'lesson')
    .map((item) => ({
      ...(item.data as LessonData),
      ...timeOf(item as Validated<LessonData>),
      moduleId: data.id,
      entryId: `${lang}/${folder}/${item.entry.name}`,
      file: item.entry.file,
    }))
    .sort((a, b) => a.order - b.order);

  lessons.forEach((lesson, index) => {
    const previous = lessons[index - 1];
    if (previous && previous.order === lesson.order) {
      issues.push({
        file: lesson.file,
        field: 'frontmatter.order',
        problem: `is ${lesson.order}, the same as ${previous.file}`,
        fix: 'Give each lesson of a module a different `order` (1, 2, 3...).',
        severity: 'error',
      });
    }
  });
  if (lessons.length === 0) {
    issues.push({
      file: moduleItem.entry.file,
      field: '(folder)',
      problem: 'the module has no lessons',
      fix: 'Add at least one lesson file named `01-slug.mdx` next to module.mdx.',
      severity,
    });
  }

  const quizItem = items.find((item) => item.entry.kind === 'quiz');
  const quiz: Quiz | undefined = quizItem ? { ...(quizItem.data as Quiz), moduleId: data.id, file: quizItem.entry.file } : undefined;
  if (!quizItem && !invalidFiles.has(`${folderPath}/quiz.yaml`)) {
    issues.push({
      file: `${folderPath}/quiz.yaml`,
      field: '(file)',
      problem: 'is missing: the module has no knowledge check',
      fix: 'Add quiz.yaml with 5-8 questions (see docs/content-format.md).',
      severity: 'warning',
    });
  }

  return {
    ...data,
    lang,
    number: 0,
    folder,
    entryId: `${lang}/${folder}/module`,
    file: moduleItem.entry.file,
    lessons,
    quiz,
    minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0) + (quiz?.minutes ?? 0),
  };
}

type TimeOf = (item: Validated<LessonData>) => { minutes: number; studyTime: StudyTime };

/**
 * Study time per lesson id, derived from the reference edition (see
 * study-time.ts). A translation shows the reference figure; a lesson with no
 * reference counterpart (already reported by the parity check) uses its own.
 */
function lessonTimes(valid: Validated<unknown>[]): TimeOf {
  const derive = (item: Validated<LessonData>): StudyTime => {
    const body = item.entry.body ?? '';
    const uses = findComponentUses(item.entry.file, body, item.entry.bodyLine).uses;
    return studyTime(lessonWords(item.data, body), activityMinutes(uses));
  };
  const reference = new Map<string, StudyTime>();
  for (const item of valid) {
    if (item.entry.kind === 'lesson' && item.entry.lang === referenceLang) {
      const lesson = item as Validated<LessonData>;
      reference.set(lesson.data.id, derive(lesson));
    }
  }
  return (item) => {
    const time = reference.get(item.data.id) ?? derive(item);
    return { minutes: time.minutes, studyTime: time };
  };
}
