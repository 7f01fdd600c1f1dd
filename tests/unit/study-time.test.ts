import { describe, expect, it } from 'vitest';
import { activityMinutes, formatStudyTime, lessonWords, readingWordsPerMinute, statedMinutes, studyTime } from '../../src/content-model/study-time.ts';

describe('study time derivation', () => {
  it('reads at 180 words a minute, rounding to the nearest minute, at least 1', () => {
    expect(readingWordsPerMinute).toBe(180);
    expect(studyTime(0, 0).minutes).toBe(1);
    expect(studyTime(269, 0).minutes).toBe(1);
    expect(studyTime(270, 0).minutes).toBe(2);
    expect(studyTime(1800, 0)).toEqual({ words: 1800, readingMinutes: 10, activityMinutes: 0, minutes: 10 });
  });

  it('adds the minutes each activity states to the reading time', () => {
    expect(studyTime(900, 20)).toEqual({ words: 900, readingMinutes: 5, activityMinutes: 20, minutes: 25 });
  });

  it('counts prose, objectives and takeaways, not MDX tags or Markdown markup', () => {
    const body = '## A heading\n\n<Callout type="tip" title="not counted">\nFour words inside here.\n</Callout>\n\n| a | b |\n|---|---|\n';
    // "A heading" (2) + "Four words inside here." (4) + table cells a, b (2) + objective (2) + takeaway (1)
    expect(lessonWords({ objectives: ['Read it.'], takeaways: ['Done.'] }, body)).toBe(11);
  });

  it('takes a stated time, else a video duration rounded up, else nothing', () => {
    expect(statedMinutes({ name: 'Reflection', props: { id: 'r', minutes: 15 } })).toBe(15);
    expect(statedMinutes({ name: 'Video', props: { duration: '4:01' } })).toBe(5);
    expect(statedMinutes({ name: 'Video', props: { duration: 3600, minutes: 20 } })).toBe(20);
    expect(statedMinutes({ name: 'CaseStudy', props: { country: 'Estonia' } })).toBeUndefined();
  });

  it('sums only timed activities: a case study is read, so its words are reading time', () => {
    const uses = [
      { name: 'Reflection', props: { id: 'r', minutes: 20 } },
      { name: 'Video', props: { minutes: 15 } },
      { name: 'CaseStudy', props: { minutes: 99 } },
      { name: 'Callout', props: {} },
    ];
    expect(activityMinutes(uses)).toBe(35);
  });

  it('prints module rows and the course total', () => {
    const time = studyTime(1800, 15);
    const table = formatStudyTime([{ folder: '01-alpha', minutes: 35, quiz: { minutes: 10 }, lessons: [{ studyTime: time }] }]);
    expect(table).toContain('180 words a minute');
    expect(table).toMatch(/01-alpha\s+1800\s+10\s+15\s+10\s+35/);
    expect(table).toContain('Course: 35 minutes (0.6 hours).');
  });
});
