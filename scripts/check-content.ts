/**
 * `npm run check`: validates the course content without building the site
 * and prints the translation status. Exits 1 when there is any error.
 */
import { formatIssue } from '../src/content-model/author-errors.ts';
import { checkContent } from '../src/content-model/check-content.ts';
import { formatStudyTime } from '../src/content-model/study-time.ts';
import { formatTranslationStatus, translationStatus } from '../src/content-model/translation-report.ts';

const root = new URL('..', import.meta.url).pathname;
const result = checkContent(root);

for (const issue of result.issues) console.log(`${formatIssue(issue)}\n`);
console.log(formatTranslationStatus(translationStatus(result.entries, result.issues)));
const reference = result.courses.en;
if (reference) console.log(`\n${formatStudyTime(reference.modules)}`);

const warnings = result.issues.length - result.errorCount;
console.log(`\n${result.errorCount} error(s), ${warnings} warning(s).`);
process.exitCode = result.errorCount > 0 ? 1 : 0;
