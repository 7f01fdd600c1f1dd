/**
 * Checks how MDX bodies use the learning components: known names, literal
 * props that match their schema, real video ids and existing media files,
 * chapters inside the video, and the same components in every language.
 */
import type { Program, Expression, SpreadElement } from 'estree';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContentIssue } from './author-errors.ts';
import { fixFor, issuesFromZod } from './author-errors.ts';
import { componentSchemas, type ComponentName, toSeconds, videoIdPatterns, type VideoProps } from './component-props.ts';
import { referenceLang } from './languages.ts';
import type { RawEntry } from './raw-entry.ts';

export interface MdxCheckContext {
  /** Whether a path under public/ (e.g. `/media/a.vtt`) exists. */
  publicFileExists(path: string): boolean;
  recordings: { provider: string; id: string }[];
}

export interface ComponentUse {
  name: string;
  line: number;
  props: Record<string, unknown>;
}

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: string | null | { value: string; data?: { estree?: Program } } }[];
  position?: { start: { line: number } };
  children?: JsxNode[];
}

const parser = unified().use(remarkParse).use(remarkMdx);

class NotLiteral extends Error {}

/** Evaluates an attribute expression that must be a literal. */
function literal(node: Expression | SpreadElement | null): unknown {
  if (!node) throw new NotLiteral();
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'ArrayExpression':
      return node.elements.map((element) => literal(element));
    case 'ObjectExpression':
      return Object.fromEntries(
        node.properties.map((property) => {
          if (property.type !== 'Property' || property.computed || property.kind !== 'init') throw new NotLiteral();
          const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
          if (key === undefined) throw new NotLiteral();
          return [key, literal(property.value as Expression)];
        }),
      );
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') return -node.argument.value;
      throw new NotLiteral();
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return node.quasis[0]?.value.cooked;
      throw new NotLiteral();
    default:
      throw new NotLiteral();
  }
}

function walk(node: JsxNode, visit: (node: JsxNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Component uses in one MDX body, with problems found on the way. */
export function findComponentUses(file: string, body: string, bodyLine = 1): { uses: ComponentUse[]; issues: ContentIssue[] } {
  const uses: ComponentUse[] = [];
  const issues: ContentIssue[] = [];
  let tree: JsxNode;
  try {
    tree = parser.parse(body) as unknown as JsxNode;
  } catch (error) {
    const place = (error as { line?: number }).line;
    issues.push({
      file,
      field: place ? `body line ${place + bodyLine - 1}` : 'body',
      problem: `is not valid MDX: ${(error as Error).message}`,
      fix: 'Write "less than" instead of a bare `<`, avoid bare `{` `}` in prose, and close every component tag.',
      severity: 'error',
    });
    return { uses, issues };
  }
  walk(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    if (!node.name || !/^[A-Z]/.test(node.name)) return; // lower-case names are plain HTML
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    const at = `<${node.name}> (line ${line})`;
    if (!(node.name in componentSchemas)) {
      issues.push({
        file,
        field: at,
        problem: `is not a known component`,
        fix: `Use one of ${Object.keys(componentSchemas).map((name) => `<${name}>`).join(', ')} (see docs/components.md).`,
        severity: 'error',
      });
      return;
    }
    const props: Record<string, unknown> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        issues.push({ file, field: at, problem: 'uses a spread `{...props}`', fix: 'Write each prop out as name="value".', severity: 'error' });
        continue;
      }
      const { value } = attribute;
      if (value === null || value === undefined) props[attribute.name] = true;
      else if (typeof value === 'string') props[attribute.name] = value;
      else {
        try {
          const statement = value.data?.estree?.body[0];
          props[attribute.name] = literal(statement?.type === 'ExpressionStatement' ? statement.expression : null);
        } catch {
          issues.push({
            file,
            field: `${at} ${attribute.name}`,
            problem: `is \`{${value.value}}\`, which is not a literal value`,
            fix: 'Write the value itself: "text", {12}, {true}, or arrays/objects of those.',
            severity: 'error',
          });
        }
      }
    }
    uses.push({ name: node.name, line, props });
  });
  return { uses, issues };
}

/** Schema and meaning checks for one use. */
export function checkComponentUse(file: string, use: ComponentUse, context: MdxCheckContext): ContentIssue[] {
  const at = `<${use.name}> (line ${use.line})`;
  const schema = componentSchemas[use.name as ComponentName];
  const parsed = schema.safeParse(use.props);
  if (!parsed.success) {
    return issuesFromZod(file, at, parsed.error, use.props).map((issue) => ({
      ...issue,
      // "<Video> (line 3).chapters.0.start" reads better with a space.
      field: issue.field.replace(`${at}.`, `${at} `),
      fix: issue.fix === fixFor('') ? 'See docs/components.md for the props of this component.' : issue.fix,
    }));
  }
  if (use.name === 'Video') return checkVideo(file, at, parsed.data as VideoProps, context);
  return [];
}

function checkVideo(file: string, at: string, video: VideoProps, context: MdxCheckContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const problem = (field: string, text: string, fix: string) => issues.push({ file, field: `${at} ${field}`.trim(), problem: text, fix, severity: 'error' });

  if (video.provider === 'file') {
    if (!video.src) problem('src', 'is missing: a self-hosted video needs `src`', 'Put the file under public/media/ and write src="/media/<file>".');
    else if (!context.publicFileExists(video.src)) problem('src', `points to ${video.src}, which is not in public/`, `Add the file as public${video.src}, or fix the path.`);
    if (video.id) problem('id', 'is only for YouTube and Vimeo videos', 'Remove `id`, or change `provider`.');
  } else {
    const pattern = videoIdPatterns[video.provider];
    if (!video.id) problem('id', `is missing: a ${video.provider} video needs its id`, 'Copy the id from the recording address.');
    else if (!pattern.test(video.id)) problem('id', `\`${video.id}\` is not a well-formed ${video.provider} id`, video.provider === 'youtube' ? 'A YouTube id has 11 characters, as in youtu.be/<id>.' : 'A Vimeo id is the number in vimeo.com/<id>.');
    else if (!context.recordings.some((recording) => recording.provider === video.provider && recording.id === video.id)) {
      problem('id', `\`${video.id}\` is not one of the course's known recordings`, 'Use a recording listed under `recordings:` in content/course.yaml; add a new one there only if it is a real, public recording named in the sources.');
    }
    if (video.src) problem('src', `is only for self-hosted files, not ${video.provider}`, 'Remove `src`, or use provider="file".');
    if (video.captions) problem('captions', `are only for self-hosted files; ${video.provider} shows its own captions`, 'Remove `captions`.');
  }
  for (const [index, caption] of (video.captions ?? []).entries()) {
    if (!context.publicFileExists(caption.src)) problem(`captions.${index}.src`, `points to ${caption.src}, which is not in public/`, `Add the WebVTT file as public${caption.src}, or fix the path.`);
  }
  if (video.poster && !context.publicFileExists(video.poster)) problem('poster', `points to ${video.poster}, which is not in public/`, `Add the image as public${video.poster}, or remove \`poster\`.`);

  const duration = video.duration === undefined ? undefined : toSeconds(video.duration);
  if (video.minutes === undefined && duration === undefined) {
    problem(
      'minutes',
      'is missing: a video states the time the lesson asks the learner to spend on it',
      'Add `duration` if the length is known, or `minutes={15}` for the part the lesson asks learners to watch (see docs/components.md, "Study time").',
    );
  }
  if (video.minutes !== undefined && duration !== undefined && video.minutes > Math.ceil(duration / 60)) {
    problem('minutes', `(${video.minutes}) is longer than the video (${video.duration})`, 'Ask for at most the length of the recording, or fix `duration`.');
  }
  if (duration !== undefined && video.start !== undefined && toSeconds(video.start) >= duration) {
    problem('start', `is at or after the end of the video (${video.duration})`, 'Use a start time inside the video, or fix `duration`.');
  }
  let previous = -1;
  for (const [index, chapter] of (video.chapters ?? []).entries()) {
    const start = toSeconds(chapter.start);
    if (duration !== undefined && start >= duration) {
      problem(`chapters.${index}.start`, `(${chapter.start}) is beyond the end of the video (${video.duration})`, 'Check the chapter time against the recording, or fix `duration`.');
    }
    if (start <= previous) problem(`chapters.${index}.start`, `(${chapter.start}) is not after the previous chapter`, 'List chapters in the order they play.');
    previous = start;
  }
  return issues;
}

/** A short description of a use that must be the same in every language. */
function signature(use: ComponentUse): string {
  const key = use.props.id ?? use.props.provider ?? use.props.type ?? '';
  // Stated minutes are part of the structure: every language shows the same time.
  const time = use.props.minutes === undefined ? '' : `, ${String(use.props.minutes)} min`;
  return key ? `${use.name}(${String(key)}${time})` : use.name;
}

/** Runs every check over the MDX entries, including cross-language structure. */
export function checkMdxEntries(entries: RawEntry[], context: MdxCheckContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const signatures = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.body === undefined) continue;
    const found = findComponentUses(entry.file, entry.body, entry.bodyLine);
    issues.push(...found.issues);
    for (const use of found.uses) issues.push(...checkComponentUse(entry.file, use, context));
    const reflectionIds = found.uses.filter((use) => use.name === 'Reflection').map((use) => String(use.props.id));
    const duplicate = reflectionIds.find((id, index) => reflectionIds.indexOf(id) !== index);
    if (duplicate) {
      issues.push({ file: entry.file, field: `<Reflection> id`, problem: `\`${duplicate}\` is used twice in this file`, fix: 'Give each Reflection its own id.', severity: 'error' });
    }
    signatures.set(entry.file, found.uses.map(signature));
  }
  for (const [file, uses] of signatures) {
    const referenceFile = file.replace(/^content\/[a-z]{2}\//, `content/${referenceLang}/`);
    const reference = signatures.get(referenceFile);
    if (referenceFile === file || !reference || reference.join() === uses.join()) continue;
    issues.push({
      file,
      field: 'body components',
      problem: `uses [${uses.join(', ')}] but ${referenceFile} uses [${reference.join(', ')}]`,
      fix: 'Use the same components, in the same order and with the same ids and videos, in every language; translate only their text.',
      severity: 'error',
    });
  }
  return issues;
}
