/**
 * Knowledge-check scoring, as pure functions shared by the quiz island, the
 * completion rules and the SCORM reporting.
 *
 * A question scores only when the selection equals its answer key: picking
 * some of the right options of a "select all that apply" question, or a
 * right one plus a wrong one, is not yet understanding. The feedback still
 * tells the learner which of their choices were right.
 */
export interface ScorableQuestion {
  id: string;
  options: { id: string; correct?: boolean }[];
}

export type Responses = Record<string, readonly string[]>;

export interface QuestionResult {
  questionId: string;
  selected: string[];
  correct: boolean;
  /** Right options the learner did not select (multiple choice). */
  missed: string[];
  /** Selected options that are wrong. */
  wrong: string[];
}

export interface QuizResult {
  questions: QuestionResult[];
  correctCount: number;
  total: number;
  /** 0-100, rounded to a whole number. */
  scorePercent: number;
  passed: boolean;
}

export function scoreQuestion(question: ScorableQuestion, selected: readonly string[]): QuestionResult {
  const key = new Set(question.options.filter((option) => option.correct).map((option) => option.id));
  const chosen = [...new Set(selected)].filter((id) => question.options.some((option) => option.id === id));
  const wrong = chosen.filter((id) => !key.has(id));
  const missed = [...key].filter((id) => !chosen.includes(id));
  return { questionId: question.id, selected: chosen, correct: wrong.length === 0 && missed.length === 0, missed, wrong };
}

/** `passMark` is a percentage: a score equal to it passes. */
export function scoreQuiz(questions: readonly ScorableQuestion[], responses: Responses, passMark: number): QuizResult {
  const results = questions.map((question) => scoreQuestion(question, responses[question.id] ?? []));
  const correctCount = results.filter((result) => result.correct).length;
  const total = questions.length;
  // Compare in exact integers: 4/5 is exactly 80 %, whatever floating point says.
  const passed = total > 0 && correctCount * 100 >= passMark * total;
  const scorePercent = total === 0 ? 0 : Math.round((correctCount * 100) / total);
  return { questions: results, correctCount, total, scorePercent, passed };
}
