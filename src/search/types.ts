/** A searchable piece of a lesson: what a result shows and links to. */
export interface SearchDocument {
  /** Root-relative page path with the heading fragment, e.g. `en/m/lesson/#heading`. */
  ref: string;
  lessonTitle: string;
  moduleTitle: string;
  heading: string;
  /** The start of the section's text, for the result snippet. */
  excerpt: string;
}

export const searchIndexFileName = 'search-index.json';
