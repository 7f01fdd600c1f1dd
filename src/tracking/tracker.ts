/**
 * The events learning components report, and the port they report through.
 * Components call `getTracker()`; the progress runtime installs the real
 * tracker with `setTracker()`. Until one is installed, events go nowhere.
 *
 * Plain TypeScript: no Astro, React or i18next imports (see design.md).
 */
export interface AnswerEvent {
  moduleId: string;
  quizId: string;
  questionId: string;
  questionType: 'single' | 'multiple' | 'true-false';
  selected: string[];
  correctResponse: string[];
  correct: boolean;
  /** Prompt text, for LMS interaction descriptions. */
  description: string;
}

export interface QuizScoreEvent {
  moduleId: string;
  quizId: string;
  scorePercent: number;
  correctCount: number;
  total: number;
  passed: boolean;
}

export interface Tracker {
  lessonViewed(moduleId: string, lessonId: string): void;
  questionAnswered(event: AnswerEvent): void;
  quizScored(event: QuizScoreEvent): void;
  /** The learner's place, a root-relative page path such as `en/m1/lesson/`. */
  location(path: string): void;
  /** Answers of the last scored attempt, to show them again (on relaunch, say). */
  savedAnswers?(moduleId: string): Record<string, string[]> | undefined;
}

/** Fired on globalThis when a tracker is installed, for components that loaded first. */
export const trackerReadyEvent = 'holistic-course:tracker';

export const noopTracker: Tracker = {
  lessonViewed() {},
  questionAnswered() {},
  quizScored() {},
  location() {},
};

// Kept on globalThis, not in a module variable: the page's runtime script and
// a React island are separate bundles that may each carry a copy of this file.
const registry = Symbol.for('holistic-integration-course.tracker');
type Registry = { [registry]?: Tracker };

export function getTracker(): Tracker {
  return (globalThis as Registry)[registry] ?? noopTracker;
}

export function setTracker(tracker: Tracker): void {
  (globalThis as Registry)[registry] = tracker;
  globalThis.dispatchEvent?.(new Event(trackerReadyEvent));
}
