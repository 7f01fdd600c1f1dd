/**
 * What the LMS is told, as pure functions of the module's outline and the
 * learner's state, for both SCORM versions. The completion rules are the
 * open web's (rules.ts): the LMS sees the same verdict the site shows.
 */
import type { ProgressState } from '../progress-state.ts';
import { moduleProgress, type OutlineModule } from '../rules.ts';
import type { ScormVersion } from './api.ts';

/** Values to set, in order: the score always before the status (some LMSs derive one from the other). */
export function statusValues(version: ScormVersion, module: OutlineModule, state: ProgressState): [string, string][] {
  const progress = moduleProgress(module, state);
  const quiz = state.quizzes[module.id];
  const values: [string, string][] = [];
  if (quiz) {
    const raw = String(quiz.bestScore);
    if (version === '1.2') {
      values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', raw]);
    } else {
      values.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', raw], ['cmi.score.scaled', String(quiz.bestScore / 100)]);
    }
  }
  const complete = progress.status === 'complete';
  const failed = Boolean(quiz && !quiz.passed);
  if (version === '1.2') {
    const status = complete ? (module.quiz ? 'passed' : 'completed') : failed ? 'failed' : 'incomplete';
    values.push(['cmi.core.lesson_status', status]);
  } else {
    values.push(['cmi.completion_status', complete ? 'completed' : 'incomplete']);
    values.push(['cmi.success_status', !module.quiz ? (complete ? 'passed' : 'unknown') : quiz?.passed ? 'passed' : failed ? 'failed' : 'unknown']);
  }
  return values;
}

/**
 * `exit`: `suspend` while unfinished so the LMS resumes the attempt. In 1.2
 * it stays `suspend` even when finished: some LMSs lose the bookmark on an
 * empty exit (Adapt #2458), and a finished learner may come back to review.
 */
export function exitValue(version: ScormVersion, complete: boolean): [string, string] {
  return version === '1.2' ? ['cmi.core.exit', 'suspend'] : ['cmi.exit', complete ? 'normal' : 'suspend'];
}

export function locationElement(version: ScormVersion): string {
  return version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function timespan12(milliseconds: number): string {
  const centiseconds = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(centiseconds / 360000);
  const minutes = Math.floor((centiseconds % 360000) / 6000);
  const seconds = (centiseconds % 6000) / 100;
  return `${String(Math.min(hours, 9999)).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): PT1H2M3.45S */
export function duration2004(milliseconds: number): string {
  const centiseconds = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(centiseconds / 360000);
  const minutes = Math.floor((centiseconds % 360000) / 6000);
  const seconds = (centiseconds % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}

export function sessionTimeValue(version: ScormVersion, milliseconds: number): [string, string] {
  return version === '1.2' ? ['cmi.core.session_time', timespan12(milliseconds)] : ['cmi.session_time', duration2004(milliseconds)];
}

export interface InteractionRecord {
  /** Unique in the SCO: `<quiz id>-<question id>`. */
  id: string;
  type: 'single' | 'multiple' | 'true-false';
  /** All option ids of the question, in order (1.2 reports choices by position letter). */
  optionIds: string[];
  selected: string[];
  correctResponse: string[];
  correct: boolean;
  description: string;
  timestamp: Date;
}

/** 1.2 choice responses are single characters: option n is the nth letter. */
function letters(ids: string[], optionIds: string[]): string {
  return ids.map((id) => 'abcdefghijklmnopqrstuvwxyz'[optionIds.indexOf(id)] ?? '').filter(Boolean).join(',');
}

function trueFalse12(ids: string[]): string {
  return ids[0] === 'true' ? 't' : 'f';
}

/** The elements of interaction number `n`, in the version's vocabulary. */
export function interactionValues(version: ScormVersion, n: number, record: InteractionRecord): [string, string][] {
  const prefix = `cmi.interactions.${n}.`;
  const isTrueFalse = record.type === 'true-false';
  if (version === '1.2') {
    return [
      [`${prefix}id`, record.id],
      [`${prefix}type`, isTrueFalse ? 'true-false' : 'choice'],
      [`${prefix}student_response`, isTrueFalse ? trueFalse12(record.selected) : letters(record.selected, record.optionIds)],
      [`${prefix}correct_responses.0.pattern`, isTrueFalse ? trueFalse12(record.correctResponse) : letters(record.correctResponse, record.optionIds)],
      [`${prefix}result`, record.correct ? 'correct' : 'wrong'],
      [`${prefix}time`, record.timestamp.toTimeString().slice(0, 8)],
    ];
  }
  const join = (ids: string[]) => (isTrueFalse ? ids[0] ?? '' : ids.join('[,]'));
  return [
    [`${prefix}id`, record.id],
    [`${prefix}type`, isTrueFalse ? 'true-false' : 'choice'],
    [`${prefix}description`, record.description.slice(0, 250)],
    [`${prefix}learner_response`, join(record.selected)],
    [`${prefix}correct_responses.0.pattern`, join(record.correctResponse)],
    [`${prefix}result`, record.correct ? 'correct' : 'incorrect'],
    [`${prefix}timestamp`, record.timestamp.toISOString().slice(0, 19)],
  ];
}
