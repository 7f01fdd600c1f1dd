/**
 * Astro collections over `content/`. The schemas are the content model's;
 * the whole-course checks already ran (src/content-model/integration.ts)
 * before these loaders start.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema, moduleSchema, quizSchema } from './content-model/schemas.ts';

/** Entry id = path without extension, e.g. `en/01-integration-concepts/02-two-way-process`. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|yaml)$/, '');

export const collections = {
  modules: defineCollection({
    loader: glob({ pattern: '*/*/module.mdx', base: './content', generateId: pathId }),
    schema: moduleSchema,
  }),
  lessons: defineCollection({
    loader: glob({ pattern: '*/*/[0-9][0-9]-*.mdx', base: './content', generateId: pathId }),
    schema: lessonSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ pattern: '*/*/quiz.yaml', base: './content', generateId: pathId }),
    schema: quizSchema,
  }),
};
