/** The knowledge check's strings for one language, passed to the island as props (no i18next in the browser). */
import type { Lang } from '../content-model/languages.ts';
import { uiStrings } from '../i18n/translator.ts';
import type { KnowledgeCheckLabels } from './KnowledgeCheck.tsx';

export function quizLabels(lang: Lang): KnowledgeCheckLabels {
  const s = uiStrings[lang];
  return {
    questionNumber: s['quiz.questionNumber'],
    typeHint: { single: s['quiz.type.single'], multiple: s['quiz.type.multiple'], 'true-false': s['quiz.type.true-false'] },
    submit: s['quiz.submit'],
    retry: s['quiz.retry'],
    unanswered: s['quiz.unanswered'],
    resultTitle: s['quiz.resultTitle'],
    score: s['quiz.score'],
    passed: s['quiz.passed'],
    failed: s['quiz.failed'],
    correct: s['quiz.correct'],
    incorrect: s['quiz.incorrect'],
    yourAnswer: s['quiz.yourAnswer'],
    rightAnswer: s['quiz.rightAnswer'],
  };
}
