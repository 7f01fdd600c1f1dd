/**
 * The module knowledge check: one fieldset per question, feedback for every
 * option after checking, a score against the pass mark, and retry. Server-
 * rendered as readable text; hydrated when it scrolls into view.
 *
 * Answers and scores go to the tracking port; this file knows nothing of
 * where they are stored.
 */
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { fill } from '../i18n/fill.ts';
import { scoreQuiz, type QuizResult } from '../tracking/scoring.ts';
import { getTracker, trackerReadyEvent } from '../tracking/tracker.ts';

export interface QuizOption {
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
}

export interface QuizQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false';
  prompt: string;
  options: QuizOption[];
}

export interface KnowledgeCheckLabels {
  questionNumber: string; // "Question {{number}} of {{total}}"
  typeHint: Record<QuizQuestion['type'], string>;
  submit: string;
  retry: string;
  unanswered: string; // "... question {{list}}."
  resultTitle: string;
  score: string; // "{{correct}} of {{total}} correct ({{percent}} %)"
  passed: string; // "... the pass mark is {{passMark}} %."
  failed: string;
  correct: string;
  incorrect: string;
  yourAnswer: string;
  rightAnswer: string;
}

export interface KnowledgeCheckProps {
  moduleId: string;
  quizId: string;
  questions: QuizQuestion[];
  passMark: number;
  labels: KnowledgeCheckLabels;
}

type Selection = Record<string, string[]>;

export default function KnowledgeCheck({ moduleId, quizId, questions, passMark, labels }: KnowledgeCheckProps) {
  const [selection, setSelection] = useState<Selection>({});
  const [result, setResult] = useState<QuizResult | undefined>();
  const [missing, setMissing] = useState<number[]>([]);
  const [hydrated, setHydrated] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setHydrated(true);
    // Show the answers of the last attempt again (after a relaunch, say).
    const restore = () => {
      const saved = getTracker().savedAnswers?.(moduleId);
      if (saved && Object.keys(saved).length) setSelection((current) => (Object.keys(current).length ? current : { ...saved }));
    };
    restore();
    globalThis.addEventListener(trackerReadyEvent, restore);
    return () => globalThis.removeEventListener(trackerReadyEvent, restore);
  }, [moduleId]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const choose = (question: QuizQuestion, optionId: string, checked: boolean) => {
    setSelection((previous) => {
      const current = previous[question.id] ?? [];
      const next = question.type === 'multiple' ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId];
      return { ...previous, [question.id]: next };
    });
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const unanswered = questions.flatMap((question, index) => ((selection[question.id] ?? []).length === 0 ? [index] : []));
    setMissing(unanswered);
    if (unanswered.length > 0) {
      form.current?.querySelector<HTMLInputElement>(`#${CSS.escape(inputId(quizId, questions[unanswered[0]!]!.id, questions[unanswered[0]!]!.options[0]!.id))}`)?.focus();
      return;
    }
    const scored = scoreQuiz(questions, selection, passMark);
    const tracker = getTracker();
    scored.questions.forEach((outcome, index) => {
      const question = questions[index]!;
      tracker.questionAnswered({
        moduleId,
        quizId,
        questionId: question.id,
        questionType: question.type,
        selected: outcome.selected,
        correctResponse: question.options.filter((option) => option.correct).map((option) => option.id),
        correct: outcome.correct,
        description: question.prompt,
      });
    });
    tracker.quizScored({ moduleId, quizId, scorePercent: scored.scorePercent, correctCount: scored.correctCount, total: scored.total, passed: scored.passed });
    setResult(scored);
  };

  const retry = () => {
    setSelection({});
    setResult(undefined);
    setMissing([]);
    // After React re-enables the inputs.
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input')?.focus());
  };

  return (
    <form ref={form} className="quiz" onSubmit={submit} noValidate data-quiz-state={result ? 'scored' : 'answering'} data-hydrated={hydrated || undefined}>
      {questions.map((question, index) => {
        const outcome = result?.questions[index];
        const chosen = selection[question.id] ?? [];
        return (
          <fieldset key={question.id} className="quiz-question" data-question-id={question.id} data-result={outcome ? (outcome.correct ? 'correct' : 'incorrect') : undefined}>
            <legend>
              <span className="quiz-number">{fill(labels.questionNumber, { number: index + 1, total: questions.length })}</span>
              <span className="quiz-prompt">{question.prompt}</span>
            </legend>
            <p className="meta quiz-hint">{labels.typeHint[question.type]}</p>
            {missing.includes(index) && !result && <p className="quiz-missing">{fill(labels.unanswered, { list: index + 1 })}</p>}
            <ul className="quiz-options">
              {question.options.map((option) => {
                const id = inputId(quizId, question.id, option.id);
                const isChosen = chosen.includes(option.id);
                return (
                  <li key={option.id} className="quiz-option" data-option-id={option.id}>
                    <input
                      type={question.type === 'multiple' ? 'checkbox' : 'radio'}
                      id={id}
                      name={`${quizId}-${question.id}`}
                      value={option.id}
                      checked={isChosen}
                      disabled={!!result}
                      onChange={(event) => choose(question, option.id, event.target.checked)}
                      aria-describedby={outcome ? `${id}-feedback` : undefined}
                    />
                    <label htmlFor={id}>{option.text}</label>
                    {outcome && (
                      <p id={`${id}-feedback`} className={`quiz-feedback ${option.correct ? 'is-right' : 'is-wrong'}`}>
                        <strong>
                          {[isChosen ? labels.yourAnswer : '', option.correct ? labels.rightAnswer : ''].filter(Boolean).join(' · ')}
                          {(isChosen || option.correct) && ': '}
                        </strong>
                        {option.feedback}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            {outcome && <p className={`quiz-verdict ${outcome.correct ? 'is-right' : 'is-wrong'}`}>{outcome.correct ? labels.correct : labels.incorrect}</p>}
          </fieldset>
        );
      })}
      <div role="status" className="quiz-result-region">
        {result && (
          <div className={`quiz-result ${result.passed ? 'is-passed' : 'is-failed'}`}>
            <h2 ref={resultHeading} tabIndex={-1} className="quiz-result-title">
              {labels.resultTitle}: {fill(labels.score, { correct: result.correctCount, total: result.total, percent: result.scorePercent })}
            </h2>
            <p>{fill(result.passed ? labels.passed : labels.failed, { passMark })}</p>
          </div>
        )}
        {missing.length > 0 && !result && (
          <p className="quiz-missing">{fill(labels.unanswered, { list: missing.map((index) => index + 1).join(', ') })}</p>
        )}
      </div>
      {result ? (
        <button type="button" className="button" onClick={retry}>
          {labels.retry}
        </button>
      ) : (
        <button type="submit" className="button" disabled={!hydrated}>
          {labels.submit}
        </button>
      )}
    </form>
  );
}

function inputId(quizId: string, questionId: string, optionId: string): string {
  return `${quizId}-${questionId}-${optionId}`;
}
