/**
 * The files one package needs, found by following references from its
 * pages: their scripts, styles and media, and the chunks those scripts
 * import. Nothing else from the built site goes in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { relativeImports } from '../build/js-imports.ts';

export interface ScoFiles {
  moduleId: string;
  /** The SCO's launch page, relative to the package root. */
  launch: string;
  /** The module's own pages. */
  pages: string[];
}

export interface PackageFiles {
  scos: ScoFiles[];
  /** Assets the pages share (scripts, styles, media), sorted. */
  shared: string[];
}

const reference = /\s(?:href|src|component-url|renderer-url|poster)="([^"#?]+)[^"]*"/g;
const cssUrl = /url\(\s*["']?(?!data:)([^"')]+)["']?\s*\)/g;

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Site-relative paths referenced by one file (HTML, JS or CSS). */
function referencesOf(siteDir: string, file: string): string[] {
  const text = readFileSync(join(siteDir, file), 'utf8');
  const dir = posix.dirname(file);
  let targets: string[];
  if (file.endsWith('.js')) {
    const imports = relativeImports(text);
    targets = [...imports.static, ...imports.dynamic]; // a package needs what loads later too
  } else {
    const pattern = file.endsWith('.html') ? reference : file.endsWith('.css') ? cssUrl : undefined;
    if (!pattern) return [];
    targets = [...text.matchAll(pattern)].map((match) => match[1]!);
  }
  const found: string[] = [];
  for (const raw of targets) {
    const target = decodeURIComponent(raw);
    if (/^[a-z]+:/i.test(target) || target.startsWith('/')) continue; // external, or not relative (refused elsewhere)
    let resolved = posix.normalize(posix.join(dir, target));
    if (resolved.endsWith('/') || !posix.extname(resolved)) resolved = posix.join(resolved, 'index.html');
    found.push(resolved);
  }
  return found;
}

/** Every HTML page under `<lang>/<module>/`, relative to the site root. */
function pagesOf(siteDir: string, lang: string, moduleId: string): string[] {
  const root = join(siteDir, lang, moduleId);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => posix.join(lang, moduleId, name.split('\\').join('/')))
    .sort();
}

export function collectPackageFiles(siteDir: string, lang: string, moduleIds: string[]): PackageFiles {
  const scos: ScoFiles[] = moduleIds.map((moduleId) => {
    const pages = pagesOf(siteDir, lang, moduleId);
    const launch = posix.join(lang, moduleId, 'launch', 'index.html');
    if (!pages.includes(launch)) throw new Error(`No launch page for module ${moduleId} in ${siteDir}: build the package site with COURSE_TARGET=package.`);
    return { moduleId, launch, pages };
  });
  const ownPages = new Set(scos.flatMap((sco) => sco.pages));
  const shared = new Set<string>();
  const queue = [...ownPages];
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.shift()!;
    for (const target of referencesOf(siteDir, file)) {
      if (seen.has(target)) continue;
      seen.add(target);
      if (!isFile(join(siteDir, target))) continue; // a link to a page outside the package: checked by the link test
      if (ownPages.has(target)) continue;
      if (target.endsWith('.html')) continue; // pages of other modules are never pulled in
      shared.add(target);
      queue.push(target);
    }
  }
  return { scos, shared: [...shared].sort() };
}
