/** A stored ISO time as the operator reads it: their language, their clock. */
export function when(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
