/**
 * Which edition a build makes: the open website, or the pages that go inside
 * SCORM packages (`COURSE_TARGET=package`, set by the export). Package pages
 * link only within their module and have no site navigation, search or
 * language switch, because the rest of the site is not in the package.
 */
export const isPackageBuild = process.env.COURSE_TARGET === 'package';
