/**
 * The learner's progress, as stored (localStorage, an exported file, SCORM
 * suspend_data). Keyed only by stable content ids, never by language or
 * URL, so it survives a language switch and content edits:
 * - a lesson added later simply has no entry (not viewed);
 * - an entry for a lesson that was removed is kept but ignored by the rules.
 *
 * Lifecycle: read and validated on every page (`parseState`), changed by
 * tracker events, merged with what another tab saved, written back.
 * Data from an older format goes through `migrations`; data that cannot be
 * understood is never overwritten silently (see stores.ts).
 */
import * as z from 'zod/mini';

export const currentVersion = 1;

const isoDate = z.string();

const quizRecordSchema = z.object({
  bestScore: z.number(),
  lastScore: z.number(),
  passed: z.boolean(),
  attempts: z.number(),
  /** Last submitted answers by question id, restored when the learner comes back. */
  answers: z.record(z.string(), z.array(z.string())),
  updatedAt: isoDate,
});

export const progressStateSchema = z.object({
  version: z.literal(currentVersion),
  courseId: z.string(),
  /** Viewed lessons: lesson id to first-view time. */
  lessons: z.record(z.string(), isoDate),
  /** Knowledge checks by module id. */
  quizzes: z.record(z.string(), quizRecordSchema),
  /** Last place, language-neutral: `moduleId/lessonId` or `moduleId/check`. */
  location: z.optional(z.object({ step: z.string(), lang: z.string(), at: isoDate })),
  updatedAt: isoDate,
});

export type ProgressState = z.infer<typeof progressStateSchema>;
export type QuizRecord = z.infer<typeof quizRecordSchema>;

export function emptyState(courseId: string, now = new Date()): ProgressState {
  return { version: currentVersion, courseId, lessons: {}, quizzes: {}, updatedAt: now.toISOString() };
}

/** One step from version `from` to `from + 1`. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 1 is the first
 * published format, so there is none yet; add `1: (old) => ({ ...new shape })`
 * when the format changes, and bump `currentVersion`.
 */
export const migrations: Record<number, Migration> = {};

export type ParseResult =
  | { ok: true; state: ProgressState; migratedFrom?: number }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'other-course' | 'newer-version' | 'invalid'; detail?: string };

/** Understands stored text, upgrading older formats; never throws. */
export function parseState(text: string, courseId: string, steps: Record<number, Migration> = migrations): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  return stateFromData(data, courseId, steps);
}

/** The same for data already parsed (an imported file's `progress`, say). */
export function stateFromData(data: unknown, courseId: string, steps: Record<number, Migration> = migrations): ParseResult {
  if (!data || typeof data !== 'object' || typeof (data as { version?: unknown }).version !== 'number') {
    return { ok: false, reason: 'not-progress' };
  }
  let record = data as Record<string, unknown>;
  const original = record.version as number;
  if (record.courseId !== courseId) return { ok: false, reason: 'other-course', detail: String(record.courseId) };
  if (original > currentVersion) return { ok: false, reason: 'newer-version', detail: String(original) };
  for (let version = original; version < currentVersion; version += 1) {
    const step = steps[version];
    if (!step) return { ok: false, reason: 'invalid', detail: `no migration from version ${version}` };
    record = { ...step(record), version: version + 1 };
  }
  const parsed = progressStateSchema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.message };
  return { ok: true, state: parsed.data, ...(original !== currentVersion ? { migratedFrom: original } : {}) };
}
