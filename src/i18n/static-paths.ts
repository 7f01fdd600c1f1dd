/** `getStaticPaths` for pages that exist once per language. */
import { languages } from '../content-model/languages.ts';

export function languageStaticPaths() {
  return languages.map((lang) => ({ params: { lang } }));
}
