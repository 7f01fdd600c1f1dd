/**
 * One lunr set-up for building the index (Node) and querying it (browser):
 * the same pipeline on both sides is what makes a query match.
 *
 * - English: lunr's trimmer, stop words and Porter stemmer.
 * - Spanish: lunr-languages' trimmer, stop words and Snowball stemmer.
 * - Both: accents are folded after stemming ("migración" and "migracion"
 *   meet), and, for Spanish, a query typed without its suffix accent is
 *   given it back first ("integracion" stems like "integración").
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import spanish from 'lunr-languages/lunr.es.js';
import type { Lang } from '../content-model/languages.ts';

stemmerSupport(lunr);
spanish(lunr);

// Split words on punctuation too, not only spaces and hyphens, so that
// "Estonia's" or "(Ukraine)" index as the words a learner types.
lunr.tokenizer.separator = /[\s\-–—'’.,;:!?()[\]{}"“”«»¿¡/]+/;

type Lunr = typeof lunr & { es: lunr.Builder.Plugin & Record<'trimmer' | 'stopWordFilter' | 'stemmer', lunr.PipelineFunction> };
const lunrEs = lunr as Lunr;

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Spanish suffixes that always carry a written accent, restored before stemming. */
const accentedSuffixes: [RegExp, string][] = [
  [/cion$/, 'ción'],
  [/sion$/, 'sión'],
  [/xion$/, 'xión'],
  [/logia(s?)$/, 'logía$1'],
];

export function restoreSpanishSuffixAccent(word: string): string {
  for (const [pattern, replacement] of accentedSuffixes) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

const fold: lunr.PipelineFunction = (token) => token.update((text) => foldAccents(text));
const reaccent: lunr.PipelineFunction = (token) => token.update((text) => restoreSpanishSuffixAccent(text));

lunr.Pipeline.registerFunction(fold, 'fold-accents');
lunr.Pipeline.registerFunction(reaccent, 'reaccent-es');

/** Sets the builder's pipelines for a language (plugin for `lunr(function () { ... })`). */
export function languagePlugin(lang: Lang): lunr.Builder.Plugin {
  return function (this: lunr.Builder) {
    if (lang === 'es') {
      this.pipeline.reset();
      this.pipeline.add(lunrEs.es.trimmer, lunrEs.es.stopWordFilter, reaccent, lunrEs.es.stemmer, fold);
      this.searchPipeline.reset();
      this.searchPipeline.add(lunrEs.es.trimmer, reaccent, lunrEs.es.stemmer, fold);
    } else {
      this.pipeline.reset();
      this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer, fold);
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.stemmer, fold);
    }
  };
}

const searchPipelines = new Map<Lang, lunr.Pipeline>();

/** A word as the index's search pipeline turns it into a term (undefined for a stop word). */
export function normaliseWord(word: string, lang: Lang): string | undefined {
  let pipeline = searchPipelines.get(lang);
  if (!pipeline) {
    const builder = new lunr.Builder();
    languagePlugin(lang).call(builder, builder);
    pipeline = builder.searchPipeline;
    searchPipelines.set(lang, pipeline);
  }
  const [token] = pipeline.run([new lunr.Token(word.toLowerCase(), {})]);
  return token?.toString() || undefined;
}

export { lunr };
