/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition. One item and
 * one SCO resource per module, a shared asset resource for what the pages
 * share, titles and descriptions in the package's language, XML-escaped.
 */
import type { PackageSpec } from './plan.ts';
import type { PackageFiles } from './files.ts';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** XML identifiers (xs:ID): letters, digits, hyphens, dots; never starting with a digit. */
export function xmlId(...parts: string[]): string {
  return parts.join('-').replace(/[^A-Za-z0-9._-]/g, '-').replace(/^([^A-Za-z_])/, '_$1');
}

const files = (paths: string[], indent: string) => paths.map((path) => `${indent}<file href="${escapeXml(path)}"/>`).join('\n');

export function buildManifest(spec: PackageSpec, packageFiles: PackageFiles): string {
  const { course, lang, version } = spec;
  const orgId = xmlId('ORG', course.id);
  const sharedId = xmlId('RES', 'shared');
  const items = spec.modules
    .map((module) => {
      const item = xmlId('ITEM', module.id);
      const title = `${module.number}. ${module.title}`;
      if (version === '1.2') {
        const mastery = module.quiz ? `\n        <adlcp:masteryscore>${course.passMark}</adlcp:masteryscore>` : '';
        return `      <item identifier="${item}" identifierref="${xmlId('RES', module.id)}" isvisible="true">\n        <title>${escapeXml(title)}</title>${mastery}\n      </item>`;
      }
      const objective = module.quiz
        ? `\n        <imsss:sequencing>\n          <imsss:objectives>\n            <imsss:primaryObjective objectiveID="${xmlId('OBJ', module.id)}" satisfiedByMeasure="true">\n              <imsss:minNormalizedMeasure>${course.passMark / 100}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>`
        : '';
      return `      <item identifier="${item}" identifierref="${xmlId('RES', module.id)}">\n        <title>${escapeXml(title)}</title>${objective}\n      </item>`;
    })
    .join('\n');

  const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const resources = packageFiles.scos
    .map((sco) => {
      return `    <resource identifier="${xmlId('RES', sco.moduleId)}" type="webcontent" ${scormType}="sco" href="${escapeXml(sco.launch)}">\n${files(sco.pages, '      ')}\n      <dependency identifierref="${sharedId}"/>\n    </resource>`;
    })
    .join('\n');
  const shared = `    <resource identifier="${sharedId}" type="webcontent" ${scormType}="asset">\n${files(packageFiles.shared, '      ')}\n    </resource>`;

  const description = escapeXml(course.description);
  const title = escapeXml(spec.packaging === 'module' && spec.modules.length === 1 ? `${course.title}: ${spec.modules[0]!.title}` : course.title);
  const manifestId = xmlId(spec.name);

  if (version === '1.2') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="${lang}">${title}</imsmd:langstring></imsmd:title>
        <imsmd:language>${lang}</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="${lang}">${description}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="${orgId}">
    <organization identifier="${orgId}">
      <title>${title}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
${shared}
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
      <general>
        <title><string language="${lang}">${title}</string></title>
        <language>${lang}</language>
        <description><string language="${lang}">${description}</string></description>
      </general>
    </lom>
  </metadata>
  <organizations default="${orgId}">
    <organization identifier="${orgId}">
      <title>${title}</title>
${items}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${resources}
${shared}
  </resources>
</manifest>
`;
}
