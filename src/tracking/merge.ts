/**
 * Merging two versions of the same learner's progress (two tabs, or an
 * imported file): nothing achieved in either is lost.
 * - a lesson viewed in either is viewed (earliest time kept);
 * - a quiz keeps the best score and "passed" from either, the attempts of
 *   the busier side, and the last score and answers of the latest attempt;
 * - the location is the most recent.
 */
import type { ProgressState, QuizRecord } from './progress-state.ts';

const later = (a: string, b: string) => (a >= b ? a : b);

function mergeQuiz(a: QuizRecord | undefined, b: QuizRecord | undefined): QuizRecord {
  if (!a) return b!;
  if (!b) return a;
  const latest = a.updatedAt >= b.updatedAt ? a : b;
  return {
    bestScore: Math.max(a.bestScore, b.bestScore),
    passed: a.passed || b.passed,
    attempts: Math.max(a.attempts, b.attempts),
    lastScore: latest.lastScore,
    answers: latest.answers,
    updatedAt: latest.updatedAt,
  };
}

export function mergeStates(a: ProgressState, b: ProgressState): ProgressState {
  const lessons: Record<string, string> = { ...b.lessons };
  for (const [id, at] of Object.entries(a.lessons)) lessons[id] = lessons[id] && lessons[id]! < at ? lessons[id]! : at;
  const quizzes: Record<string, QuizRecord> = {};
  for (const id of new Set([...Object.keys(a.quizzes), ...Object.keys(b.quizzes)])) quizzes[id] = mergeQuiz(a.quizzes[id], b.quizzes[id]);
  const location = !a.location ? b.location : !b.location ? a.location : a.location.at >= b.location.at ? a.location : b.location;
  return {
    version: a.version,
    courseId: a.courseId,
    lessons,
    quizzes,
    ...(location ? { location } : {}),
    updatedAt: later(a.updatedAt, b.updatedAt),
  };
}
