/**
 * Rules that span languages: a translation has the same modules, lessons,
 * quizzes, ids and answer keys as the reference edition, because learner
 * progress and SCORM interactions are keyed by those ids.
 */
import type { ContentIssue } from './author-errors.ts';
import { answerKey, type Course, type Module, type Quiz } from './course-model.ts';
import { languages, referenceLang, type Lang } from './languages.ts';

export function checkParity(courses: Partial<Record<Lang, Course>>, invalidFiles: Set<string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const reference = courses[referenceLang];
  if (!reference) return issues;
  for (const lang of languages) {
    const translation = courses[lang];
    if (lang === referenceLang || !translation) continue;
    for (const module of reference.modules) {
      const other = translation.modules.find((candidate) => candidate.id === module.id);
      const expected = `content/${lang}/${module.folder}/module.mdx`;
      if (!other) {
        if (!invalidFiles.has(expected)) issues.push(missing(expected, `module \`${module.id}\``, module.file));
        continue;
      }
      if (other.folder !== module.folder) {
        issues.push({
          file: other.file,
          field: '(folder)',
          problem: `the folder is \`${other.folder}\` but in ${referenceLang} it is \`${module.folder}\``,
          fix: `Rename the folder to \`${module.folder}\`: every language uses the same file names.`,
          severity: 'error',
        });
      }
      issues.push(...compareLessons(module, other, lang, invalidFiles));
      issues.push(...compareQuizzes(module, other, lang, invalidFiles));
    }
    for (const module of translation.modules) {
      const referenceFile = module.file.replace(`content/${lang}/`, `content/${referenceLang}/`);
      if (!reference.modules.some((candidate) => candidate.id === module.id) && !invalidFiles.has(referenceFile)) {
        issues.push(extra(module.file, `module \`${module.id}\``));
      }
    }
  }
  return issues;
}

function compareLessons(reference: Module, translation: Module, lang: Lang, invalidFiles: Set<string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const lesson of reference.lessons) {
    const other = translation.lessons.find((candidate) => candidate.id === lesson.id);
    const expected = lesson.file.replace(`content/${referenceLang}/`, `content/${lang}/`);
    if (!other) {
      if (!invalidFiles.has(expected)) issues.push(missing(expected, `lesson \`${lesson.id}\``, lesson.file));
      continue;
    }
    if (other.file !== expected) {
      issues.push({
        file: other.file,
        field: '(file name)',
        problem: `lesson \`${lesson.id}\` is in a file named differently from ${lesson.file}`,
        fix: `Rename it to ${expected}: every language uses the same file names.`,
        severity: 'error',
      });
    }
    for (const field of ['order'] as const) {
      if (other[field] !== lesson[field]) {
        issues.push({
          file: other.file,
          field: `frontmatter.${field}`,
          problem: `is ${other[field]} but ${lesson[field]} in ${lesson.file}`,
          fix: `Use the same \`${field}\` in every language: \`${field}: ${lesson[field]}\`.`,
          severity: 'error',
        });
      }
    }
  }
  for (const lesson of translation.lessons) {
    const referenceFile = lesson.file.replace(`content/${lang}/`, `content/${referenceLang}/`);
    if (!reference.lessons.some((candidate) => candidate.id === lesson.id) && !invalidFiles.has(referenceFile)) {
      issues.push(extra(lesson.file, `lesson \`${lesson.id}\``));
    }
  }
  return issues;
}

function compareQuizzes(reference: Module, translation: Module, lang: Lang, invalidFiles: Set<string>): ContentIssue[] {
  const expected = `content/${lang}/${reference.folder}/quiz.yaml`;
  if (!reference.quiz) {
    const referenceFile = `content/${referenceLang}/${reference.folder}/quiz.yaml`;
    return translation.quiz && !invalidFiles.has(referenceFile) ? [extra(translation.quiz.file, 'knowledge check')] : [];
  }
  if (!translation.quiz) {
    return invalidFiles.has(expected) ? [] : [missing(expected, 'knowledge check', reference.quiz.file)];
  }
  return compareQuizContent(reference.quiz, translation.quiz);
}

/** Same quiz id, question ids and order, types, option ids and answer keys. */
function compareQuizContent(reference: Quiz, translation: Quiz): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const file = translation.file;
  const mismatch = (field: string, problem: string, fix: string) =>
    issues.push({ file, field, problem, fix, severity: 'error' });

  if (reference.id !== translation.id) {
    mismatch('id', `is \`${translation.id}\` but \`${reference.id}\` in ${reference.file}`, `Use \`id: ${reference.id}\`: quiz ids are never translated.`);
  }
  const referenceIds = reference.questions.map((question) => question.id);
  const translationIds = translation.questions.map((question) => question.id);
  if (referenceIds.join() !== translationIds.join()) {
    mismatch(
      'questions',
      `question ids are [${translationIds.join(', ')}] but [${referenceIds.join(', ')}] in ${reference.file}`,
      'Translate the questions without adding, removing, renaming or reordering them.',
    );
    return issues;
  }
  reference.questions.forEach((question, index) => {
    const other = translation.questions[index]!;
    const at = `questions.${index}`;
    if (other.type !== question.type) {
      mismatch(`${at}.type`, `is \`${other.type}\` but \`${question.type}\` in ${reference.file}`, `Use \`type: ${question.type}\`.`);
    }
    const optionIds = question.options.map((option) => option.id).join(', ');
    const otherOptionIds = other.options.map((option) => option.id).join(', ');
    if (optionIds !== otherOptionIds) {
      mismatch(`${at}.options`, `option ids are [${otherOptionIds}] but [${optionIds}] in ${reference.file}`, 'Keep the same option ids, in the same order, in every language.');
      return;
    }
    const key = answerKey(question).join(', ');
    const otherKey = answerKey(other).join(', ');
    if (key !== otherKey) {
      mismatch(
        `${at}.options`,
        `answer key of question \`${question.id}\` is [${otherKey}] but [${key}] in ${reference.file}`,
        `Mark exactly [${key}] with \`correct: true\`: the answer key must be the same in every language.`,
      );
    }
  });
  return issues;
}

function missing(expectedFile: string, what: string, referenceFile: string): ContentIssue {
  return {
    file: expectedFile,
    field: '(file)',
    problem: `is missing: ${what} exists in ${referenceFile} but has no translation`,
    fix: `Create ${expectedFile} with the same ids as ${referenceFile}, translating only the text.`,
    severity: 'error',
  };
}

function extra(file: string, what: string): ContentIssue {
  return {
    file,
    field: '(file)',
    problem: `${what} exists only in this language`,
    fix: `Add it to content/${referenceLang}/ first (the reference edition), or remove it here.`,
    severity: 'error',
  };
}
