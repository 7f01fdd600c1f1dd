import { describe, expect, it } from 'vitest';
import { scoreQuestion, scoreQuiz, type ScorableQuestion } from '../../src/tracking/scoring.ts';

const single: ScorableQuestion = { id: 's', options: [{ id: 'a' }, { id: 'b', correct: true }, { id: 'c' }] };
const multiple: ScorableQuestion = { id: 'm', options: [{ id: 'a', correct: true }, { id: 'b' }, { id: 'c', correct: true }, { id: 'd' }] };
const trueFalse: ScorableQuestion = { id: 't', options: [{ id: 'true' }, { id: 'false', correct: true }] };

describe('scoreQuestion', () => {
  it('scores single choice', () => {
    expect(scoreQuestion(single, ['b']).correct).toBe(true);
    expect(scoreQuestion(single, ['a'])).toMatchObject({ correct: false, wrong: ['a'], missed: ['b'] });
    expect(scoreQuestion(single, [])).toMatchObject({ correct: false, missed: ['b'] });
  });

  it('scores multiple choice only when the selection is exactly the key', () => {
    expect(scoreQuestion(multiple, ['c', 'a']).correct).toBe(true);
    // Partial: one right option missing.
    expect(scoreQuestion(multiple, ['a'])).toMatchObject({ correct: false, wrong: [], missed: ['c'] });
    // Every right option plus a wrong one.
    expect(scoreQuestion(multiple, ['a', 'c', 'd'])).toMatchObject({ correct: false, wrong: ['d'], missed: [] });
  });

  it('scores true/false', () => {
    expect(scoreQuestion(trueFalse, ['false']).correct).toBe(true);
    expect(scoreQuestion(trueFalse, ['true']).correct).toBe(false);
  });

  it('ignores duplicate and unknown option ids', () => {
    expect(scoreQuestion(single, ['b', 'b', 'zz'])).toMatchObject({ correct: true, selected: ['b'] });
  });
});

describe('scoreQuiz', () => {
  const five = [single, multiple, trueFalse, { ...single, id: 's2' }, { ...single, id: 's3' }];

  it('passes at exactly the pass mark (4 of 5 = 80 %)', () => {
    const result = scoreQuiz(five, { s: ['b'], m: ['a', 'c'], t: ['false'], s2: ['b'], s3: ['a'] }, 80);
    expect(result).toMatchObject({ correctCount: 4, total: 5, scorePercent: 80, passed: true });
  });

  it('fails just below the pass mark (3 of 5 = 60 %)', () => {
    const result = scoreQuiz(five, { s: ['b'], m: ['a'], t: ['false'], s2: ['b'], s3: ['a'] }, 80);
    expect(result).toMatchObject({ correctCount: 3, scorePercent: 60, passed: false });
  });

  it('does not round a score up to a pass (79.x % fails an 80 % mark)', () => {
    const questions = Array.from({ length: 24 }, (_, index) => ({ ...single, id: `q${index}` }));
    const responses = Object.fromEntries(questions.map((question, index) => [question.id, index < 19 ? ['b'] : ['a']]));
    const result = scoreQuiz(questions, responses, 80); // 19/24 = 79.17 %
    expect(result.scorePercent).toBe(79);
    expect(result.passed).toBe(false);
  });

  it('counts unanswered questions as wrong', () => {
    expect(scoreQuiz(five, {}, 80)).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
  });
});
