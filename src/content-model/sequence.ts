/**
 * The reading order of the course as one line: each module's lessons, then
 * its knowledge check. Previous/next links walk this line, across module
 * boundaries.
 */
import type { Course, Lesson, Module } from './course-model.ts';

export type Step =
  | { kind: 'lesson'; module: Module; lesson: Lesson }
  | { kind: 'check'; module: Module };

export function courseSequence(course: Course): Step[] {
  return course.modules.flatMap((module): Step[] => [
    ...module.lessons.map((lesson): Step => ({ kind: 'lesson', module, lesson })),
    ...(module.quiz ? [{ kind: 'check', module } as Step] : []),
  ]);
}

export function stepKey(step: Step): string {
  return step.kind === 'lesson' ? `${step.module.id}/${step.lesson.id}` : `${step.module.id}/check`;
}

export function neighbours(course: Course, key: string): { previous?: Step; next?: Step } {
  const steps = courseSequence(course);
  const index = steps.findIndex((step) => stepKey(step) === key);
  if (index < 0) return {};
  return { previous: steps[index - 1], next: steps[index + 1] };
}
