import { describe, expect, it } from 'vitest';
import { relativizeHtml } from '../../src/build/relative-asset-urls.ts';

describe('relativizeHtml', () => {
  it('rewrites Astro asset URLs relative to the page depth', () => {
    const html = '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>';
    expect(relativizeHtml(html, 3)).toBe('<link rel="stylesheet" href="../../../_astro/a.css"><script type="module" src="../../../_astro/b.js"></script>');
    expect(relativizeHtml(html, 0)).toContain('href="./_astro/a.css"');
  });

  it('rewrites island loader attributes too', () => {
    const html = '<astro-island component-url="/_astro/Quiz.js" renderer-url="/_astro/client.js"></astro-island>';
    expect(relativizeHtml(html, 1)).toBe('<astro-island component-url="../_astro/Quiz.js" renderer-url="../_astro/client.js"></astro-island>');
  });

  it('leaves other absolute and external URLs alone', () => {
    const html = '<a href="/en/">x</a><a href="https://example.org/_astro/x">y</a><p>/_astro/ in text</p>';
    expect(relativizeHtml(html, 2)).toBe(html);
  });
});
