/**
 * A compact file format for a lunr index, because lunr's own JSON is mostly
 * repetition: every term lists `{"ref": {}}` objects, every vector holds
 * absolute term numbers and long decimals. Here references and term numbers
 * are delta-encoded and scores kept in half units (they only rank results),
 * which more than halves the gzipped size; `unpackIndex` rebuilds lunr's
 * JSON in the browser.
 */
import { lunr } from './pipeline.ts';
import type { SearchDocument } from './types.ts';

type LunrJson = {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
};

export interface PackedIndex {
  format: 'course-search/1';
  lang: string;
  lunrVersion: string;
  fields: string[];
  pipeline: string[];
  /** Sorted terms; for each, per field, the delta-encoded numeric refs that contain it. */
  terms: [string, ...number[][]][];
  /** Per field, per ref: delta-encoded [term number, score × 2] pairs. */
  vectors: Record<string, number[][]>;
  /** Lessons: [root-relative path, lesson title, module title]. */
  lessons: [string, string, string][];
  /** Documents by ref: [lesson position, heading anchor, heading, excerpt]. */
  documents: [number, string, string, string][];
}

/** Scores are stored as whole multiples of 1/scoreScale (never 0: a 0 would drop the term). */
const scoreScale = 2;

function deltas(values: number[]): number[] {
  return values.map((value, index) => value - (index > 0 ? values[index - 1]! : 0));
}

function undelta(values: number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}

export function packIndex(lang: string, index: lunr.Index, documents: SearchDocument[]): PackedIndex {
  const json = index.toJSON() as unknown as LunrJson;
  const lessons: [string, string, string][] = [];
  const lessonPosition = new Map<string, number>();
  const packedDocuments = documents.map((document): [number, string, string, string] => {
    const [path = '', anchor = ''] = document.ref.split('#');
    if (!lessonPosition.has(path)) {
      lessonPosition.set(path, lessons.length);
      lessons.push([path, document.lessonTitle, document.moduleTitle]);
    }
    return [lessonPosition.get(path)!, anchor, document.heading, document.excerpt];
  });

  // lunr numbers terms in the order it met them; here a term's number is its
  // position in the sorted term list, so vectors are renumbered (and re-sorted:
  // lunr's vector maths expects ascending term numbers).
  const position = new Map(json.invertedIndex.map(([, postings], sortedPosition) => [postings._index as number, sortedPosition]));
  const vectors: Record<string, number[][]> = Object.fromEntries(json.fields.map((field) => [field, []]));
  for (const [fieldRef, elements] of json.fieldVectors) {
    const [field, ref] = fieldRef.split('/') as [string, string];
    const pairs: [number, number][] = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([position.get(elements[i]!)!, elements[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    const termNumbers = deltas(pairs.map(([term]) => term));
    vectors[field]![Number(ref)] = termNumbers.flatMap((term, i) => [term, Math.max(1, Math.round(pairs[i]![1] * scoreScale))]);
  }

  const terms = json.invertedIndex.map(([term, postings]): [string, ...number[][]] => [
    term,
    ...json.fields.map((field) => deltas(Object.keys(postings[field] as object).map(Number).sort((a, b) => a - b))),
  ]);

  return { format: 'course-search/1', lang, lunrVersion: json.version, fields: json.fields, pipeline: json.pipeline, terms, vectors, lessons, documents: packedDocuments };
}

export function unpackIndex(packed: PackedIndex): { index: lunr.Index; documents: SearchDocument[] } {
  const invertedIndex = packed.terms.map(([term, ...refsByField], termNumber) => {
    const postings: Record<string, unknown> = { _index: termNumber };
    packed.fields.forEach((field, i) => {
      postings[field] = Object.fromEntries(undelta(refsByField[i] ?? []).map((ref) => [String(ref), {}]));
    });
    return [term, postings];
  });
  const fieldVectors: [string, number[]][] = [];
  for (const field of packed.fields) {
    packed.vectors[field]!.forEach((encoded, ref) => {
      const termNumbers = undelta(encoded.filter((_, i) => i % 2 === 0));
      const scores = encoded.filter((_, i) => i % 2 === 1);
      fieldVectors.push([`${field}/${ref}`, termNumbers.flatMap((term, i) => [term, scores[i]! / scoreScale])]);
    });
  }
  const index = lunr.Index.load({ version: packed.lunrVersion, fields: packed.fields, fieldVectors, invertedIndex, pipeline: packed.pipeline });
  const documents = packed.documents.map(([lesson, anchor, heading, excerpt]) => {
    const [path, lessonTitle, moduleTitle] = packed.lessons[lesson]!;
    return { ref: anchor ? `${path}#${anchor}` : path, lessonTitle, moduleTitle, heading, excerpt };
  });
  return { index, documents };
}
