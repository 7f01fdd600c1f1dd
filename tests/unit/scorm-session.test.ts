import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content-model/check-content.ts';
import { moduleKey } from '../../src/progress-ui/outline.ts';
import { ProgressTracker } from '../../src/tracking/progress-tracker.ts';
import { connect, findApi, openSession, ScormCallError } from '../../src/tracking/scorm/api.ts';
import { duration2004, interactionValues, timespan12 } from '../../src/tracking/scorm/cmi.ts';
import { ScormSession, type SessionProblem } from '../../src/tracking/scorm/session.ts';
import { decodeSuspendData, encodeSuspendData, suspendDataLimit, type ModuleKey } from '../../src/tracking/scorm/suspend-data.ts';
import { createTestLms, type TestLms } from '../support/scorm-lms.ts';

const key: ModuleKey = {
  module: { id: 'm1', lessons: [{ id: 'l1', minutes: 10 }, { id: 'l2', minutes: 10 }], quiz: { id: 'm1-check', minutes: 5, questions: 2 } },
  questions: [
    { id: 'q1', optionIds: ['a', 'b', 'c'] },
    { id: 'q2', optionIds: ['true', 'false'] },
  ],
};

function setUp(lms: TestLms) {
  const problems: SessionProblem[] = [];
  const scheduled: (() => void)[] = [];
  const deferred: (() => void)[] = [];
  const connection = connect({ version: lms.version, api: lms.exposed });
  connection.initialize();
  const session = new ScormSession({
    connection,
    key,
    courseId: 'course',
    lang: 'en',
    onProblem: (problem) => problems.push(problem),
    schedule: (callback) => scheduled.push(callback),
    defer: (callback) => deferred.push(callback),
  });
  /** Runs the commits queued by the changes of the current task. */
  const settle = () => {
    while (deferred.length) deferred.shift()!();
  };
  return { session, problems, scheduled, settle };
}

function answer(tracker: ProgressTracker, session: ScormSession, q1: string[], q2: string[]) {
  const events = [
    { questionId: 'q1', questionType: 'single' as const, selected: q1, correctResponse: ['b'], correct: q1.join() === 'b', optionIds: ['a', 'b', 'c'] },
    { questionId: 'q2', questionType: 'true-false' as const, selected: q2, correctResponse: ['true'], correct: q2.join() === 'true', optionIds: ['true', 'false'] },
  ];
  for (const { optionIds, ...event } of events) {
    const full = { ...event, moduleId: 'm1', quizId: 'm1-check', description: `Prompt ${event.questionId}` };
    tracker.questionAnswered(full);
    session.reportAnswer(full, optionIds);
  }
  const correct = events.filter((event) => event.correct).length;
  tracker.quizScored({ moduleId: 'm1', quizId: 'm1-check', scorePercent: correct * 50, correctCount: correct, total: 2, passed: correct === 2 });
}

describe.each(['1.2', '2004'] as const)('SCORM %s session', (version) => {
  const v12 = version === '1.2';
  const status = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const scoreRaw = v12 ? 'cmi.core.score.raw' : 'cmi.score.raw';
  const location = v12 ? 'cmi.core.lesson_location' : 'cmi.location';

  it('marks the first launch incomplete and asks to be resumed, in one commit', () => {
    const lms = createTestLms(version);
    const { session } = setUp(lms);
    session.restore();
    session.restore();
    expect(lms.counts.initialize).toBe(1);
    expect(lms.counts.commit).toBe(1);
    expect(lms.value(status)).toBe('incomplete');
    expect(lms.sets).toContainEqual([v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend']);
  });

  it('commits once per change: opening a lesson (viewed mark and bookmark) is one commit', () => {
    const lms = createTestLms(version);
    const { session, settle } = setUp(lms);
    session.restore();
    const tracker = new ProgressTracker(session);
    const before = lms.counts.commit;
    tracker.lessonViewed('m1', 'l1');
    tracker.location('en/m1/l1/');
    settle();
    expect(lms.counts.commit - before).toBe(1);
    expect(lms.value(location)).toBe('m1/l1');
    // Nothing new, nothing sent.
    tracker.location('en/m1/l1/');
    settle();
    expect(lms.counts.commit - before).toBe(1);
  });

  it('commits a status that becomes final before the score, then the score (what Moodle 4.3 grades on)', () => {
    const lms = createTestLms(version);
    const { session, settle } = setUp(lms);
    session.restore();
    const tracker = new ProgressTracker(session);
    tracker.lessonViewed('m1', 'l1');
    tracker.lessonViewed('m1', 'l2');
    settle();
    const commitsBefore = lms.commits.length;
    answer(tracker, session, ['b'], ['true']);
    settle();
    const [statusCommit, scoreCommit, ...rest] = lms.commits.slice(commitsBefore);
    expect(rest).toEqual([]);
    const finalStatus = v12 ? ['cmi.core.lesson_status', 'passed'] : ['cmi.success_status', 'passed'];
    expect(statusCommit).toContainEqual(finalStatus);
    expect(statusCommit!.map(([element]) => element)).not.toContain(scoreRaw);
    expect(scoreCommit).toContainEqual([scoreRaw, '100']);
    if (!v12) {
      expect(statusCommit).toContainEqual(['cmi.completion_status', 'completed']);
      expect(lms.value('cmi.score.scaled')).toBe('1');
    }
  });

  it('reports lessons, score, status and interactions, and terminates exactly once', () => {
    const lms = createTestLms(version);
    const { session, settle } = setUp(lms);
    session.restore();
    const tracker = new ProgressTracker(session);
    tracker.lessonViewed('m1', 'l1');
    tracker.location('en/m1/l2/');
    tracker.lessonViewed('m1', 'l2');
    answer(tracker, session, ['b'], ['true']);
    settle();

    expect(lms.value(scoreRaw)).toBe('100');
    if (v12) expect(lms.value('cmi.core.lesson_status')).toBe('passed');
    else {
      expect(lms.value('cmi.completion_status')).toBe('completed');
      expect(lms.value('cmi.success_status')).toBe('passed');
    }
    expect(lms.value(location)).toBe('m1/l2');

    const interactions = lms.sets.filter(([element]) => element.startsWith('cmi.interactions.'));
    if (v12) {
      expect(interactions).toContainEqual(['cmi.interactions.0.id', 'm1-check-q1']);
      expect(interactions).toContainEqual(['cmi.interactions.0.student_response', 'b']);
      expect(interactions).toContainEqual(['cmi.interactions.1.student_response', 't']);
      expect(interactions).toContainEqual(['cmi.interactions.1.result', 'correct']);
    } else {
      expect(interactions).toContainEqual(['cmi.interactions.0.learner_response', 'b']);
      expect(interactions).toContainEqual(['cmi.interactions.0.description', 'Prompt q1']);
      expect(interactions).toContainEqual(['cmi.interactions.1.learner_response', 'true']);
      expect(interactions).toContainEqual(['cmi.interactions.1.correct_responses.0.pattern', 'true']);
      const stamp = interactions.find(([element]) => element === 'cmi.interactions.0.timestamp')![1];
      expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$/);
    }

    const commitsBefore = lms.counts.commit;
    session.terminate();
    session.terminate();
    expect(lms.counts.terminate).toBe(1);
    expect(lms.counts.commit).toBe(commitsBefore); // no Commit right before Terminate
    const sessionTime = lms.sets.find(([element]) => element.endsWith('session_time'))![1];
    expect(sessionTime).toMatch(v12 ? /^\d{4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?[\d.]+S$/);
    expect(lms.sets).toContainEqual(v12 ? ['cmi.core.exit', 'suspend'] : ['cmi.exit', 'normal']);
  });

  it('reports a failing score as failed', () => {
    const lms = createTestLms(version);
    const { session, settle } = setUp(lms);
    session.restore();
    const tracker = new ProgressTracker(session);
    answer(tracker, session, ['a'], ['true']);
    settle();
    expect(lms.value(scoreRaw)).toBe('50');
    expect(lms.value(v12 ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('failed');
  });

  it('resumes at the bookmark with earlier answers on relaunch', () => {
    const first = createTestLms(version);
    const run = setUp(first);
    run.session.restore();
    const tracker = new ProgressTracker(run.session);
    tracker.lessonViewed('m1', 'l1');
    tracker.location('en/m1/l1/');
    answer(tracker, run.session, ['c'], ['false']);
    run.settle();
    run.session.terminate();

    const second = createTestLms(version, {
      'cmi.suspend_data': first.received('cmi.suspend_data')!,
      [location]: first.received(location)!,
      [v12 ? 'cmi.core.entry' : 'cmi.entry']: 'resume',
    });
    const restored = setUp(second).session.restore();
    expect(restored.location?.step).toBe('m1/l1');
    expect(Object.keys(restored.lessons)).toEqual(['l1']);
    expect(restored.quizzes.m1).toMatchObject({ bestScore: 0, passed: false, attempts: 1, answers: { q1: ['c'], q2: ['false'] } });
  });

  it('retries a refused commit, says why (code, text, diagnostic), and recovers with the next change', () => {
    const lms = createTestLms(version);
    const { session, problems, scheduled, settle } = setUp(lms);
    session.restore();
    const tracker = new ProgressTracker(session);
    lms.failCommits = 4; // the first commit and its three retries
    tracker.lessonViewed('m1', 'l1');
    settle();
    while (scheduled.length) scheduled.shift()!();
    expect(lms.counts.failedCommits).toBe(4);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ kind: 'commit-failed', attempts: 4, error: { code: '391' } });
    expect((problem as { error: Error }).error.message).toMatch(/Commit failed: LMS error 391 \(.+; diagnostic: test LMS refused the commit\)/);
    tracker.lessonViewed('m1', 'l2');
    settle();
    expect(problems.at(-1)).toEqual({ kind: 'commit-recovered' });
    expect(decodeSuspendData(key, 'course', lms.value('cmi.suspend_data')).lessons).toHaveProperty('l1');
  });
});

describe.each(['1.2', '2004'] as const)('opening a SCORM %s session', (version) => {
  it('looks the API up again when Initialize finds the previous SCO’s terminated session', async () => {
    const previous = createTestLms(version);
    previous.exposed[version === '1.2' ? 'LMSInitialize' : 'Initialize']!('');
    previous.exposed[version === '1.2' ? 'LMSFinish' : 'Terminate']!('');
    const next = createTestLms(version);
    let current = previous;
    const waits: number[] = [];
    const connection = await openSession({
      find: () => ({ version, api: current.exposed }),
      delays: [10, 20],
      wait: async (milliseconds) => {
        waits.push(milliseconds);
        current = next; // the LMS has put the next SCO's API in place
      },
    });
    expect(connection.version).toBe(version);
    expect(next.counts.initialize).toBe(1);
    expect(waits).toEqual([10]);
  });

  it('gives up with the LMS’s own diagnosis when the session stays terminated', async () => {
    const lms = createTestLms(version);
    lms.exposed[version === '1.2' ? 'LMSInitialize' : 'Initialize']!('');
    lms.exposed[version === '1.2' ? 'LMSFinish' : 'Terminate']!('');
    const attempt = openSession({ find: () => ({ version, api: lms.exposed }), delays: [1, 1], wait: async () => {} });
    await expect(attempt).rejects.toThrow(ScormCallError);
    await expect(attempt).rejects.toMatchObject({ code: version === '1.2' ? '101' : '104' });
  });
});

describe('finding the API', () => {
  it('climbs parent frames, skipping ones that throw, and prefers 2004', () => {
    const top = { API: { v: 12 }, API_1484_11: { v: 2004 } } as unknown as Window & { parent: Window };
    (top as { parent: unknown }).parent = top;
    const hostile = new Proxy({}, { get: (_, property) => { if (property === 'parent') return top; throw new Error('cross-origin'); } }) as Window;
    const child = { parent: hostile } as unknown as Window;
    expect(findApi(child)?.version).toBe('2004');
    expect(findApi({ parent: null } as unknown as Window)).toBeUndefined();
  });
});

describe('CMI formats', () => {
  it('writes time in each version’s format', () => {
    expect(timespan12(3_723_450)).toBe('0001:02:03.45');
    expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(duration2004(5_000)).toBe('PT5S');
  });

  it('reports multiple-choice answers by position letter in 1.2 and by id in 2004', () => {
    const record = { id: 'c-q', type: 'multiple' as const, optionIds: ['x', 'y', 'z'], selected: ['x', 'z'], correctResponse: ['z', 'x'], correct: true, description: 'D', timestamp: new Date('2026-01-01T10:00:00Z') };
    expect(interactionValues('1.2', 0, record)).toContainEqual(['cmi.interactions.0.student_response', 'a,c']);
    expect(interactionValues('2004', 0, record)).toContainEqual(['cmi.interactions.0.learner_response', 'x[,]z']);
  });
});

describe('suspend_data for the real course', () => {
  const { courses } = checkContent(new URL('../../', import.meta.url).pathname);

  it('stays within the SCORM 1.2 limit in the worst case for every module and language', () => {
    for (const course of Object.values(courses)) {
      for (const module of course!.modules) {
        const moduleKeyForSco = moduleKey(course!, module.id);
        const worst = {
          version: 1 as const,
          courseId: course!.id,
          lessons: Object.fromEntries(module.lessons.map((lesson) => [lesson.id, '2026-01-01T00:00:00.000Z'])),
          quizzes: module.quiz
            ? { [module.id]: { bestScore: 100, lastScore: 100, passed: true, attempts: 99999, updatedAt: '2026-01-01T00:00:00.000Z', answers: Object.fromEntries(module.quiz.questions.map((question) => [question.id, question.options.map((option) => option.id)])) } }
            : {},
          updatedAt: '2026-01-01T00:00:00.000Z',
        };
        const data = encodeSuspendData(moduleKeyForSco, worst);
        expect(data.length, `${course!.lang} ${module.id}`).toBeLessThanOrEqual(suspendDataLimit['1.2']);
        expect(decodeSuspendData(moduleKeyForSco, course!.id, data).quizzes).toEqual(
          module.quiz ? { [module.id]: expect.objectContaining({ answers: worst.quizzes[module.id]!.answers }) } : {},
        );
      }
    }
  });
});
