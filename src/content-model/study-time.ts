/**
 * Honest study time. A lesson's minutes are not written by its author: they
 * are derived from what the learner has to do, so they cannot be set to hit
 * a target and they change when the text changes.
 *
 *   lesson minutes = round(reading words / 180) (at least 1) + the minutes each activity states
 *
 * - Reading: the English (reference edition) words of the lesson body,
 *   objectives and takeaways, at 180 words a minute, a common planning
 *   figure for careful reading of non-fiction by adult readers. Every
 *   language shows the English figure, so a learner sees the same time in
 *   English and Spanish (Spanish runs longer in words, not in content).
 * - Activities state their own time on themselves: `<Reflection minutes>`
 *   and `<Video minutes>` (or a Video's known `duration`). Case studies are
 *   read, so their words are already reading time.
 * - The knowledge check states its time in quiz.yaml (`minutes`).
 *
 * Module minutes = its lessons + its knowledge check; course minutes = its
 * modules. The module introduction (150-230 words, under 2 minutes) is not
 * counted: progress is tracked per lesson and check, and a total that no
 * tracked item adds up to would never read "done".
 */
import { type ComponentUse } from './mdx-components-check.ts';
import { toSeconds, type Time } from './component-props.ts';
import { countWords } from './translation-report.ts';

export const readingWordsPerMinute = 180;

/** Components whose time is stated on the component itself. */
export const timedComponents = ['Reflection', 'Video'] as const;

export interface StudyTime {
  /** Words the learner reads (reference edition). */
  words: number;
  readingMinutes: number;
  activityMinutes: number;
  minutes: number;
}

/** Words of the lesson as shown: objectives above, body, takeaways below. */
export function lessonWords(data: { objectives: string[]; takeaways: string[] }, body: string): number {
  return countWords(body) + [...data.objectives, ...data.takeaways].reduce((sum, line) => sum + countWords(line), 0);
}

/** The time one component asks of the learner, or undefined if it states none. */
export function statedMinutes(use: Pick<ComponentUse, 'name' | 'props'>): number | undefined {
  const { minutes, duration } = use.props;
  if (typeof minutes === 'number') return minutes;
  if (use.name === 'Video' && (typeof duration === 'number' || typeof duration === 'string')) {
    return Math.ceil(toSeconds(duration as Time) / 60);
  }
  return undefined;
}

export function activityMinutes(uses: Pick<ComponentUse, 'name' | 'props'>[]): number {
  return uses
    .filter((use) => (timedComponents as readonly string[]).includes(use.name))
    .reduce((sum, use) => sum + (statedMinutes(use) ?? 0), 0);
}

export function studyTime(words: number, activities: number): StudyTime {
  const readingMinutes = Math.max(1, Math.round(words / readingWordsPerMinute));
  return { words, readingMinutes, activityMinutes: activities, minutes: readingMinutes + activities };
}

/** A table of derived times per module, for `npm run check` and editors. */
export function formatStudyTime(modules: { folder: string; minutes: number; quiz?: { minutes: number }; lessons: { studyTime: StudyTime }[] }[]): string {
  const header = ['module', 'words', 'reading', 'activities', 'check', 'minutes'];
  const rows = modules.map((module) => {
    const sum = (pick: (time: StudyTime) => number) => module.lessons.reduce((total, lesson) => total + pick(lesson.studyTime), 0);
    return [module.folder, sum((time) => time.words), sum((time) => time.readingMinutes), sum((time) => time.activityMinutes), module.quiz?.minutes ?? 0, module.minutes].map(String);
  });
  const total = modules.reduce((sum, module) => sum + module.minutes, 0);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [
    `Study time (reading at ${readingWordsPerMinute} words a minute, English text, plus the minutes each activity states)`,
    line(header),
    ...rows.map(line),
    `Course: ${total} minutes (${(total / 60).toFixed(1)} hours).`,
  ].join('\n');
}
