/** What the search page loads on the first query: lunr, the pipeline and the index. */
import { unpackIndex, type PackedIndex } from './index-format.ts';

export { runSearch, highlight } from './query.ts';

export async function loadIndex(href: string) {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  return unpackIndex((await response.json()) as PackedIndex);
}
