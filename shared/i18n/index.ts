import kk from './kk.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };

export const languages = ['ru', 'kk'] as const;
export type Language = (typeof languages)[number];

/** ICU MessageFormat catalogs, shared by the renderer and, later, the core's printed documents. */
export const catalogs: Record<Language, typeof ru> = { ru, kk };

/** Dotted keys of a nested catalog ("errors.DB_CORRUPT"). */
export function flatten(tree: object, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[name] = value;
    else Object.assign(flat, flatten(value as object, name));
  }
  return flat;
}
