/**
 * Zod schemas for every kind of content file, one per concern. They check the
 * shape of a single file; rules that span files (ids unique, languages in
 * parity) live in `cross-checks.ts`.
 *
 * Field messages are written for authors: `author-errors.ts` adds the fix.
 */
import { z } from 'zod';
import { languages } from './languages.ts';

/** Stable ids key learner progress and SCORM identifiers: keep them boring. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

const text = z.string().trim().min(1, 'must not be empty');
const minutes = z.number().int('must be a whole number').min(1).max(240);

export const readingItemSchema = z.strictObject({
  title: text,
  publisher: text,
  /** Only where the document states it: never guessed. */
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  note: text.optional(),
});

const courseTextSchema = z.strictObject({
  title: text,
  description: text,
  audience: text,
});

/** A source document the lessons draw on, credited on the about page. */
const sourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  /** Only where the document states it. */
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  about: z.record(z.enum(languages), text),
});

const recordingSchema = z.strictObject({
  provider: z.enum(['youtube', 'vimeo']),
  id: z.string().min(1),
  title: text,
});

export const courseSchema = z.strictObject({
  id: idSchema,
  /** Percentage of knowledge-check points needed to pass a module. */
  passMark: z.number().int().min(1).max(100),
  /** Module ids in the order learners take them. */
  modules: z.array(idSchema).min(1),
  /** Every language must be present (a record over an enum is exhaustive). */
  text: z.record(z.enum(languages), courseTextSchema),
  sources: z.array(sourceSchema).default([]),
  /** The real recordings lessons may embed; any other video id is refused. */
  recordings: z.array(recordingSchema).default([]),
});

/** Route segments the site uses itself: content ids must not take them. */
const notReserved = (reserved: string[]) => (id: string) => !reserved.includes(id);

export const moduleSchema = z.strictObject({
  id: idSchema.refine(notReserved(['about', 'certificate', 'progress', 'search', 'trainers']), 'is reserved for a page of the site'),
  title: text,
  summary: text,
  objectives: z.array(text).min(1).max(6),
  reading: z.array(readingItemSchema).max(12).default([]),
});

export const lessonSchema = z.strictObject({
  id: idSchema.refine(notReserved(['knowledge-check']), 'is reserved for the module knowledge check page'),
  title: text,
  order: z.number().int().min(1),
  // No `minutes`: a lesson's time is derived from its words and activities
  // (study-time.ts), so a hand-set figure cannot drift or be set to a target.
  objectives: z.array(text).min(1).max(6),
  takeaways: z.array(text).min(1).max(8),
});

const optionSchema = z.strictObject({
  id: idSchema,
  text,
  correct: z.boolean().default(false),
  feedback: text,
});

export const questionTypes = ['single', 'multiple', 'true-false'] as const;

const questionSchema = z
  .strictObject({
    id: idSchema,
    type: z.enum(questionTypes),
    prompt: text,
    options: z.array(optionSchema).min(2).max(6),
  })
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    const optionIds = question.options.map((option) => option.id);
    if (new Set(optionIds).size !== optionIds.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique within a question' });
    }
    if (question.type === 'true-false') {
      if (optionIds.length !== 2 || !optionIds.includes('true') || !optionIds.includes('false')) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a true-false question has exactly two options, with ids `true` and `false`' });
      }
    }
    if (question.type !== 'multiple' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${question.type} question needs exactly one correct option, found ${correct}` });
    }
    if (question.type === 'multiple' && correct < 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple question needs at least one correct option' });
    }
  });

export const quizSchema = z
  .strictObject({
    id: idSchema,
    title: text,
    minutes,
    questions: z.array(questionSchema).min(1).max(20),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `question id \`${question.id}\` is used twice in this quiz` });
      }
      seen.add(question.id);
    });
  });

export type CourseData = z.infer<typeof courseSchema>;
export type ModuleData = z.infer<typeof moduleSchema>;
export type LessonData = z.infer<typeof lessonSchema>;
export type QuizData = z.infer<typeof quizSchema>;
export type QuestionData = QuizData['questions'][number];
export type OptionData = QuestionData['options'][number];
export type ReadingItem = z.infer<typeof readingItemSchema>;
