import { describe, expect, it } from 'vitest';
import { checkFixture, errors } from './fixture.ts';

const en = 'content/en/01-alpha/02-second.mdx';
const es = 'content/es/01-alpha/02-second.mdx';

/** Appends the same MDX to the English and Spanish lesson (or different ones). */
function withBody(enBody: string, esBody = enBody) {
  return checkFixture((fixture) => {
    fixture.edit(en, (source) => `${source}\n${enBody}\n`);
    fixture.edit(es, (source) => `${source}\n${esBody}\n`);
  });
}

const video = (props: string) => `<Video ${props} title="Talk" lang="en" source="A report">\nSummary.\n</Video>`;

describe('component checks', () => {
  it('accept every component used as documented', () => {
    const result = withBody(
      [
        video('provider="youtube" id="RUojJpV3Oy4" minutes={15} start="1:00" chapters={[{ title: "Opening", start: 0 }, { title: "Panel", start: "1:02:03" }]}'),
        video('provider="file" src="/media/clip.webm" duration="0:03" captions={[{ lang: "en", src: "/media/clip.en.vtt", label: "English" }]}'),
        '<CaseStudy country="Estonia" practice="Language Friend" source="MIEUX+ article">\nText.\n</CaseStudy>',
        '<Callout type="tip" title="In practice">\nText.\n</Callout>',
        '<Reflection id="local" minutes={5}>\n1. A question?\n</Reflection>',
        '<BackgroundReading items={[{ title: "Plan", publisher: "EC", year: 2020 }]} />',
      ].join('\n\n'),
    );
    expect(errors(result)).toEqual([]);
  });

  it('report an unknown video provider with its line', () => {
    const [issue] = errors(withBody(video('provider="dailymotion" id="x"')));
    expect(issue!.file).toBe(en);
    expect(issue!.field).toMatch(/^<Video> \(line \d+\) provider$/);
    expect(issue!.problem).toContain('youtube');
  });

  it('report a malformed YouTube id', () => {
    const [issue] = errors(withBody(video('provider="youtube" id="not-an-id"')));
    expect(issue!.field).toMatch(/<Video> \(line \d+\) id/);
    expect(issue!.problem).toContain('not a well-formed youtube id');
  });

  it('refuse a well-formed id that is not a known recording', () => {
    const [issue] = errors(withBody(video('provider="youtube" id="dQw4w9WgXcQ"')));
    expect(issue!.problem).toContain("not one of the course's known recordings");
    expect(issue!.fix).toContain('recordings:');
  });

  it('report a chapter beyond the end of the video', () => {
    const [issue] = errors(withBody(video('provider="youtube" id="RUojJpV3Oy4" duration="10:00" chapters={[{ title: "Late", start: "12:00" }]}')));
    expect(issue!.field).toMatch(/<Video> \(line \d+\) chapters\.0\.start/);
    expect(issue!.problem).toContain('beyond the end of the video (10:00)');
  });

  it('report a caption file that does not exist', () => {
    const [issue] = errors(withBody(video('provider="file" src="/media/clip.webm" captions={[{ lang: "es", src: "/media/clip.es.vtt", label: "Español" }]}')));
    expect(issue!.field).toMatch(/captions\.0\.src/);
    expect(issue!.problem).toContain('/media/clip.es.vtt, which is not in public/');
  });

  it('report a prop that is not a literal', () => {
    const [issue] = errors(withBody(video('provider="youtube" id={someId}')));
    expect(issue!.field).toMatch(/<Video> \(line \d+\) id$/);
    expect(issue!.problem).toContain('not a literal value');
  });

  it('report an unknown component', () => {
    const [issue] = errors(withBody('<Quizz />'));
    expect(issue!.field).toMatch(/^<Quizz> \(line \d+\)$/);
    expect(issue!.fix).toContain('<Video>');
  });

  it('give the line number in the file, counting the frontmatter', () => {
    const [issue] = errors(withBody('<Callout type="alarm">\nx\n</Callout>'));
    // The fixture lesson has 10 frontmatter lines and 2 body lines before the appended text.
    expect(issue!.field).toBe('<Callout> (line 12) type');
  });

  it('report a translation that embeds a different video', () => {
    const result = withBody(video('provider="youtube" id="RUojJpV3Oy4" minutes={15}'), '<Callout>\nNo video here.\n</Callout>');
    const [issue] = errors(result);
    expect(issue!.file).toBe(es);
    expect(issue!.field).toBe('body components');
    expect(issue!.problem).toContain('Video(RUojJpV3Oy4, 15 min)');
  });

  it('report a video that states no time and has no known duration', () => {
    const [issue] = errors(withBody(video('provider="youtube" id="RUojJpV3Oy4"')));
    expect(issue!.field).toMatch(/^<Video> \(line \d+\) minutes$/);
    expect(issue!.fix).toContain('minutes={15}');
  });

  it('report a video that asks for more minutes than it lasts', () => {
    const [issue] = errors(withBody(video('provider="file" src="/media/clip.webm" duration="0:03" minutes={5} captions={[{ lang: "en", src: "/media/clip.en.vtt", label: "English" }]}')));
    expect(issue!.field).toMatch(/^<Video> \(line \d+\) minutes$/);
    expect(issue!.problem).toContain('longer than the video');
  });

  it('report a reflection without its time', () => {
    const [issue] = errors(withBody('<Reflection id="local">\n1. A question?\n</Reflection>'));
    expect(issue!.field).toMatch(/^<Reflection> \(line \d+\) minutes$/);
  });

  it('report invalid MDX, such as a less-than sign before a digit, with its line', () => {
    const [issue] = errors(withBody('Fewer than <10 people'));
    expect(issue!.file).toBe(en);
    expect(issue!.field).toBe('body line 12');
    expect(issue!.problem).toContain('not valid MDX');
  });
});
