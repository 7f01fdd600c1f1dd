import { describe, expect, it } from 'vitest';
import { buildSearchIndex, lessonSections, type Section } from '../../src/search/build-index.ts';
import { unpackIndex } from '../../src/search/index-format.ts';
import { foldAccents, normaliseWord, restoreSpanishSuffixAccent } from '../../src/search/pipeline.ts';
import { highlight, queryWords, runSearch } from '../../src/search/query.ts';

function section(ref: string, heading: string, body: string): Section {
  return { ref, lessonTitle: `Lesson ${ref}`, moduleTitle: 'Module', heading, excerpt: body.slice(0, 100), body };
}

const english = [
  section('en/m/a/#mentors', 'Language mentors in Estonia', 'Language Friend mentors meet migrants in person or online to practise Estonian.'),
  section('en/m/b/#work', 'Recruitment', 'Work in Finland advises private businesses on international recruitment.'),
  section('en/m/c/#two-way', 'A two-way process', 'Integration is a two-way process: the whole society contributes to integration.'),
];
const spanish = [
  section('es/m/a/#migracion', 'La migración hoy', 'La migración en Europa y la integración de las personas refugiadas.'),
  section('es/m/b/#empleo', 'Empleo', 'Programas de empleo y formación profesional para personas recién llegadas.'),
];

const packedEn = buildSearchIndex('en', english);
const packedEs = buildSearchIndex('es', spanish);
const en = unpackIndex(JSON.parse(JSON.stringify(packedEn)));
const es = unpackIndex(JSON.parse(JSON.stringify(packedEs)));
const refs = (index: typeof en, query: string) => runSearch(index.index, index.documents, query).map((result) => result.document.ref);

describe('search pipeline', () => {
  it('folds accents and restores Spanish suffix accents', () => {
    expect(foldAccents('migración Gløersen')).toBe('migracion Gløersen');
    expect(restoreSpanishSuffixAccent('integracion')).toBe('integración');
    expect(restoreSpanishSuffixAccent('integraciones')).toBe('integraciones');
    expect(normaliseWord('integraciones', 'es')).toBe(normaliseWord('integración', 'es'));
    expect(normaliseWord('integracion', 'es')).toBe(normaliseWord('integración', 'es'));
    expect(normaliseWord('integrating', 'en')).toBe(normaliseWord('integration', 'en'));
  });

  it('splits queries into plain words', () => {
    expect(queryWords('  Language+mentors: Estonia~2 ^ *  ')).toEqual(['language', 'mentors', 'estonia', '2']);
    expect(queryWords('<img src=x onerror=alert(1)>')).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
    expect(queryWords('¿Qué es la migración?')).toEqual(['qué', 'es', 'la', 'migración']);
  });
});

describe('search in English', () => {
  it('finds a practice by a natural question', () => {
    expect(refs(en, 'what was that practice in Estonia about language mentors?')[0]).toBe('en/m/a/#mentors');
  });

  it('stems: "integrating" finds "integration"', () => {
    expect(refs(en, 'integrating')).toEqual(['en/m/c/#two-way']);
  });

  it('tolerates a typo in a longer word, not in a short one', () => {
    expect(refs(en, 'reqruitment')).toContain('en/m/b/#work');
    expect(refs(en, 'wark')).toEqual([]);
  });

  it('never throws on lunr syntax and finds nothing for noise', () => {
    for (const query of [':', '+', '-', '*', '~', '^', 'title:foo', 'a~~b^^', '+-*', '"unclosed', '\\']) {
      expect(() => runSearch(en.index, en.documents, query), query).not.toThrow();
    }
    expect(refs(en, 'zzzzqqq')).toEqual([]);
  });
});

describe('search in Spanish', () => {
  it('is accent-insensitive: "migracion" finds "migración"', () => {
    expect(refs(es, 'migracion')).toContain('es/m/a/#migracion');
  });

  it('stems: "integraciones" finds "integración"', () => {
    expect(refs(es, 'integraciones')).toEqual(['es/m/a/#migracion']);
  });

  it('ignores Spanish stop words', () => {
    expect(refs(es, 'de la y')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks the words of the snippet that matched, whatever their form', () => {
    const [result] = runSearch(es.index, es.documents, 'migracion');
    const parts = highlight('La migración en Europa', result!.terms, 'es');
    expect(parts).toEqual([
      { text: 'La ', match: false },
      { text: 'migración', match: true },
      { text: ' en Europa', match: false },
    ]);
  });
});

describe('index file', () => {
  it('survives packing: unpacked results equal the index built in memory', () => {
    expect(packedEn.documents).toHaveLength(3);
    expect(refs(en, 'language mentors').length).toBeGreaterThan(0);
    expect(en.documents[0]).toEqual({ ref: 'en/m/a/#mentors', lessonTitle: 'Lesson en/m/a/#mentors', moduleTitle: 'Module', heading: 'Language mentors in Estonia', excerpt: english[0]!.excerpt });
  });
});

describe('sections from a built page', () => {
  it('splits a lesson at h2 headings, skips controls, and adds the takeaways', () => {
    const html = `<main><article class="lesson" data-lesson-id="l"><h1>Lesson title</h1>
      <section class="objectives"><ul><li>Objective one</li></ul></section>
      <div class="prose"><p>Intro text.</p><h2 id="first">First</h2><p>Alpha.</p><h3 id="sub">Sub</h3><p>Beta.</p>
      <figure class="video"><button class="video-facade">Play the video</button><div class="video-summary"><p>Transcript words.</p></div></figure>
      <h2 id="second">Second</h2><p>Gamma.</p></div>
      <section class="takeaways"><h2>Key takeaways</h2><ul><li>Takeaway one</li></ul></section></article>
      <nav class="module-contents"><h2 class="contents-title"><a>Module 3: The module</a></h2></nav></main>`;
    const sections = lessonSections(html, 'en/m/l/');
    expect(sections.map((s) => [s.ref, s.heading, s.body])).toEqual([
      ['en/m/l/', 'Lesson title', 'Intro text.'],
      ['en/m/l/#first', 'First', 'Alpha. Sub Beta. Transcript words.'],
      ['en/m/l/#second', 'Second', 'Gamma.'],
      ['en/m/l/#lesson-takeaways', 'Key takeaways', 'Objective one Takeaway one'],
    ]);
    expect(sections[0]!.moduleTitle).toBe('The module');
  });
});
