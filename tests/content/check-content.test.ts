import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content-model/author-errors.ts';
import { formatTranslationStatus, translationStatus } from '../../src/content-model/translation-report.ts';
import { checkFixture, errors } from './fixture.ts';

const esLesson = 'content/es/01-alpha/02-second.mdx';
const enLesson = 'content/en/01-alpha/02-second.mdx';

describe('a valid course', () => {
  it('has no issues and builds one course per language with derived minutes', () => {
    const result = checkFixture();
    expect(result.issues).toEqual([]);
    expect(result.courses.en!.modules.map((module) => module.id)).toEqual(['alpha']);
    expect(result.courses.es!.title).toBe('Curso de prueba');
    // Two one-line lessons (1 minute of reading each, the minimum) + 5 of knowledge check
    expect(result.courses.en!.modules[0]!.lessons.map((lesson) => lesson.minutes)).toEqual([1, 1]);
    expect(result.courses.es!.modules[0]!.minutes).toBe(7);
    expect(result.courses.en!.minutes).toBe(7);
  });
});

describe('cross-language parity', () => {
  it('reports a Spanish lesson that is missing, naming the file to create', () => {
    const result = checkFixture((fixture) => fixture.remove(esLesson));
    expect(errors(result)).toHaveLength(1);
    const [issue] = errors(result);
    expect(issue!.file).toBe(esLesson);
    expect(issue!.field).toBe('(file)');
    expect(issue!.problem).toContain('lesson `alpha-second`');
    expect(issue!.fix).toContain(`Create ${esLesson}`);
  });

  it('reports an answer key that differs between languages', () => {
    const result = checkFixture((fixture) =>
      fixture.edit('content/es/01-alpha/quiz.yaml', (source) =>
        source
          .replace('{ id: a, text: A (es), feedback', '{ id: a, text: A (es), correct: true, feedback')
          .replace('{ id: b, text: B (es), correct: true,', '{ id: b, text: B (es),'),
      ),
    );
    const [issue] = errors(result);
    expect(errors(result)).toHaveLength(1);
    expect(issue!.file).toBe('content/es/01-alpha/quiz.yaml');
    expect(issue!.field).toBe('questions.0.options');
    expect(issue!.problem).toContain('answer key of question `q1` is [a] but [b]');
  });

  it('reports a renamed question id in a translation', () => {
    const result = checkFixture((fixture) =>
      fixture.edit('content/es/01-alpha/quiz.yaml', (source) => source.replace('- id: q2', '- id: q2-es')),
    );
    expect(errors(result).map((issue) => `${issue.file} ${issue.field}`)).toEqual(['content/es/01-alpha/quiz.yaml questions']);
  });

  it('gives a translation the minutes derived from the reference edition', () => {
    // 540 English words = 3 minutes; the Spanish text is twice as long but shows the same time.
    const result = checkFixture((fixture) => {
      fixture.edit(enLesson, (source) => `${source}\n${'word '.repeat(540)}\n`);
      fixture.edit(esLesson, (source) => `${source}\n${'palabra '.repeat(1080)}\n`);
    });
    expect(errors(result)).toEqual([]);
    expect(result.courses.en!.modules[0]!.lessons[1]!.minutes).toBe(3);
    expect(result.courses.es!.modules[0]!.lessons[1]!.minutes).toBe(3);
  });

  it('reports a reflection whose stated minutes differ from the reference edition', () => {
    const result = checkFixture((fixture) => {
      fixture.edit(enLesson, (source) => `${source}\n<Reflection id="r" minutes={10}>\n1. Q?\n</Reflection>\n`);
      fixture.edit(esLesson, (source) => `${source}\n<Reflection id="r" minutes={5}>\n1. ¿P?\n</Reflection>\n`);
    });
    const [issue] = errors(result);
    expect(issue).toMatchObject({ file: esLesson, field: 'body components' });
    expect(issue!.problem).toContain('Reflection(r, 10 min)');
  });

  it('reports a lesson that exists only in the translation', () => {
    const result = checkFixture((fixture) =>
      fixture.write('content/es/01-alpha/03-extra.mdx', '---\nid: alpha-extra\ntitle: Extra\norder: 3\nobjectives: [x]\ntakeaways: [y]\n---\nText.\n'),
    );
    const [issue] = errors(result);
    expect(issue).toMatchObject({ file: 'content/es/01-alpha/03-extra.mdx', field: '(file)' });
    expect(issue!.problem).toContain('exists only in this language');
  });
});

describe('ids', () => {
  it('reports a duplicate lesson id, naming both files', () => {
    const result = checkFixture((fixture) => {
      fixture.edit(enLesson, (source) => source.replace('id: alpha-second', 'id: alpha-first'));
      fixture.edit(esLesson, (source) => source.replace('id: alpha-second', 'id: alpha-first'));
    });
    const duplicates = errors(result).filter((issue) => issue.problem.includes('is also used by'));
    expect(duplicates.map((issue) => issue.file)).toEqual([enLesson, esLesson]);
    expect(duplicates[0]!.field).toBe('frontmatter.id');
    expect(duplicates[0]!.problem).toContain('content/en/01-alpha/01-first.mdx');
  });

  it('reports a module in the course order that does not exist', () => {
    const result = checkFixture((fixture) =>
      fixture.edit('content/course.yaml', (source) => source.replace('  - alpha', '  - alpha\n  - beta')),
    );
    expect(errors(result)).toHaveLength(1);
    expect(errors(result)[0]).toMatchObject({ file: 'content/course.yaml', field: 'modules.1' });
    expect(errors(result)[0]!.problem).toContain('`beta`');
  });

  it('warns (without failing) about a module that is not listed in the course order', () => {
    const result = checkFixture((fixture) => {
      for (const lang of ['en', 'es']) {
        fixture.write(`content/${lang}/02-beta/module.mdx`, '---\nid: beta\ntitle: Beta\nsummary: Draft.\nobjectives: [x]\n---\n');
        fixture.write(`content/${lang}/02-beta/01-only.mdx`, '---\nid: beta-only\ntitle: Only\norder: 1\nobjectives: [x]\ntakeaways: [y]\n---\n');
      }
    });
    expect(errors(result)).toEqual([]);
    const notListed = result.issues.filter((issue) => issue.problem.includes('not listed in content/course.yaml'));
    expect(notListed.map((issue) => issue.file)).toEqual(['content/en/02-beta/module.mdx', 'content/es/02-beta/module.mdx']);
    expect(result.courses.en!.modules.map((module) => module.id)).toEqual(['alpha']);
  });
});

describe('frontmatter and data types', () => {
  it('reports a wrong frontmatter type with the field and a fix', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace('order: 2', 'order: two')));
    const issue = errors(result).find((candidate) => candidate.file === enLesson);
    expect(issue).toMatchObject({ file: enLesson, field: 'frontmatter.order', problem: 'should be a number, but is "two"' });
    expect(issue!.fix).toContain('whole number');
  });

  it('refuses hand-set lesson minutes and says they are derived', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace('order: 2', 'order: 2\nminutes: 15')));
    const [issue] = errors(result);
    expect(errors(result)).toHaveLength(1);
    expect(issue).toMatchObject({ file: enLesson, field: 'frontmatter.minutes' });
    expect(issue!.problem).toContain('derived');
    expect(issue!.fix).toContain('Remove the `minutes:` line');
    expect(issue!.fix).toContain('180 a minute');
  });

  it('reports a missing required field', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace(/takeaways:\n {2}- Two \(en\)\.\n/, '')));
    expect(errors(result)[0]).toMatchObject({ file: enLesson, field: 'frontmatter.takeaways', problem: 'is missing' });
  });

  it('explains the "Text: more text" YAML trap and how to quote it', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace('  - Two (en).', '  - Two: a colon (en).')));
    expect(errors(result)[0]).toMatchObject({ file: enLesson, field: 'frontmatter.takeaways.0' });
    expect(errors(result)[0]!.problem).toContain('read as "key: value"');
    expect(errors(result)[0]!.fix).toContain('double quotes');
  });

  it('reports an unknown field (a typo) instead of ignoring it', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace('order: 2', 'order: 2\nordr: 2')));
    expect(errors(result)[0]!.problem).toContain('`ordr`');
  });

  it('reports YAML that does not parse, with the line', () => {
    const result = checkFixture((fixture) => fixture.edit(enLesson, (source) => source.replace('title: Second lesson (en)', 'title: Second: lesson: (en)')));
    expect(errors(result)[0]).toMatchObject({ file: enLesson, field: 'frontmatter' });
    expect(errors(result)[0]!.problem).toMatch(/not valid YAML \(line \d+\)/);
  });

  it('reports a true-false question without true and false options', () => {
    const result = checkFixture((fixture) =>
      fixture.edit('content/en/01-alpha/quiz.yaml', (source) => source.replace('{ id: "false", text: False (en)', '{ id: nope, text: False (en)')),
    );
    const issue = errors(result).find((candidate) => candidate.file === 'content/en/01-alpha/quiz.yaml');
    expect(issue).toMatchObject({ field: 'questions.1.options' });
    expect(issue!.problem).toContain('`true` and `false`');
  });

  it('reports a single-choice question with two correct options', () => {
    const result = checkFixture((fixture) =>
      fixture.edit('content/en/01-alpha/quiz.yaml', (source) => source.replace('{ id: a, text: A (en), feedback', '{ id: a, text: A (en), correct: true, feedback')),
    );
    expect(errors(result).some((issue) => issue.field === 'questions.0.options' && issue.problem.includes('exactly one correct option, found 2'))).toBe(true);
  });

  it('reports a lesson without frontmatter', () => {
    const result = checkFixture((fixture) => fixture.write(enLesson, 'Just text.\n'));
    expect(errors(result)[0]).toMatchObject({ file: enLesson, field: 'frontmatter' });
  });
});

describe('the error an author sees', () => {
  it('lists every problem with file, field, problem and fix', () => {
    const result = checkFixture((fixture) => {
      fixture.edit(enLesson, (source) => source.replace('order: 2', 'order: two'));
      fixture.remove('content/es/01-alpha/01-first.mdx');
    });
    const message = new ContentError(result.issues).message;
    expect(message).toContain('2 problems');
    expect(message).toContain(`error: ${enLesson}\n  field:   frontmatter.order`);
    expect(message).toContain('error: content/es/01-alpha/01-first.mdx');
    expect(message).toMatch(/fix: {5}Create content\/es\/01-alpha\/01-first\.mdx/);
  });
});

describe('translation status', () => {
  it('shows a complete module as complete', () => {
    const result = checkFixture();
    const [status] = translationStatus(result.entries, result.issues);
    expect(status).toMatchObject({ folder: '01-alpha', complete: true, missing: [] });
    expect(formatTranslationStatus([status!])).toContain('1 of 1 module(s) complete');
  });

  it('lists what exists in one language only', () => {
    const result = checkFixture((fixture) => fixture.remove('content/es/01-alpha/quiz.yaml'));
    const [status] = translationStatus(result.entries, result.issues);
    expect(status!.complete).toBe(false);
    expect(status!.missing).toEqual(['es: quiz']);
    expect(formatTranslationStatus([status!])).toContain('missing es: quiz');
  });
});
