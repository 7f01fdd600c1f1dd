/**
 * How a lesson page inside the SCO's launch page finds the LMS session:
 * the launch page publishes this host on its window; lesson pages (same
 * origin, in its inner frame) look for it on `window.parent`.
 */
import type { TrackingStore } from '../stores.ts';
import type { AnswerEvent } from '../tracker.ts';

export interface ScormHost {
  store: TrackingStore;
  reportAnswer(event: AnswerEvent): void;
}

const hostKey = '__holisticCourseScormHost';

export function publishHost(win: Window, host: ScormHost): void {
  (win as unknown as Record<string, ScormHost>)[hostKey] = host;
}

export function findHost(win: Window): ScormHost | undefined {
  try {
    if (win.parent === win) return undefined;
    return (win.parent as unknown as Record<string, ScormHost | undefined>)[hostKey];
  } catch {
    return undefined; // parent from another origin
  }
}
