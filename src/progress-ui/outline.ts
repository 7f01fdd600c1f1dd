/** The course as the tracking rules see it (ids and minutes), built from the content model. */
import type { Course } from '../content-model/course-model.ts';
import type { CourseOutline } from '../tracking/rules.ts';
import type { ModuleKey } from '../tracking/scorm/suspend-data.ts';

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

/** What a module's SCO needs to encode its progress: the outline plus question and option ids. */
export function moduleKey(course: Course, moduleId: string): ModuleKey {
  const outline = courseOutline(course);
  const module = course.modules.find((candidate) => candidate.id === moduleId)!;
  return {
    module: outline.modules.find((candidate) => candidate.id === moduleId)!,
    questions: (module.quiz?.questions ?? []).map((question) => ({ id: question.id, optionIds: question.options.map((option) => option.id) })),
  };
}
