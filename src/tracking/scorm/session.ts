/**
 * One SCO's session with the LMS, for the life of the launch page. It is the
 * tracking runtime's store inside an LMS (the `TrackingStore` port), so the
 * lesson pages report through the same tracker as on the open web.
 *
 * Lifecycle: the launch page opens the connection (`openSession` in api.ts:
 * Initialize exactly once, with a retry when the API found belongs to the
 * previous SCO); `restore()` reads the learner's place and progress;
 * every change writes what differs from what the LMS already has and
 * commits once (changes made in the same task share one commit: a lesson
 * opened is one commit, not one per field); `terminate()` runs exactly once,
 * on pagehide, without a Commit right before it (Cornerstone rejects that,
 * Adapt #2222): Terminate persists.
 *
 * A status that becomes final (passed, completed, failed) is committed on
 * its own, before the score. Moodle 4.3 decides whether to recompute the
 * grade and the activity completion from the value a status row held
 * before the request (`scorm_insert_track()` in mod/scorm/locallib.php), and
 * its player sends the score ahead of the status within one request; the
 * score commit that follows makes Moodle grade and complete with the new
 * status. Any SCORM LMS accepts this order.
 *
 * A refused call is diagnosed (GetLastError, GetErrorString, GetDiagnostic)
 * and reported; a refused commit is retried with backoff, then reported,
 * and retried again with the next change: nothing is dropped.
 */
import { mergeStates } from '../merge.ts';
import type { ProgressState } from '../progress-state.ts';
import { moduleProgress } from '../rules.ts';
import type { StoreNotice, TrackingStore } from '../stores.ts';
import type { AnswerEvent } from '../tracker.ts';
import { ScormCallError, type ScormConnection } from './api.ts';
import { exitValue, finalStatuses, interactionValues, locationElement, scoreValues, sessionTimeValue, statusValues } from './cmi.ts';
import { decodeSuspendData, encodeSuspendData, suspendDataLimit, type ModuleKey } from './suspend-data.ts';

export type SessionProblem =
  | { kind: 'commit-failed'; attempts: number; error: ScormCallError }
  | { kind: 'commit-recovered' }
  | { kind: 'call-failed'; error: Error }
  | { kind: 'suspend-data-trimmed'; length: number };

export interface ScormSessionOptions {
  /** An initialized connection (see `openSession`). */
  connection: ScormConnection;
  key: ModuleKey;
  courseId: string;
  lang: string;
  onProblem?: (problem: SessionProblem) => void;
  now?: () => Date;
  /** Delays between commit retries, in milliseconds. */
  retryDelays?: number[];
  schedule?: (callback: () => void, milliseconds: number) => void;
  /** Runs the coalesced commit after the current task's changes. */
  defer?: (callback: () => void) => void;
}

export class ScormSession implements TrackingStore {
  readonly persistent = true;
  readonly notices: StoreNotice[] = [];
  private readonly options: Required<Omit<ScormSessionOptions, 'onProblem'>> & Pick<ScormSessionOptions, 'onProblem'>;
  private state: ProgressState;
  private startedAt = 0;
  private phase: 'new' | 'running' | 'terminated' = 'new';
  private interactionCount = 0;
  /** What the LMS holds now, as far as this session knows: only differences are written. */
  private readonly written = new Map<string, string>();
  private dirty = false;
  private commitQueued = false;
  private commitFailing = false;
  private retrying = false;

  constructor(options: ScormSessionOptions) {
    this.options = {
      now: () => new Date(),
      retryDelays: [500, 2000, 5000],
      schedule: (callback, milliseconds) => setTimeout(callback, milliseconds),
      defer: (callback) => queueMicrotask(callback),
      ...options,
    };
    this.state = decodeSuspendData(options.key, options.courseId, '', this.options.now());
  }

  get version() {
    return this.options.connection.version;
  }

  /** Reads the learner's place and progress once; returns them (bookmark in `location`). */
  restore(): ProgressState {
    if (this.phase !== 'new') return this.state;
    const { connection, key, courseId, lang } = this.options;
    this.phase = 'running';
    this.startedAt = this.options.now().getTime();
    const v12 = connection.version === '1.2';
    const suspendData = this.read('cmi.suspend_data');
    this.state = decodeSuspendData(key, courseId, suspendData, this.options.now());
    const bookmark = this.read(locationElement(connection.version));
    if (bookmark) this.state.location = { step: bookmark, lang, at: this.options.now().toISOString() };
    this.interactionCount = Number(this.read('cmi.interactions._count')) || 0;

    // What the LMS holds already, so that only differences are written.
    const held = v12 ? ['cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max'] : ['cmi.success_status', 'cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled'];
    for (const element of held) this.read(element);
    const statusElement = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const status = this.read(statusElement);
    // First launch: the attempt has started. (Left as "not attempted", a 1.2
    // LMS may record "completed" on LMSFinish; Moodle does.)
    this.write(statusElement, ['', 'not attempted', 'unknown'].includes(status) ? 'incomplete' : status);
    this.write(...exitValue(connection.version, false));
    this.commit();
    return this.state;
  }

  load(): ProgressState {
    return this.state;
  }

  save(state: ProgressState): ProgressState {
    this.state = mergeStates(state, this.state);
    this.persist();
    return this.state;
  }

  replace(state: ProgressState): ProgressState {
    this.state = state;
    this.persist();
    return this.state;
  }

  onExternalChange(): void {}

  /** Reports one answered question as an interaction (journaled: each attempt adds entries). */
  reportAnswer(event: AnswerEvent, optionIds: string[]): void {
    if (this.phase !== 'running') return;
    const values = interactionValues(this.options.connection.version, this.interactionCount, {
      id: `${event.quizId}-${event.questionId}`,
      type: event.questionType,
      optionIds,
      selected: event.selected,
      correctResponse: event.correctResponse,
      correct: event.correct,
      description: event.description,
      timestamp: this.options.now(),
    });
    this.interactionCount += 1;
    for (const [element, value] of values) this.write(element, value, { journal: true });
    this.queueCommit();
  }

  /** Commits what is pending now (the page is being hidden, say). */
  flush(): void {
    if (this.phase === 'running' && this.dirty) this.commit();
  }

  /** Ends the session exactly once. */
  terminate(): void {
    if (this.phase !== 'running') return;
    const { connection, key } = this.options;
    this.writeProgress();
    const complete = moduleProgress(key.module, this.state).status === 'complete';
    this.write(...exitValue(connection.version, complete));
    this.write(...sessionTimeValue(connection.version, this.options.now().getTime() - this.startedAt), { journal: true });
    this.phase = 'terminated';
    try {
      connection.terminate();
    } catch (error) {
      this.report({ kind: 'call-failed', error: error as Error });
    }
  }

  private persist(): void {
    if (this.phase !== 'running') return;
    const { connection, key } = this.options;
    const statuses = statusValues(connection.version, key.module, this.state);
    const becomesFinal = statuses.some(([element, value]) => finalStatuses.includes(value) && this.written.get(element) !== value);
    if (becomesFinal) {
      // The status first, in a commit of its own; the score follows (see the file comment).
      this.writeProgress({ score: false });
      this.commit();
    }
    this.writeProgress();
    this.queueCommit();
  }

  /** Writes score, status, bookmark and suspend_data where they differ from what the LMS has. */
  private writeProgress(options: { score?: boolean } = {}): void {
    const { connection, key } = this.options;
    if (options.score !== false) for (const [element, value] of scoreValues(connection.version, key.module, this.state)) this.write(element, value);
    for (const [element, value] of statusValues(connection.version, key.module, this.state)) this.write(element, value);
    if (this.state.location) this.write(locationElement(connection.version), this.state.location.step);
    let data = encodeSuspendData(key, this.state);
    const limit = suspendDataLimit[connection.version];
    if (data.length > limit) {
      // Keep lessons and scores; the last answers are the least essential.
      const withoutAnswers = { ...this.state, quizzes: Object.fromEntries(Object.entries(this.state.quizzes).map(([id, quiz]) => [id, { ...quiz, answers: {} }])) };
      this.report({ kind: 'suspend-data-trimmed', length: data.length });
      data = encodeSuspendData(key, withoutAnswers);
    }
    this.write('cmi.suspend_data', data);
  }

  private queueCommit(): void {
    if (this.commitQueued || !this.dirty) return;
    this.commitQueued = true;
    this.options.defer(() => {
      this.commitQueued = false;
      if (this.dirty) this.commit();
    });
  }

  private commit(attempt = 0): void {
    if (this.phase !== 'running') return;
    this.dirty = false;
    const refusal = this.options.connection.commit();
    if (!refusal) {
      if (this.commitFailing) this.report({ kind: 'commit-recovered' });
      this.commitFailing = false;
      return;
    }
    this.dirty = true; // still to be saved
    const delay = this.options.retryDelays[attempt];
    if (delay === undefined) {
      this.commitFailing = true;
      this.report({ kind: 'commit-failed', attempts: attempt + 1, error: refusal });
      return;
    }
    if (this.retrying && attempt === 0) return; // a retry is already on its way
    this.retrying = true;
    this.options.schedule(() => {
      this.retrying = false;
      this.commit(attempt + 1);
    }, delay);
  }

  private read(element: string): string {
    try {
      const value = this.options.connection.get(element);
      this.written.set(element, value);
      return value;
    } catch (error) {
      if (!(error instanceof ScormCallError)) throw error;
      return '';
    }
  }

  /** Sets a value unless the LMS has it already; journal entries (interactions, time) are always new. */
  private write(element: string, value: string, options: { journal?: boolean } = {}): void {
    if (!options.journal && this.written.get(element) === value) return;
    try {
      this.options.connection.set(element, value);
      this.written.set(element, value);
      this.dirty = true;
    } catch (error) {
      this.report({ kind: 'call-failed', error: error as Error });
    }
  }

  private report(problem: SessionProblem): void {
    this.options.onProblem?.(problem);
  }
}
