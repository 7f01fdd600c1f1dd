/**
 * Running a learner's query safely: the text is split into words here and
 * passed to lunr's query builder term by term, so lunr's query syntax
 * (`:` `+` `-` `*` `~` `^`) never reaches its parser and cannot throw.
 */
import type { Lang } from '../content-model/languages.ts';
import { lunr, normaliseWord } from './pipeline.ts';
import type { SearchDocument } from './types.ts';

const maxWords = 12;
/** Words this long or longer also match with one typo. */
const fuzzyFrom = 5;

/** The words of a query: letters and digits only, lower-cased. */
export function queryWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords);
}

export interface SearchResult {
  document: SearchDocument;
  score: number;
  /** Index terms the document matched, for highlighting. */
  terms: Set<string>;
}

export function runSearch(index: lunr.Index, documents: SearchDocument[], query: string, limit = 20): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const results = index.query((builder) => {
    words.forEach((word, position) => {
      builder.term(word, { boost: 10 });
      if (word.length >= fuzzyFrom) builder.term(word, { editDistance: 1, boost: 1 });
      // The last word may still be being typed: match it as a prefix too.
      if (position === words.length - 1 && word.length >= 3) {
        builder.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 2 });
      }
    });
  });
  return results.slice(0, limit).map((result) => ({
    document: documents[Number(result.ref)]!,
    score: result.score,
    terms: new Set(Object.keys(result.matchData.metadata)),
  }));
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits text into parts, marking words whose index term is one of `terms`. */
export function highlight(text: string, terms: Set<string>, lang: Lang): TextPart[] {
  const parts: TextPart[] = [];
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    if (!piece) continue;
    const term = /[\p{L}\p{N}]/u.test(piece) ? normaliseWord(piece, lang) : undefined;
    const match = term !== undefined && [...terms].some((matched) => matched === term || (term.length >= 3 && matched.startsWith(term)));
    const previous = parts.at(-1);
    if (previous && previous.match === match) previous.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
