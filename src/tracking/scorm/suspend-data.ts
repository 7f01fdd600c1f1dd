/**
 * The learner's progress in one module SCO, packed for cmi.suspend_data.
 * SCORM 1.2 allows 4096 characters (and scorm-again does not enforce it), so
 * lessons are a bit string over the module's lesson order and answers use
 * option positions; `suspendDataLimit` is checked before every write.
 *
 * Format (JSON): { v: 1, l: "1011", q?: { b, s, p, a, r: "0:1|1:0,2" } }
 *   l  lessons viewed, in outline order
 *   q  knowledge check: best score, last score, passed (0/1), attempts,
 *      r = last answers: question position ":" option positions
 */
import type { ProgressState } from '../progress-state.ts';
import { emptyState } from '../progress-state.ts';
import type { OutlineModule } from '../rules.ts';
import type { ScormVersion } from './api.ts';

export const suspendDataLimit: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

/** Question and option ids by position, which the encoding refers to. */
export interface ModuleKey {
  module: OutlineModule;
  questions: { id: string; optionIds: string[] }[];
}

interface Packed {
  v: 1;
  l: string;
  q?: { b: number; s: number; p: 0 | 1; a: number; r: string };
}

export function encodeSuspendData(key: ModuleKey, state: ProgressState): string {
  const packed: Packed = { v: 1, l: key.module.lessons.map((lesson) => (state.lessons[lesson.id] ? '1' : '0')).join('') };
  const quiz = state.quizzes[key.module.id];
  if (quiz) {
    const answers = key.questions
      .map((question, index) => {
        const chosen = (quiz.answers[question.id] ?? []).map((id) => question.optionIds.indexOf(id)).filter((position) => position >= 0);
        return chosen.length ? `${index}:${chosen.join(',')}` : '';
      })
      .filter(Boolean)
      .join('|');
    packed.q = { b: quiz.bestScore, s: quiz.lastScore, p: quiz.passed ? 1 : 0, a: quiz.attempts, r: answers };
  }
  return JSON.stringify(packed);
}

/** Unknown or damaged data decodes to an empty state (the LMS's other fields still hold the score). */
export function decodeSuspendData(key: ModuleKey, courseId: string, text: string, now = new Date()): ProgressState {
  const state = emptyState(courseId, now);
  let packed: Packed;
  try {
    packed = JSON.parse(text) as Packed;
  } catch {
    return state;
  }
  if (!packed || packed.v !== 1 || typeof packed.l !== 'string') return state;
  const at = now.toISOString();
  key.module.lessons.forEach((lesson, index) => {
    if (packed.l[index] === '1') state.lessons[lesson.id] = at;
  });
  if (packed.q) {
    const answers: Record<string, string[]> = {};
    for (const part of packed.q.r ? packed.q.r.split('|') : []) {
      const [questionIndex, options] = part.split(':');
      const question = key.questions[Number(questionIndex)];
      if (!question || !options) continue;
      answers[question.id] = options.split(',').map((position) => question.optionIds[Number(position)]!).filter(Boolean);
    }
    state.quizzes[key.module.id] = { bestScore: packed.q.b, lastScore: packed.q.s, passed: packed.q.p === 1, attempts: packed.q.a, answers, updatedAt: at };
  }
  return state;
}
