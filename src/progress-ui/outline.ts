/** The course as the tracking rules see it (ids and minutes), built from the content model. */
import type { Course } from '../content-model/course-model.ts';
import type { CourseOutline } from '../tracking/rules.ts';

export function courseOutline(course: Course): CourseOutline {
  return {
    id: course.id,
    passMark: course.passMark,
    modules: course.modules.map((module) => ({
      id: module.id,
      lessons: module.lessons.map((lesson) => ({ id: lesson.id, minutes: lesson.minutes })),
      ...(module.quiz ? { quiz: { id: module.quiz.id, minutes: module.quiz.minutes, questions: module.quiz.questions.length } } : {}),
    })),
  };
}
