/**
 * Fills `{{name}}` placeholders of the UI strings (i18next's syntax) in the
 * browser, where i18next is not shipped. Unknown placeholders stay visible.
 */
export function fill(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
