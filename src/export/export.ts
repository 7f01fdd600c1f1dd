/**
 * Makes SCORM packages from the package pages and the content model (Node
 * only): per package, the files its modules need, a manifest checked for
 * what the XSDs miss, a zip, and optionally an extracted copy for the
 * trainer page's LMS preview.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { checkManifest } from './check-manifest.ts';
import { collectPackageFiles } from './files.ts';
import { buildManifest } from './manifest.ts';
import type { PackageSpec } from './plan.ts';

export interface BuiltPackage {
  name: string;
  version: PackageSpec['version'];
  lang: string;
  packaging: PackageSpec['packaging'];
  modules: string[];
  file: string;
  bytes: number;
  fileCount: number;
  /** Extracted copy, relative to the output folder, when asked for. */
  preview?: string;
}

export function makePackage(spec: PackageSpec, siteDir: string, outDir: string, options: { preview?: boolean } = {}): BuiltPackage {
  const files = collectPackageFiles(siteDir, spec.lang, spec.modules.map((module) => module.id));
  const manifest = buildManifest(spec, files);
  const contents = new Set([...files.scos.flatMap((sco) => sco.pages), ...files.shared]);
  const problems = checkManifest(manifest, spec.version, (href) => contents.has(href));
  if (problems.length) throw new Error(`Manifest of ${spec.name} is not valid:\n- ${problems.join('\n- ')}`);

  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': new TextEncoder().encode(manifest) };
  for (const path of [...contents].sort()) entries[path] = readFileSync(join(siteDir, path));
  // A fixed date keeps the zips byte-identical between runs.
  const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const file = `${spec.name}.zip`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, file), zip);

  let preview: string | undefined;
  if (options.preview) {
    preview = `preview/${spec.name}`;
    const target = join(outDir, preview);
    rmSync(target, { recursive: true, force: true });
    for (const [path, bytes] of Object.entries(entries)) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      writeFileSync(join(target, path), bytes);
    }
  }
  return {
    name: spec.name,
    version: spec.version,
    lang: spec.lang,
    packaging: spec.packaging,
    modules: spec.modules.map((module) => module.id),
    file,
    bytes: zip.length,
    fileCount: Object.keys(entries).length,
    ...(preview ? { preview } : {}),
  };
}

