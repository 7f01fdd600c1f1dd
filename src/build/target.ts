/**
 * Which edition a build makes: the open website, or the pages that go inside
 * SCORM packages (`COURSE_TARGET=package`, set by the export). Package pages
 * link only within their module and have no site navigation, search or
 * language switch, because the rest of the site is not in the package.
 * Server-side only; browser code gets what it needs through `vite.define`
 * (see astro.config.mjs and `linkStyle` in src/i18n/routes.ts).
 */
export type BuildTarget = 'site' | 'package';

export function buildTargetOf(value: string | undefined): BuildTarget {
  return value === 'package' ? 'package' : 'site';
}

export const buildTarget = buildTargetOf(process.env.COURSE_TARGET);
export const isPackageBuild = buildTarget === 'package';

/** Packages are served without folder-to-index.html mapping: their links name files. */
export function linkStyleOf(target: BuildTarget): 'folder' | 'file' {
  return target === 'package' ? 'file' : 'folder';
}

/**
 * Attributes of a link to another site. Inside a SCO frame such a link must
 * not replace the course in the LMS's frame, so it opens a new window.
 */
export const outsideLink: { rel: string; target?: '_blank' } = isPackageBuild ? { rel: 'noopener noreferrer', target: '_blank' } : { rel: 'noopener noreferrer' };
