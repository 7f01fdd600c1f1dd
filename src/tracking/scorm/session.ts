/**
 * One SCO's session with the LMS, for the life of the launch page. It is the
 * tracking runtime's store inside an LMS (the `TrackingStore` port), so the
 * lesson pages report through the same tracker as on the open web.
 *
 * Lifecycle: `start()` initializes exactly once and restores the learner's
 * place and progress; every change sets score, status, location and
 * suspend_data and commits (a refused commit is retried, then reported,
 * and retried again with the next change: nothing is dropped);
 * `terminate()` runs exactly once, on pagehide, without a Commit right
 * before it (Cornerstone rejects that, Adapt #2222): Terminate persists.
 */
import { mergeStates } from '../merge.ts';
import type { ProgressState } from '../progress-state.ts';
import { moduleProgress } from '../rules.ts';
import type { StoreNotice, TrackingStore } from '../stores.ts';
import type { AnswerEvent } from '../tracker.ts';
import { ScormCallError, type ScormConnection } from './api.ts';
import { exitValue, interactionValues, locationElement, sessionTimeValue, statusValues } from './cmi.ts';
import { decodeSuspendData, encodeSuspendData, suspendDataLimit, type ModuleKey } from './suspend-data.ts';

export type SessionProblem =
  | { kind: 'commit-failed'; attempts: number }
  | { kind: 'commit-recovered' }
  | { kind: 'call-failed'; message: string }
  | { kind: 'suspend-data-trimmed'; length: number };

export interface ScormSessionOptions {
  connection: ScormConnection;
  key: ModuleKey;
  courseId: string;
  lang: string;
  onProblem?: (problem: SessionProblem) => void;
  now?: () => Date;
  /** Delays between commit retries, in milliseconds. */
  retryDelays?: number[];
  schedule?: (callback: () => void, milliseconds: number) => void;
}

export class ScormSession implements TrackingStore {
  readonly persistent = true;
  readonly notices: StoreNotice[] = [];
  private readonly options: Required<Omit<ScormSessionOptions, 'onProblem'>> & Pick<ScormSessionOptions, 'onProblem'>;
  private state: ProgressState;
  private startedAt = 0;
  private phase: 'new' | 'running' | 'terminated' = 'new';
  private interactionCount = 0;
  private commitFailing = false;
  private retrying = false;

  constructor(options: ScormSessionOptions) {
    this.options = {
      now: () => new Date(),
      retryDelays: [500, 2000, 5000],
      schedule: (callback, milliseconds) => setTimeout(callback, milliseconds),
      ...options,
    };
    this.state = decodeSuspendData(options.key, options.courseId, '', this.options.now());
  }

  get version() {
    return this.options.connection.version;
  }

  /** Initializes once and returns the restored progress (bookmark in `location`). */
  start(): ProgressState {
    if (this.phase !== 'new') return this.state;
    const { connection, key, courseId, lang } = this.options;
    connection.initialize();
    this.phase = 'running';
    this.startedAt = this.options.now().getTime();
    const v12 = connection.version === '1.2';
    const suspendData = this.read('cmi.suspend_data');
    this.state = decodeSuspendData(key, courseId, suspendData, this.options.now());
    const bookmark = this.read(locationElement(connection.version));
    if (bookmark) this.state.location = { step: bookmark, lang, at: this.options.now().toISOString() };
    this.interactionCount = Number(this.read('cmi.interactions._count')) || 0;

    const status = this.read(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status');
    if (['', 'not attempted', 'unknown'].includes(status)) {
      // First launch: the attempt has started.
      this.write(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete');
    }
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
    for (const [element, value] of values) this.write(element, value);
  }

  /** Commits what is pending (page hidden, for instance). */
  flush(): void {
    if (this.phase === 'running') this.commit();
  }

  /** Ends the session exactly once. */
  terminate(): void {
    if (this.phase !== 'running') return;
    const { connection, key } = this.options;
    this.persistValues();
    const complete = moduleProgress(key.module, this.state).status === 'complete';
    this.write(...exitValue(connection.version, complete));
    this.write(...sessionTimeValue(connection.version, this.options.now().getTime() - this.startedAt));
    this.phase = 'terminated';
    try {
      connection.terminate();
    } catch (error) {
      this.report({ kind: 'call-failed', message: (error as Error).message });
    }
  }

  private persist(): void {
    if (this.phase !== 'running') return;
    this.persistValues();
    this.commit();
  }

  private persistValues(): void {
    const { connection, key } = this.options;
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

  private commit(attempt = 0): void {
    if (this.phase !== 'running') return;
    if (this.options.connection.commit()) {
      if (this.commitFailing) this.report({ kind: 'commit-recovered' });
      this.commitFailing = false;
      return;
    }
    const delay = this.options.retryDelays[attempt];
    if (delay === undefined) {
      this.commitFailing = true;
      this.report({ kind: 'commit-failed', attempts: attempt + 1 });
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
      return this.options.connection.get(element);
    } catch (error) {
      if (!(error instanceof ScormCallError)) throw error;
      return '';
    }
  }

  private write(element: string, value: string): void {
    try {
      this.options.connection.set(element, value);
    } catch (error) {
      this.report({ kind: 'call-failed', message: (error as Error).message });
    }
  }

  private report(problem: SessionProblem): void {
    this.options.onProblem?.(problem);
  }
}
