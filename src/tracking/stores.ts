/**
 * Where progress is kept. The tracker talks to the `TrackingStore` port; on
 * the open web that is localStorage, with memory as the fallback when the
 * browser refuses storage (private mode, blocked cookies, quota). The SCORM
 * store (LMS) implements the same port.
 *
 * Rules: never overwrite what cannot be read (it is copied aside first and
 * reported), always merge with what another tab saved, and say when progress
 * is only in memory.
 */
import { mergeStates } from './merge.ts';
import { emptyState, parseState, type ProgressState } from './progress-state.ts';

export type StoreNotice =
  | { kind: 'memory-only'; cause: 'unavailable' | 'full' }
  | { kind: 'recovered'; reason: string; keptAs?: string };

export interface TrackingStore {
  load(): ProgressState;
  /** Saves, merged with whatever is stored now; returns the merged state. */
  save(state: ProgressState): ProgressState;
  /** Writes exactly this state, dropping what was stored (reset, import). */
  replace(state: ProgressState): ProgressState;
  /** Called when another tab (or window) changed the stored progress. */
  onExternalChange(listener: (state: ProgressState) => void): void;
  /** False when progress lasts only as long as the page. */
  readonly persistent: boolean;
  readonly notices: readonly StoreNotice[];
}

export class MemoryStore implements TrackingStore {
  readonly persistent = false;
  readonly notices: StoreNotice[];
  private state: ProgressState;

  constructor(courseId: string, notices: StoreNotice[] = [], initial?: ProgressState) {
    this.state = initial ?? emptyState(courseId);
    this.notices = notices;
  }

  load(): ProgressState {
    return this.state;
  }

  save(state: ProgressState): ProgressState {
    this.state = mergeStates(state, this.state);
    return this.state;
  }

  replace(state: ProgressState): ProgressState {
    this.state = state;
    return state;
  }

  onExternalChange(): void {}
}

export function storageKey(courseId: string): string {
  return `course-progress:${courseId}`;
}

/** localStorage, or whatever Storage the browser gives; falls back to memory by itself. */
export class LocalStorageStore implements TrackingStore {
  readonly notices: StoreNotice[] = [];
  private memory: MemoryStore | undefined;
  private readonly key: string;
  private readonly courseId: string;
  private readonly storage: () => Storage;
  private readonly events: Pick<EventTarget, 'addEventListener'> | undefined;
  private readonly now: () => Date;

  constructor(
    courseId: string,
    storage: () => Storage = () => globalThis.localStorage,
    events: Pick<EventTarget, 'addEventListener'> | undefined = globalThis.window,
    now: () => Date = () => new Date(),
  ) {
    this.courseId = courseId;
    this.storage = storage;
    this.events = events;
    this.now = now;
    this.key = storageKey(courseId);
    try {
      const probe = `${this.key}:probe`;
      this.storage().setItem(probe, '1');
      this.storage().removeItem(probe);
    } catch {
      this.toMemory('unavailable');
    }
  }

  get persistent(): boolean {
    return !this.memory;
  }

  load(): ProgressState {
    if (this.memory) return this.memory.load();
    const raw = this.read();
    if (raw === null) return emptyState(this.courseId, this.now());
    const parsed = parseState(raw, this.courseId);
    if (parsed.ok) {
      if (parsed.migratedFrom !== undefined) this.write(parsed.state);
      return parsed.state;
    }
    // Unreadable or foreign data: keep a copy aside before starting afresh.
    const keptAs = `${this.key}:unreadable:${this.now().toISOString()}`;
    try {
      this.storage().setItem(keptAs, raw);
      this.storage().removeItem(this.key);
      this.notices.push({ kind: 'recovered', reason: parsed.reason, keptAs });
    } catch {
      // Could not keep a copy: leave the original untouched and work in memory.
      this.notices.push({ kind: 'recovered', reason: parsed.reason });
      this.toMemory('full');
    }
    return emptyState(this.courseId, this.now());
  }

  save(state: ProgressState): ProgressState {
    if (this.memory) return this.memory.save(state);
    const stored = this.read();
    const parsed = stored === null ? undefined : parseState(stored, this.courseId);
    const merged = parsed?.ok ? mergeStates(state, parsed.state) : state;
    if (!this.write(merged)) return this.memory!.save(merged);
    return merged;
  }

  replace(state: ProgressState): ProgressState {
    if (this.memory) return this.memory.replace(state);
    if (!this.write(state)) return this.memory!.replace(state);
    return state;
  }

  onExternalChange(listener: (state: ProgressState) => void): void {
    this.events?.addEventListener('storage', (event) => {
      const { key, newValue } = event as StorageEvent;
      if (this.memory || key !== this.key || newValue === null) return;
      const parsed = parseState(newValue, this.courseId);
      if (parsed.ok) listener(parsed.state);
    });
  }

  private read(): string | null {
    try {
      return this.storage().getItem(this.key);
    } catch {
      this.toMemory('unavailable');
      return null;
    }
  }

  /** Writes, or switches to memory (keeping the state) and says why. */
  private write(state: ProgressState): boolean {
    try {
      this.storage().setItem(this.key, JSON.stringify(state));
      return true;
    } catch (error) {
      // Firefox names it differently from the others.
      const full = error instanceof DOMException && ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'].includes(error.name);
      this.toMemory(full ? 'full' : 'unavailable', state);
      return false;
    }
  }

  private toMemory(cause: 'unavailable' | 'full', state?: ProgressState): void {
    if (this.memory) return;
    this.notices.push({ kind: 'memory-only', cause });
    this.memory = new MemoryStore(this.courseId, this.notices, state);
  }
}
