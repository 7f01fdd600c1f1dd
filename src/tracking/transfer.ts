/**
 * Moving progress to another device as a file. An import is checked in
 * full before anything changes: a file that is not progress, is damaged,
 * or belongs to another course is refused with the reason.
 */
import { mergeStates } from './merge.ts';
import { stateFromData, type ProgressState } from './progress-state.ts';

export const transferFormat = 'course-progress-export';

export interface ExportFile {
  format: typeof transferFormat;
  exportedAt: string;
  progress: ProgressState;
}

export function exportProgress(state: ProgressState, now = new Date()): string {
  const file: ExportFile = { format: transferFormat, exportedAt: now.toISOString(), progress: state };
  return JSON.stringify(file, null, 2);
}

export type ImportResult =
  | { ok: true; state: ProgressState }
  | { ok: false; reason: 'not-json' | 'not-an-export' | 'other-course' | 'newer-version' | 'invalid' };

/** The merged state to adopt, or why the file is refused. `current` is untouched. */
export function importProgress(text: string, current: ProgressState): ImportResult {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!file || typeof file !== 'object' || (file as { format?: unknown }).format !== transferFormat) return { ok: false, reason: 'not-an-export' };
  const parsed = stateFromData((file as ExportFile).progress, current.courseId);
  if (!parsed.ok) {
    return { ok: false, reason: parsed.reason === 'not-json' || parsed.reason === 'not-progress' ? 'invalid' : parsed.reason };
  }
  // Merge rather than overwrite: importing never loses what this device knows.
  return { ok: true, state: mergeStates(parsed.state, current) };
}
