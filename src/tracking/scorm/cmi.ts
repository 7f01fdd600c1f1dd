/**
 * What the LMS is told, as pure functions of the module's outline and the
 * learner's state, for both SCORM versions. The completion rules are the
 * open web's (rules.ts): the LMS sees the same verdict the site shows.
 */
import type { ProgressState } from '../progress-state.ts';
import { moduleProgress, type OutlineModule } from '../rules.ts';
import type { ScormVersion } from './api.ts';

/** The LMS's status elements: a change of one of them to a final value is committed on its own (see session.ts). */
export const statusElements = ['cmi.core.lesson_status', 'cmi.completion_status', 'cmi.success_status'];
export const finalStatuses = ['passed', 'completed', 'failed'];

/**
 * The score and status to report, by version.
 *
 * SCORM 1.2 has one status. A module with a knowledge check carries the pass
 * mark in the manifest (`adlcp:masteryscore`), and with a mastery score the
 * 1.2 spec lets the LMS decide passed or failed from the score (Moodle does
 * it on LMSFinish unless "Mastery score overrides status" is off). So the
 * status follows the check, as the LMS would: passed or failed once it is
 * taken, incomplete before. A module without a check is completed when its
 * lessons are read.
 *
 * SCORM 2004 separates the two: `completion_status` is completed when every
 * lesson is read and the check (if any) was taken; `success_status` follows
 * the check (for a module without one: passed once completed).
 */
export function scoreValues(version: ScormVersion, module: OutlineModule, state: ProgressState): [string, string][] {
  const quiz = state.quizzes[module.id];
  if (!quiz) return [];
  const raw = String(quiz.bestScore);
  if (version === '1.2') return [['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', raw]];
  return [['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', raw], ['cmi.score.scaled', String(quiz.bestScore / 100)]];
}

export function statusValues(version: ScormVersion, module: OutlineModule, state: ProgressState): [string, string][] {
  const progress = moduleProgress(module, state);
  const quiz = state.quizzes[module.id];
  const lessonsRead = progress.lessonsViewed === progress.lessonsTotal;
  const checkVerdict = quiz ? (quiz.passed ? 'passed' : 'failed') : undefined;
  if (version === '1.2') {
    const status = module.quiz ? (checkVerdict ?? 'incomplete') : lessonsRead ? 'completed' : 'incomplete';
    return [['cmi.core.lesson_status', status]];
  }
  const completed = lessonsRead && (!module.quiz || quiz !== undefined);
  return [
    ['cmi.completion_status', completed ? 'completed' : 'incomplete'],
    ['cmi.success_status', module.quiz ? (checkVerdict ?? 'unknown') : completed ? 'passed' : 'unknown'],
  ];
}

/**
 * `exit`: `suspend` while unfinished so the LMS resumes the attempt (pass
 * `complete` once the module is complete by the course's rules). In 1.2 it
 * stays `suspend` even when finished: some LMSs lose the bookmark on an empty
 * exit (Adapt #2458), and a finished learner may come back to review.
 */
export function exitValue(version: ScormVersion, complete: boolean): [string, string] {
  return version === '1.2' ? ['cmi.core.exit', 'suspend'] : ['cmi.exit', complete ? 'normal' : 'suspend'];
}

export function locationElement(version: ScormVersion): string {
  return version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
}

/**
 * SCORM 2004 `time (second,10,0)`: the spec allows a zone designator only
 * after fractional seconds (YYYY-MM-DDThh:mm:ss.s[TZD]), and Moodle's
 * CMITime pattern allows at most two digits there: 2026-12-01T09:30:05.25Z.
 * Always UTC, so no LMS reads it as local time.
 */
export function timestamp2004(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
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
    [`${prefix}timestamp`, timestamp2004(record.timestamp)],
  ];
}
