/**
 * The search page in the browser. lunr and the index load on the first
 * query (dynamic import + fetch of a relative URL, so search also works
 * under a sub-path or inside a package). Everything is rendered with text
 * nodes: a query such as `<img onerror=...>` stays text.
 */
import type { Lang } from '../content-model/languages.ts';
import { fill } from '../i18n/fill.ts';
import { relativeHref } from '../i18n/routes.ts';
import type { SearchResult, TextPart } from './query.ts';

type Engine = typeof import('./engine.ts');
type Strings = Record<string, string>;

function plural(strings: Strings, key: string, count: number, lang: Lang): string {
  const form = new Intl.PluralRules(lang).select(count);
  return strings[`${key}_${form}`] ?? strings[`${key}_other`] ?? '';
}

function highlighted(parts: TextPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    if (part.match) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(part.text));
    }
  }
  return fragment;
}

export function startSearchPage(root: Document): void {
  const container = root.querySelector<HTMLElement>('[data-search-results]');
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  if (!container || !form || !input) return;
  const lang = container.dataset.lang as Lang;
  const pagePath = container.dataset.pagePath!;
  const strings = JSON.parse(container.dataset.strings!) as Strings;
  const status = container.querySelector<HTMLElement>('[data-search-status]')!;
  const list = container.querySelector<HTMLOListElement>('[data-search-list]')!;
  let engine: Promise<{ engine: Engine; loaded: Awaited<ReturnType<Engine['loadIndex']>> }> | undefined;

  const load = () =>
    (engine ??= import('./engine.ts').then(async (module) => ({ engine: module, loaded: await module.loadIndex(container.dataset.indexHref!) })));

  const render = (query: string, results: SearchResult[]) => {
    list.replaceChildren();
    if (results.length === 0) {
      status.textContent = fill(strings['search.noResults']!, { query });
      const browse = document.createElement('a');
      browse.href = container.dataset.homeHref!;
      browse.textContent = strings['search.browse']!;
      status.append(' ', browse);
      return;
    }
    status.textContent = fill(plural(strings, 'search.resultCount', results.length, lang), { count: results.length, query });
    for (const result of results) {
      const { document: doc } = result;
      const item = document.createElement('li');
      item.className = 'search-result';
      const link = document.createElement('a');
      link.href = relativeHref(pagePath, doc.ref);
      link.className = 'search-result-title';
      link.append(highlighted(engineHighlight(doc.heading, result)));
      const where = document.createElement('p');
      where.className = 'meta';
      where.textContent = fill(strings['search.inModule']!, { lesson: doc.lessonTitle, module: doc.moduleTitle });
      const snippet = document.createElement('p');
      snippet.className = 'search-snippet';
      snippet.append(highlighted(engineHighlight(doc.excerpt, result)));
      item.append(link, where, snippet);
      list.append(item);
    }
  };

  let highlightWith: Engine['highlight'] | undefined;
  const engineHighlight = (text: string, result: SearchResult) => highlightWith!(text, result.terms, lang);

  let latest = 0;
  const search = async (query: string) => {
    const ticket = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = strings['search.empty']!;
      return;
    }
    if (!highlightWith) status.textContent = strings['search.loading']!;
    try {
      const { engine: module, loaded } = await load();
      highlightWith = module.highlight;
      if (ticket !== latest) return; // a newer query is on its way
      render(query, module.runSearch(loaded.index, loaded.documents, query));
    } catch {
      engine = undefined; // allow a retry
      list.replaceChildren();
      status.textContent = strings['search.failed']!;
    }
  };

  const fromUrl = new URLSearchParams(location.search).get('q') ?? '';
  input.value = fromUrl;
  if (fromUrl) void search(fromUrl);

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      void search(input.value);
    }, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value);
  });
}
