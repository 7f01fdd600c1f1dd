/**
 * Astro integration that validates the whole course before Astro loads a
 * single collection, so a broken lesson stops `astro build` (and `astro dev`
 * start-up) with the author-facing report instead of a stack trace.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { ContentError, formatIssue } from './author-errors.ts';
import { checkContent } from './check-content.ts';

export function courseContentCheck(): AstroIntegration {
  return {
    name: 'course-content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const result = checkContent(fileURLToPath(config.root));
        for (const warning of result.issues.filter((issue) => issue.severity === 'warning')) {
          logger.warn(formatIssue(warning));
        }
        if (result.errorCount > 0) {
          // An AstroError (user error) prints as a plain message and hint, without a
          // stack trace that would point authors at this file.
          const report = new ContentError(result.issues);
          throw new AstroError(report.message, 'Fix the files listed above, then build again. `npm run check` runs these checks alone, faster.');
        }
      },
    },
  };
}
