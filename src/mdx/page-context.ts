/**
 * What an MDX component needs to know about the page it is rendered on: the
 * language (from the first URL segment) and the page path for relative links.
 */
import { isLang, referenceLang, type Lang } from '../content-model/languages.ts';
import { pagePath } from '../i18n/routes.ts';

export function pageContext(url: URL): { lang: Lang; path: string } {
  const path = pagePath(url.pathname);
  const first = path.split('/')[0];
  return { lang: isLang(first) ? first : referenceLang, path };
}
