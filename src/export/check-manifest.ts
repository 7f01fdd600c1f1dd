/**
 * What the XSDs do not catch (see shared/scorm-schemas/README.md): the
 * schema and schemaversion text, the version's spelling of scormtype, and
 * every reference (organization default, identifierref, files) resolving.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ScormVersion } from '../tracking/scorm/api.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'resource', 'file', 'dependency', 'organization'].includes(name) });

type Node = Record<string, unknown>;

export function checkManifest(xml: string, version: ScormVersion, fileExists: (href: string) => boolean): string[] {
  const problems: string[] = [];
  const root = (parser.parse(xml) as Node).manifest as Node | undefined;
  if (!root) return ['no <manifest> root element'];
  const metadata = (root.metadata ?? {}) as Node;
  if (metadata.schema !== 'ADL SCORM') problems.push(`metadata/schema is "${String(metadata.schema)}", expected "ADL SCORM"`);
  const expectedVersion = version === '1.2' ? '1.2' : '2004 4th Edition';
  if (String(metadata.schemaversion) !== expectedVersion) problems.push(`metadata/schemaversion is "${String(metadata.schemaversion)}", expected "${expectedVersion}"`);

  const organizations = (root.organizations ?? {}) as Node;
  const orgs = (organizations.organization ?? []) as Node[];
  const resources = (((root.resources ?? {}) as Node).resource ?? []) as Node[];
  const resourceIds = new Set(resources.map((resource) => String(resource['@identifier'])));
  const defaultOrg = String(organizations['@default'] ?? '');
  if (!orgs.some((org) => org['@identifier'] === defaultOrg)) problems.push(`organizations/@default "${defaultOrg}" names no organization`);

  const items: Node[] = [];
  const walk = (parent: Node) => {
    for (const item of (parent.item ?? []) as Node[]) {
      items.push(item);
      walk(item);
    }
  };
  orgs.forEach(walk);
  for (const item of items) {
    const ref = item['@identifierref'];
    if (ref !== undefined && !resourceIds.has(String(ref))) problems.push(`item ${String(item['@identifier'])}: identifierref "${String(ref)}" names no resource`);
  }
  const typeAttribute = version === '1.2' ? '@adlcp:scormtype' : '@adlcp:scormType';
  const wrongAttribute = version === '1.2' ? '@adlcp:scormType' : '@adlcp:scormtype';
  for (const resource of resources) {
    const id = String(resource['@identifier']);
    if (!resource[typeAttribute]) problems.push(`resource ${id}: ${typeAttribute.slice(1)} is missing`);
    if (resource[wrongAttribute]) problems.push(`resource ${id}: uses ${wrongAttribute.slice(1)}, the other version's spelling`);
    const href = resource['@href'];
    if (href !== undefined && !fileExists(String(href))) problems.push(`resource ${id}: href "${String(href)}" is not in the package`);
    for (const file of (resource.file ?? []) as Node[]) {
      if (!fileExists(String(file['@href']))) problems.push(`resource ${id}: file "${String(file['@href'])}" is not in the package`);
    }
    for (const dependency of (resource.dependency ?? []) as Node[]) {
      if (!resourceIds.has(String(dependency['@identifierref']))) problems.push(`resource ${id}: dependency "${String(dependency['@identifierref'])}" names no resource`);
    }
  }
  return problems;
}
