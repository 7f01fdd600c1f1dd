/**
 * The props of the learning components authors use in MDX, as zod schemas.
 * The components (src/mdx/) render them; the content checker validates every
 * use against them before the build, so mistakes surface with file and line.
 */
import { z } from 'zod';
import { idSchema, readingItemSchema } from './schemas.ts';

/** Seconds, or "m:ss" / "h:mm:ss" text. */
export const timeSchema = z.union([
  z.number().int().min(0),
  z.string().regex(/^(?:\d+:)?[0-5]?\d:[0-5]\d$/, 'must be whole seconds or "m:ss" / "h:mm:ss"'),
]);
export type Time = z.infer<typeof timeSchema>;

export function toSeconds(time: Time): number {
  if (typeof time === 'number') return time;
  return time.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** "1:02:03" style, for display and for chapter lists. */
export function formatTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const text = z.string().trim().min(1, 'must not be empty');
/**
 * The time an activity asks of the learner, stated on the activity itself
 * and shown there ("about 10 minutes"); lesson minutes add it to reading
 * time (see study-time.ts).
 */
const activityMinutes = z.number().int('must be a whole number of minutes').min(1).max(120);
const publicPath = z.string().regex(/^\/[^:?#]+$/, 'must be a path under public/, starting with `/` (e.g. "/media/talk.webm")');

export const providers = ['youtube', 'vimeo', 'file'] as const;

export const videoPropsSchema = z.strictObject({
  provider: z.enum(providers),
  id: z.string().optional(),
  src: publicPath.optional(),
  title: text,
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"'),
  source: text,
  speaker: z
    .strictObject({ name: text, role: text.optional(), organisation: text.optional() })
    .optional(),
  duration: timeSchema.optional(),
  /** Time the lesson asks the learner to watch; required unless `duration` is known. */
  minutes: activityMinutes.optional(),
  start: timeSchema.optional(),
  chapters: z.array(z.strictObject({ title: text, start: timeSchema })).min(1).optional(),
  poster: publicPath.optional(),
  captions: z
    .array(z.strictObject({ lang: z.string().regex(/^[a-z]{2}$/), src: publicPath, label: text }))
    .min(1)
    .optional(),
});
export type VideoProps = z.infer<typeof videoPropsSchema>;

export const caseStudyPropsSchema = z.strictObject({ country: text, practice: text, source: text });
export type CaseStudyProps = z.infer<typeof caseStudyPropsSchema>;

export const calloutTypes = ['note', 'tip', 'important'] as const;
export const calloutPropsSchema = z.strictObject({ type: z.enum(calloutTypes).default('note'), title: text.optional() });
export type CalloutProps = z.infer<typeof calloutPropsSchema>;

export const reflectionPropsSchema = z.strictObject({ id: idSchema, minutes: activityMinutes, notes: z.boolean().default(true) });
export type ReflectionProps = z.infer<typeof reflectionPropsSchema>;

export const backgroundReadingPropsSchema = z.strictObject({ items: z.array(readingItemSchema).min(1) });
export type BackgroundReadingProps = z.infer<typeof backgroundReadingPropsSchema>;

/** Every component an author may use, by the name written in MDX. */
export const componentSchemas = {
  Video: videoPropsSchema,
  CaseStudy: caseStudyPropsSchema,
  Callout: calloutPropsSchema,
  Reflection: reflectionPropsSchema,
  BackgroundReading: backgroundReadingPropsSchema,
} as const;
export type ComponentName = keyof typeof componentSchemas;

export const videoIdPatterns: Record<Exclude<VideoProps['provider'], 'file'>, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^\d{6,12}$/,
};

/** Where the player loads from, only after the learner asks for it. */
export function embedUrl(props: Pick<VideoProps, 'provider' | 'id'>, startSeconds: number): string | undefined {
  if (props.provider === 'youtube') {
    return `https://www.youtube-nocookie.com/embed/${props.id}?autoplay=1&rel=0${startSeconds ? `&start=${startSeconds}` : ''}`;
  }
  if (props.provider === 'vimeo') {
    return `https://player.vimeo.com/video/${props.id}?autoplay=1&dnt=1${startSeconds ? `#t=${startSeconds}s` : ''}`;
  }
  return undefined;
}

/** The provider's own page, for a plain link that works without JavaScript. */
export function watchUrl(props: Pick<VideoProps, 'provider' | 'id'>, startSeconds: number): string | undefined {
  if (props.provider === 'youtube') return `https://www.youtube.com/watch?v=${props.id}${startSeconds ? `&t=${startSeconds}s` : ''}`;
  if (props.provider === 'vimeo') return `https://vimeo.com/${props.id}${startSeconds ? `#t=${startSeconds}s` : ''}`;
  return undefined;
}
