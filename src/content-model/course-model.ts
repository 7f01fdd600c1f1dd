/**
 * The course as pages, search, tracking and export see it: validated,
 * ordered, one tree per language. Everything here is plain data.
 */
import type { Lang } from './languages.ts';
import type { LessonData, ModuleData, QuizData } from './schemas.ts';
import type { StudyTime } from './study-time.ts';

export interface Lesson extends LessonData {
  moduleId: string;
  /** `en/01-integration-concepts/02-two-way-process`: the collection entry id. */
  entryId: string;
  file: string;
  /**
   * Derived study time: reading at 180 words a minute plus the minutes each
   * activity states (study-time.ts). Taken from the reference edition in
   * every language, so English and Spanish show the same time.
   */
  minutes: number;
  studyTime: StudyTime;
}

export interface Quiz extends QuizData {
  moduleId: string;
  file: string;
}

export interface Module extends ModuleData {
  lang: Lang;
  /** 1-based position in the course order. */
  number: number;
  folder: string;
  entryId: string;
  file: string;
  lessons: Lesson[];
  quiz?: Quiz;
  /** Lessons plus knowledge check: derived, so it cannot drift from them. */
  minutes: number;
}

export interface Course {
  lang: Lang;
  id: string;
  passMark: number;
  title: string;
  description: string;
  audience: string;
  modules: Module[];
  minutes: number;
  sources: { title: string; publisher?: string; year?: number; url?: string; about: string }[];
}

export function findModule(course: Course, moduleId: string): Module | undefined {
  return course.modules.find((module) => module.id === moduleId);
}

/** The answer key of a question: the ids of its correct options, sorted. */
export function answerKey(question: QuizData['questions'][number]): string[] {
  return question.options.filter((option) => option.correct).map((option) => option.id).sort();
}
