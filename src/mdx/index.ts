/** The components lessons may use without importing them (see docs/components.md). */
import BackgroundReading from './BackgroundReading.astro';
import Callout from './Callout.astro';
import CaseStudy from './CaseStudy.astro';
import Reflection from './Reflection.astro';
import Video from './Video.astro';

export const mdxComponents = { BackgroundReading, Callout, CaseStudy, Reflection, Video };
