/**
 * The tracker behind the components' events on the open web: it turns
 * events into progress state and persists it through a store. Listeners
 * (progress marks, the progress page) are told of every change, including
 * changes made in another tab.
 */
import type { ProgressState, QuizRecord } from './progress-state.ts';
import type { TrackingStore } from './stores.ts';
import type { AnswerEvent, QuizScoreEvent, Tracker } from './tracker.ts';

type Listener = (state: ProgressState) => void;

/** `en/module/lesson/` → `module/lesson`; `en/module/knowledge-check/` → `module/check`. */
export function stepOfPath(path: string): { lang: string; step: string } | undefined {
  const [lang, moduleId, page] = path.split('/').filter(Boolean);
  if (!lang || !moduleId || !page) return undefined;
  return { lang, step: `${moduleId}/${page === 'knowledge-check' ? 'check' : page}` };
}

export class ProgressTracker implements Tracker {
  private state: ProgressState;
  private readonly store: TrackingStore;
  private readonly now: () => Date;
  private readonly listeners = new Set<Listener>();
  /** Answers of the attempt in progress, by module, until the check is scored. */
  private readonly pending = new Map<string, Record<string, string[]>>();

  constructor(store: TrackingStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
    this.state = store.load();
    store.onExternalChange((external) => {
      this.state = store.save(external); // merge theirs with ours, and keep both
      this.emit();
    });
  }

  get current(): ProgressState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lessonViewed(_moduleId: string, lessonId: string): void {
    if (this.state.lessons[lessonId]) return;
    this.update({ ...this.state, lessons: { ...this.state.lessons, [lessonId]: this.timestamp() } });
  }

  questionAnswered(event: AnswerEvent): void {
    const answers = this.pending.get(event.moduleId) ?? {};
    answers[event.questionId] = event.selected;
    this.pending.set(event.moduleId, answers);
  }

  quizScored(event: QuizScoreEvent): void {
    const previous: QuizRecord | undefined = this.state.quizzes[event.moduleId];
    const record: QuizRecord = {
      bestScore: Math.max(previous?.bestScore ?? 0, event.scorePercent),
      lastScore: event.scorePercent,
      passed: (previous?.passed ?? false) || event.passed,
      attempts: (previous?.attempts ?? 0) + 1,
      answers: this.pending.get(event.moduleId) ?? {},
      updatedAt: this.timestamp(),
    };
    this.pending.delete(event.moduleId);
    this.update({ ...this.state, quizzes: { ...this.state.quizzes, [event.moduleId]: record } });
  }

  location(path: string): void {
    const place = stepOfPath(path);
    if (!place) return;
    if (this.state.location?.step === place.step && this.state.location.lang === place.lang) return;
    this.update({ ...this.state, location: { ...place, at: this.timestamp() } });
  }

  savedAnswers(moduleId: string): Record<string, string[]> | undefined {
    return this.state.quizzes[moduleId]?.answers;
  }

  /** Replaces all progress (reset, import); not merged with what was stored. */
  replace(state: ProgressState): void {
    this.state = this.store.replace(state);
    this.emit();
  }

  private update(next: ProgressState): void {
    this.state = this.store.save({ ...next, updatedAt: this.timestamp() });
    this.emit();
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }
}
