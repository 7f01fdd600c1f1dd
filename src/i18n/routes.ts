/**
 * Every URL the site produces, in one place. Links are relative to the page
 * they appear on, so the same HTML works at the site root, under a sub-path
 * and inside an exported SCORM package.
 *
 * Two link styles: the public site uses folder URLs (`../lesson/`), which
 * every web server maps to `index.html`. Builds served without that mapping
 * name the file (`../lesson/index.html`): SCORM packages (Moodle's file
 * server answers a folder URL with 404) and the offline folder (file:// has
 * no index files). The build sets the style for server and browser code alike.
 */
import type { Lang } from '../content-model/languages.ts';

export type LinkStyle = 'folder' | 'file';

// Replaced at build time by astro.config.mjs (`vite.define`); absent in plain Node.
declare const __COURSE_LINK_STYLE__: LinkStyle | undefined;
export const linkStyle: LinkStyle = typeof __COURSE_LINK_STYLE__ === 'string' ? __COURSE_LINK_STYLE__ : 'folder';

/** Root-relative paths (no leading slash), always ending with `/`. */
export const paths = {
  chooser: () => '',
  home: (lang: Lang) => `${lang}/`,
  about: (lang: Lang) => `${lang}/about/`,
  search: (lang: Lang) => `${lang}/search/`,
  progress: (lang: Lang) => `${lang}/progress/`,
  certificate: (lang: Lang) => `${lang}/certificate/`,
  trainers: (lang: Lang) => `${lang}/trainers/`,
  /** Exported packages, written next to the site by `npm run build`. */
  downloads: () => 'downloads/',
  searchIndex: (lang: Lang) => `${lang}/search-index.json`,
  module: (lang: Lang, moduleId: string) => `${lang}/${moduleId}/`,
  lesson: (lang: Lang, moduleId: string, lessonId: string) => `${lang}/${moduleId}/${lessonId}/`,
  check: (lang: Lang, moduleId: string) => `${lang}/${moduleId}/knowledge-check/`,
  /** A module's SCO launch page (packages only). */
  launch: (lang: Lang, moduleId: string) => `${lang}/${moduleId}/launch/`,
};

/** The same page in another language: only the first segment changes. */
export function translatePath(path: string, lang: Lang): string {
  return path.replace(/^[a-z]{2}\//, `${lang}/`);
}

/**
 * A link from the page at `fromPath` (a root-relative directory path as
 * produced by `paths`) to `toPath`: another page (ending in `/`) or a file
 * such as `favicon.svg`. `toPath` may carry a `#fragment`. In the `file`
 * style a page link names its `index.html`.
 */
export function relativeHref(fromPath: string, toPath: string, style: LinkStyle = linkStyle): string {
  const [target = '', fragment] = toPath.split('#');
  const from = fromPath.split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  const isDirectory = target === '' || target.endsWith('/');
  // A file's own name is never shared with the page's directory path.
  const comparable = isDirectory ? to : to.slice(0, -1);
  let common = 0;
  while (common < from.length && common < comparable.length && from[common] === comparable[common]) common += 1;
  const rest = to.slice(common).join('/');
  const href = '../'.repeat(from.length - common) + (rest && isDirectory ? `${rest}/` : rest);
  const base = isDirectory && style === 'file' ? `${href}index.html` : href === '' ? './' : href;
  return fragment ? `${base}#${fragment}` : base;
}

/** Root-relative path of the current page, from Astro's `url.pathname`. */
export function pagePath(pathname: string): string {
  const trimmed = pathname.replace(/^\/+/, '').replace(/index\.html$/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}
