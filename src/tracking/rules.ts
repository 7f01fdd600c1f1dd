/**
 * Completion rules, as pure functions of the course outline and the state:
 * the open web and the SCORM runtime decide with the same code.
 *
 * A module is complete when every lesson is viewed and its knowledge check
 * is passed at the course pass mark (a module without one needs only its
 * lessons). The course is complete when every module is.
 */
import type { ProgressState } from './progress-state.ts';

/** What the rules need to know of the course: ids and minutes, no text. */
export interface CourseOutline {
  id: string;
  passMark: number;
  modules: OutlineModule[];
}

export interface OutlineModule {
  id: string;
  lessons: { id: string; minutes: number }[];
  quiz?: { id: string; minutes: number; questions: number };
}

export type Status = 'not-started' | 'in-progress' | 'complete';

export interface ModuleProgress {
  moduleId: string;
  lessonsViewed: number;
  lessonsTotal: number;
  quizPassed: boolean;
  bestScore?: number;
  status: Status;
  /** Share of the module's steps done (lessons + knowledge check), 0-100. */
  percent: number;
  minutesDone: number;
  minutesTotal: number;
}

export interface CourseProgress {
  modules: ModuleProgress[];
  modulesComplete: number;
  percent: number;
  minutesDone: number;
  minutesTotal: number;
  complete: boolean;
}

export function moduleProgress(module: OutlineModule, state: ProgressState): ModuleProgress {
  const viewed = module.lessons.filter((lesson) => lesson.id in state.lessons);
  const quiz = state.quizzes[module.id];
  const quizPassed = module.quiz ? quiz?.passed === true : true;
  const steps = module.lessons.length + (module.quiz ? 1 : 0);
  const stepsDone = viewed.length + (module.quiz && quizPassed ? 1 : 0);
  const minutesTotal = module.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0) + (module.quiz?.minutes ?? 0);
  const minutesDone = viewed.reduce((sum, lesson) => sum + lesson.minutes, 0) + (module.quiz && quizPassed ? module.quiz.minutes : 0);
  const complete = viewed.length === module.lessons.length && quizPassed;
  const started = viewed.length > 0 || quiz !== undefined;
  return {
    moduleId: module.id,
    lessonsViewed: viewed.length,
    lessonsTotal: module.lessons.length,
    quizPassed,
    ...(quiz ? { bestScore: quiz.bestScore } : {}),
    status: complete ? 'complete' : started ? 'in-progress' : 'not-started',
    percent: steps === 0 ? 100 : Math.floor((stepsDone * 100) / steps),
    minutesDone,
    minutesTotal,
  };
}

export function courseProgress(outline: CourseOutline, state: ProgressState): CourseProgress {
  const modules = outline.modules.map((module) => moduleProgress(module, state));
  const minutesTotal = modules.reduce((sum, module) => sum + module.minutesTotal, 0);
  const minutesDone = modules.reduce((sum, module) => sum + module.minutesDone, 0);
  const modulesComplete = modules.filter((module) => module.status === 'complete').length;
  return {
    modules,
    modulesComplete,
    percent: minutesTotal === 0 ? 0 : Math.floor((minutesDone * 100) / minutesTotal),
    minutesDone,
    minutesTotal,
    complete: modules.length > 0 && modulesComplete === modules.length,
  };
}
