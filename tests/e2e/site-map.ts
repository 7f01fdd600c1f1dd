/**
 * Reads a built site from disk as a graph of pages and links, for the
 * reachability and link-integrity tests.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { htmlFiles } from '../../src/build/relative-asset-urls.ts';

const origin = 'http://site.test/';

export interface SitePage {
  /** Root-relative URL path, e.g. `en/m1/` or `` for the home. */
  path: string;
  html: string;
  /** Internal links and assets, resolved to root-relative paths (with #fragment). */
  links: string[];
}

export function pagePathOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return rel.replace(/index\.html$/, '');
}

export function readSite(distDir: string): Map<string, SitePage> {
  const pages = new Map<string, SitePage>();
  for (const file of htmlFiles(distDir)) {
    const path = pagePathOf(distDir, file);
    // Extracted SCORM packages (for the trainer preview) are not site pages: the SCORM tests check them.
    if (path.startsWith('downloads/')) continue;
    const html = readFileSync(file, 'utf8');
    const links: string[] = [];
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = match[1]!.replaceAll('&amp;', '&');
      const url = new URL(raw, origin + path);
      if (url.origin !== new URL(origin).origin) continue;
      links.push(url.pathname.slice(1) + url.hash);
    }
    pages.set(path, { path, html, links });
  }
  return pages;
}

/** Whether a root-relative path (without fragment) exists in the built site. */
export function existsInDist(distDir: string, path: string): boolean {
  const target = join(distDir, decodeURIComponent(path));
  if (path === '' || path.endsWith('/')) return existsSync(join(target, 'index.html'));
  return existsSync(target) && statSync(target).isFile();
}

/** Pages reachable from `start` by following links between pages. */
export function reachableFrom(pages: Map<string, SitePage>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const page = pages.get(queue.shift()!);
    for (const link of page?.links ?? []) {
      const path = link.split('#')[0]!;
      if (pages.has(path) && !seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return seen;
}
