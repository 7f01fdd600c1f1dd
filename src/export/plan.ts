/**
 * Which packages to make: the default set is, for each language and both
 * SCORM versions, the whole course (one SCO per module) and one package per
 * module. Options narrow it down; unknown values are refused with a reason.
 */
import type { Course, Module } from '../content-model/course-model.ts';
import { languages, type Lang } from '../content-model/languages.ts';
import type { ScormVersion } from '../tracking/scorm/api.ts';

export const scormVersions: ScormVersion[] = ['1.2', '2004'];
export type Packaging = 'course' | 'module';

export interface ExportOptions {
  versions: ScormVersion[];
  langs: Lang[];
  /** Module ids; all when empty. */
  modules: string[];
  packaging: Packaging[];
}

export interface PackageSpec {
  name: string;
  version: ScormVersion;
  lang: Lang;
  packaging: Packaging;
  course: Course;
  modules: Module[];
}

export class ExportOptionError extends Error {}

function listOption<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!raw || raw === 'all') return [...allowed];
  const values = raw.split(',').map((value) => value.trim()).filter(Boolean);
  const unknown = values.filter((value) => !allowed.includes(value as T));
  if (unknown.length) throw new ExportOptionError(`Unknown ${what}: ${unknown.join(', ')}. Use one of: ${allowed.join(', ')} (or all).`);
  return values as T[];
}

export function parseExportOptions(raw: { version?: string; lang?: string; modules?: string; packaging?: string }, moduleIds: string[]): ExportOptions {
  return {
    versions: listOption(raw.version?.replace(/^scorm/i, ''), scormVersions, 'SCORM version'),
    langs: listOption(raw.lang, languages, 'language'),
    modules: raw.modules && raw.modules !== 'all' ? listOption(raw.modules, moduleIds, 'module') : [],
    packaging: listOption(raw.packaging, ['course', 'module'] as const, 'packaging'),
  };
}

const versionSlug = (version: ScormVersion) => (version === '1.2' ? 'scorm12' : 'scorm2004');

export function planPackages(courses: Record<Lang, Course>, options: ExportOptions): PackageSpec[] {
  const specs: PackageSpec[] = [];
  for (const lang of options.langs) {
    const course = courses[lang];
    const selected = course.modules.filter((module) => options.modules.length === 0 || options.modules.includes(module.id));
    for (const version of options.versions) {
      if (options.packaging.includes('course')) {
        const scope = options.modules.length === 0 ? 'course' : 'selection';
        specs.push({ name: `${course.id}-${lang}-${versionSlug(version)}-${scope}`, version, lang, packaging: 'course', course, modules: selected });
      }
      if (options.packaging.includes('module')) {
        for (const module of selected) {
          const number = String(module.number).padStart(2, '0');
          specs.push({ name: `${course.id}-${lang}-${versionSlug(version)}-m${number}-${module.id}`, version, lang, packaging: 'module', course, modules: [module] });
        }
      }
    }
  }
  return specs;
}
