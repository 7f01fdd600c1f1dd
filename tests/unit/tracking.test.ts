import { describe, expect, it } from 'vitest';
import { mergeStates } from '../../src/tracking/merge.ts';
import { emptyState, parseState, type ProgressState } from '../../src/tracking/progress-state.ts';
import { ProgressTracker, stepOfPath } from '../../src/tracking/progress-tracker.ts';
import { courseProgress, moduleProgress, type CourseOutline } from '../../src/tracking/rules.ts';
import { LocalStorageStore, MemoryStore, storageKey } from '../../src/tracking/stores.ts';
import { exportProgress, importProgress } from '../../src/tracking/transfer.ts';

const outline: CourseOutline = {
  id: 'course',
  passMark: 80,
  modules: [
    { id: 'm1', lessons: [{ id: 'l1', minutes: 10 }, { id: 'l2', minutes: 20 }], quiz: { id: 'm1-check', minutes: 10, questions: 5 } },
    { id: 'm2', lessons: [{ id: 'l3', minutes: 30 }] },
  ],
};

function state(patch: Partial<ProgressState> = {}): ProgressState {
  return { ...emptyState('course', new Date('2026-01-01T00:00:00Z')), ...patch };
}

const quiz = (patch: Partial<ProgressState['quizzes'][string]> = {}) => ({
  bestScore: 80, lastScore: 80, passed: true, attempts: 1, answers: {}, updatedAt: '2026-01-02T00:00:00Z', ...patch,
});

/** A Storage double that can be told to fail like a browser does. */
class FakeStorage implements Storage {
  data = new Map<string, string>();
  failWith: 'quota' | 'security' | undefined;
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  key(index: number) { return [...this.data.keys()][index] ?? null; }
  getItem(key: string) {
    if (this.failWith === 'security') throw new DOMException('denied', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  removeItem(key: string) { this.data.delete(key); }
  setItem(key: string, value: string) {
    if (this.failWith === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (this.failWith === 'security') throw new DOMException('denied', 'SecurityError');
    this.data.set(key, value);
  }
}

describe('completion rules', () => {
  it('completes a module when every lesson is viewed and the check passed', () => {
    const done = state({ lessons: { l1: 'x', l2: 'x' }, quizzes: { m1: quiz() } });
    expect(moduleProgress(outline.modules[0]!, done)).toMatchObject({ status: 'complete', percent: 100, minutesDone: 40, bestScore: 80 });
  });

  it('keeps a module in progress with every lesson viewed but the check failed', () => {
    const failed = state({ lessons: { l1: 'x', l2: 'x' }, quizzes: { m1: quiz({ bestScore: 60, lastScore: 60, passed: false }) } });
    expect(moduleProgress(outline.modules[0]!, failed)).toMatchObject({ status: 'in-progress', percent: 66, quizPassed: false, bestScore: 60 });
  });

  it('needs only lessons for a module without a knowledge check', () => {
    expect(moduleProgress(outline.modules[1]!, state({ lessons: { l3: 'x' } })).status).toBe('complete');
    expect(moduleProgress(outline.modules[1]!, state()).status).toBe('not-started');
  });

  it('completes the course only when every module is complete', () => {
    const partial = state({ lessons: { l1: 'x', l2: 'x' }, quizzes: { m1: quiz() } });
    expect(courseProgress(outline, partial)).toMatchObject({ complete: false, modulesComplete: 1, minutesDone: 40, minutesTotal: 70, percent: 57 });
    expect(courseProgress(outline, { ...partial, lessons: { ...partial.lessons, l3: 'x' } }).complete).toBe(true);
  });

  it('ignores progress on lessons that no longer exist, and counts new ones as not viewed', () => {
    const old = state({ lessons: { removed: 'x', l1: 'x' } });
    expect(moduleProgress(outline.modules[0]!, old)).toMatchObject({ lessonsViewed: 1, lessonsTotal: 2 });
  });
});

describe('stored state', () => {
  it('round-trips and refuses what it does not understand, saying why', () => {
    expect(parseState(JSON.stringify(state()), 'course')).toMatchObject({ ok: true });
    expect(parseState('{not json', 'course')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseState('{"hello":1}', 'course')).toEqual({ ok: false, reason: 'not-progress' });
    expect(parseState(JSON.stringify(state({ courseId: 'other' })), 'course')).toMatchObject({ ok: false, reason: 'other-course' });
    expect(parseState(JSON.stringify({ ...state(), version: 99 }), 'course')).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(parseState(JSON.stringify({ ...state(), lessons: 'oops' }), 'course')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('upgrades an older format through the migrations', () => {
    // A format before version 1 kept viewed lessons as a list.
    const old = { version: 0, courseId: 'course', viewed: ['l1', 'l2'], updatedAt: '2025-12-01T00:00:00Z' };
    const steps = {
      0: (data: Record<string, unknown>) => ({
        courseId: data.courseId,
        lessons: Object.fromEntries((data.viewed as string[]).map((id) => [id, data.updatedAt])),
        quizzes: {},
        updatedAt: data.updatedAt,
      }),
    };
    const result = parseState(JSON.stringify(old), 'course', steps);
    expect(result).toMatchObject({ ok: true, migratedFrom: 0, state: { version: 1, lessons: { l1: '2025-12-01T00:00:00Z', l2: '2025-12-01T00:00:00Z' } } });
    expect(parseState(JSON.stringify(old), 'course', {})).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('merging two tabs', () => {
  it('keeps every viewed lesson, the best score and the latest answers', () => {
    const a = state({ lessons: { l1: '2026-01-01T10:00:00Z' }, quizzes: { m1: quiz({ bestScore: 60, lastScore: 60, passed: false, attempts: 1, answers: { q: ['a'] }, updatedAt: '2026-01-01T10:00:00Z' }) } });
    const b = state({ lessons: { l1: '2026-01-01T09:00:00Z', l2: '2026-01-01T11:00:00Z' }, quizzes: { m1: quiz({ bestScore: 100, lastScore: 40, passed: true, attempts: 3, answers: { q: ['b'] }, updatedAt: '2026-01-01T12:00:00Z' }) } });
    const merged = mergeStates(a, b);
    expect(merged.lessons).toEqual({ l1: '2026-01-01T09:00:00Z', l2: '2026-01-01T11:00:00Z' });
    expect(merged.quizzes.m1).toMatchObject({ bestScore: 100, lastScore: 40, passed: true, attempts: 3, answers: { q: ['b'] } });
    expect(mergeStates(b, a)).toEqual(merged);
  });

  it('does not let two trackers on one storage overwrite each other', () => {
    const storage = new FakeStorage();
    const tabA = new ProgressTracker(new LocalStorageStore('course', () => storage, undefined));
    const tabB = new ProgressTracker(new LocalStorageStore('course', () => storage, undefined));
    tabA.lessonViewed('m1', 'l1');
    tabB.lessonViewed('m1', 'l2'); // tab B never reloaded: its memory has no l1
    const stored = parseState(storage.getItem(storageKey('course'))!, 'course');
    expect(stored.ok && Object.keys(stored.state.lessons).sort()).toEqual(['l1', 'l2']);
  });
});

describe('local storage store', () => {
  it('keeps unreadable data aside, reports it, and starts afresh', () => {
    const storage = new FakeStorage();
    storage.setItem(storageKey('course'), '{"corrupt');
    const store = new LocalStorageStore('course', () => storage, undefined, () => new Date('2026-02-02T00:00:00Z'));
    expect(store.load()).toMatchObject({ lessons: {} });
    expect(store.notices).toEqual([{ kind: 'recovered', reason: 'not-json', keptAs: 'course-progress:course:unreadable:2026-02-02T00:00:00.000Z' }]);
    expect(storage.getItem('course-progress:course:unreadable:2026-02-02T00:00:00.000Z')).toBe('{"corrupt');
    expect(store.persistent).toBe(true);
  });

  it('keeps progress from another course aside instead of mixing it in', () => {
    const storage = new FakeStorage();
    storage.setItem(storageKey('course'), JSON.stringify(state({ courseId: 'other' })));
    const store = new LocalStorageStore('course', () => storage, undefined);
    store.load();
    expect(store.notices[0]).toMatchObject({ kind: 'recovered', reason: 'other-course' });
  });

  it('falls back to memory when storage is refused, and says so', () => {
    const storage = new FakeStorage();
    storage.failWith = 'security';
    const tracker = new ProgressTracker(new LocalStorageStore('course', () => storage, undefined));
    tracker.lessonViewed('m1', 'l1');
    expect(tracker.current.lessons).toHaveProperty('l1');
    const store = new LocalStorageStore('course', () => storage, undefined);
    expect(store.persistent).toBe(false);
    expect(store.notices).toEqual([{ kind: 'memory-only', cause: 'unavailable' }]);
  });

  it('keeps progress in memory when the quota is exceeded, and says so', () => {
    const storage = new FakeStorage();
    const store = new LocalStorageStore('course', () => storage, undefined);
    const tracker = new ProgressTracker(store);
    tracker.lessonViewed('m1', 'l1');
    storage.failWith = 'quota';
    tracker.lessonViewed('m1', 'l2');
    expect(Object.keys(tracker.current.lessons).sort()).toEqual(['l1', 'l2']);
    expect(store.persistent).toBe(false);
    expect(store.notices).toEqual([{ kind: 'memory-only', cause: 'full' }]);
  });
});

describe('tracker', () => {
  it('records answers with the score, keeping the best score and a pass', () => {
    const tracker = new ProgressTracker(new MemoryStore('course'));
    const answer = { moduleId: 'm1', quizId: 'm1-check', questionType: 'single' as const, correctResponse: ['a'], correct: true, description: 'Q' };
    tracker.questionAnswered({ ...answer, questionId: 'q1', selected: ['a'] });
    tracker.quizScored({ moduleId: 'm1', quizId: 'm1-check', scorePercent: 100, correctCount: 5, total: 5, passed: true });
    tracker.questionAnswered({ ...answer, questionId: 'q1', selected: ['b'], correct: false });
    tracker.quizScored({ moduleId: 'm1', quizId: 'm1-check', scorePercent: 40, correctCount: 2, total: 5, passed: false });
    expect(tracker.current.quizzes.m1).toMatchObject({ bestScore: 100, lastScore: 40, passed: true, attempts: 2, answers: { q1: ['b'] } });
  });

  it('keeps the place language-neutral', () => {
    expect(stepOfPath('es/m1/l2/')).toEqual({ lang: 'es', step: 'm1/l2' });
    expect(stepOfPath('en/m1/knowledge-check/')).toEqual({ lang: 'en', step: 'm1/check' });
    expect(stepOfPath('en/')).toBeUndefined();
  });

  it('tells listeners about changes', () => {
    const tracker = new ProgressTracker(new MemoryStore('course'));
    const seen: number[] = [];
    tracker.subscribe((current) => seen.push(Object.keys(current.lessons).length));
    tracker.lessonViewed('m1', 'l1');
    tracker.lessonViewed('m1', 'l1'); // already viewed: no change
    tracker.lessonViewed('m1', 'l2');
    expect(seen).toEqual([1, 2]);
  });
});

describe('export and import', () => {
  const mine = state({ lessons: { l1: '2026-01-01T00:00:00Z' } });

  it('round-trips and merges with what this device has', () => {
    const file = exportProgress(state({ lessons: { l2: '2026-01-03T00:00:00Z' } }));
    const result = importProgress(file, mine);
    expect(result.ok && Object.keys(result.state.lessons).sort()).toEqual(['l1', 'l2']);
  });

  it('refuses a damaged file, a foreign file and another course, changing nothing', () => {
    const before = JSON.stringify(mine);
    expect(importProgress('not json at all', mine)).toEqual({ ok: false, reason: 'not-json' });
    expect(importProgress('{"some":"thing"}', mine)).toEqual({ ok: false, reason: 'not-an-export' });
    expect(importProgress(exportProgress(state({ courseId: 'another-course' })), mine)).toEqual({ ok: false, reason: 'other-course' });
    const damaged = JSON.parse(exportProgress(mine));
    damaged.progress.lessons = 42;
    expect(importProgress(JSON.stringify(damaged), mine)).toEqual({ ok: false, reason: 'invalid' });
    expect(JSON.stringify(mine)).toBe(before);
  });
});
