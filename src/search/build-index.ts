/**
 * Builds each language's search index from the built pages (Node only), so
 * that what is searched is exactly what learners read, and every result
 * links to a heading that exists. One document per lesson section.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import type { Lang } from '../content-model/languages.ts';
import { languagePlugin, lunr } from './pipeline.ts';
import { packIndex, type PackedIndex } from './index-format.ts';
import type { SearchDocument } from './types.ts';

export interface Section extends SearchDocument {
  body: string;
}

/** Parts of a lesson page that are controls or chrome, not lesson text. */
const notLessonText = ['.video-facade', '.video-watch-link', '[data-reflection-notes]', 'script', 'style', 'noscript'];

const excerptLength = 110;

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerptOf(text: string): string {
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/**
 * Sections of one lesson page: the text under each h2 of the lesson body
 * (h3 sub-sections stay in their h2: finer documents would double the index
 * for little gain in where a result lands).
 */
export function lessonSections(html: string, path: string): Section[] {
  const root = parse(html);
  const article = root.querySelector('article.lesson[data-lesson-id]');
  const prose = article?.querySelector('.prose');
  if (!article || !prose) return [];
  for (const selector of notLessonText) prose.querySelectorAll(selector).forEach((node) => node.remove());

  const lessonTitle = clean(article.querySelector('h1')?.text ?? '');
  const moduleTitle = clean(root.querySelector('.module-contents .contents-title a')?.text ?? '').replace(/^[^:]*:\s*/, '');
  const sections: Section[] = [];
  let current = { anchor: '', heading: lessonTitle, parts: [] as string[] };
  const flush = () => {
    const body = clean(current.parts.join(' '));
    if (body || current.anchor) {
      sections.push({ ref: `${path}${current.anchor ? `#${current.anchor}` : ''}`, lessonTitle, moduleTitle, heading: current.heading, excerpt: excerptOf(body), body });
    }
  };
  for (const node of prose.childNodes) {
    const element = node as HTMLElement;
    if (element.tagName === 'H2') {
      flush();
      current = { anchor: element.id, heading: clean(element.text), parts: [] };
    } else {
      current.parts.push(element.text ?? '');
    }
  }
  flush();

  // Objectives and key takeaways: searchable, linked to the takeaways box.
  const objectives = clean(article.querySelector('.objectives ul')?.text ?? '');
  const takeaways = clean(article.querySelector('.takeaways ul')?.text ?? '');
  const takeawaysHeading = clean(article.querySelector('.takeaways h2')?.text ?? '');
  if (takeaways) {
    const body = `${objectives} ${takeaways}`;
    sections.push({ ref: `${path}#lesson-takeaways`, lessonTitle, moduleTitle, heading: takeawaysHeading, excerpt: excerptOf(takeaways), body });
  }
  return sections;
}

export function buildSearchIndex(lang: Lang, sections: Section[]): PackedIndex {
  // Refs are array positions: a ref is repeated for every term of its
  // document in the serialised index, so long URLs would multiply its size.
  const index = lunr(function () {
    this.use(languagePlugin(lang));
    this.ref('position');
    this.field('lessonTitle', { boost: 8 });
    this.field('heading', { boost: 4 });
    this.field('body');
    // The lesson title is indexed once per lesson, on its opening section (which
    // links to the top of the page): repeating it on every section would cost
    // a fifth of the index for the same results.
    sections.forEach((section, position) => {
      const opening = !section.ref.includes('#');
      this.add({ ...section, lessonTitle: opening ? section.lessonTitle : '', position: String(position) });
    });
  });
  return packIndex(lang, index, sections);
}
