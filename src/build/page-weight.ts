/**
 * What a built page costs a learner, in gzipped bytes (Node only): its HTML,
 * its stylesheets, the JavaScript it runs at first paint (module scripts and
 * their static imports) and the JavaScript it may load later (islands,
 * dynamic imports). Used by the budget tests and `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { relativeImports } from './js-imports.ts';

export interface PageWeight {
  html: number;
  css: number;
  jsFirstPaint: number;
  jsLater: number;
  total: number;
}

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

function resolve(fromFile: string, target: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), target));
}

/** A script and everything it imports statically; dynamic imports are listed apart. */
function scriptClosure(distDir: string, entry: string, statics: Set<string>, dynamics: Set<string>): void {
  if (statics.has(entry) || !existsSync(join(distDir, entry))) return;
  statics.add(entry);
  const imports = relativeImports(readFileSync(join(distDir, entry), 'utf8'));
  for (const target of imports.dynamic) dynamics.add(resolve(entry, target));
  for (const target of imports.static) scriptClosure(distDir, resolve(entry, target), statics, dynamics);
}

export function pageWeight(distDir: string, pagePath: string): PageWeight {
  const file = posix.join(pagePath, 'index.html');
  const html = readFileSync(join(distDir, file), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => resolve(file, match[1]!));
  const firstPaint = new Set<string>();
  const deferred = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) scriptClosure(distDir, resolve(file, match[1]!), firstPaint, deferred);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).join('');
  // Islands hydrate later; dynamic imports load on use: both, with what they import, are "later".
  for (const match of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) deferred.add(resolve(file, match[1]!));
  const later = new Set<string>();
  for (let pending = [...deferred]; pending.length; ) {
    const entry = pending.pop()!;
    const found = new Set<string>();
    scriptClosure(distDir, entry, later, found);
    pending.push(...[...found].filter((path) => !later.has(path)));
  }
  for (const path of firstPaint) later.delete(path);
  const size = (paths: Iterable<string>) => [...paths].filter((path) => existsSync(join(distDir, path))).reduce((sum, path) => sum + gz(readFileSync(join(distDir, path))), 0);
  const weight = {
    html: gz(html),
    css: size(css),
    jsFirstPaint: size(firstPaint) + (inlineScripts ? gz(inlineScripts) : 0),
    jsLater: size(later),
  };
  return { ...weight, total: weight.html + weight.css + weight.jsFirstPaint };
}
