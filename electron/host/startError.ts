import { ArmError } from '../../shared/api';
import { catalogs, languages } from '../../shared/i18n';

/**
 * What a host tells the person when the core cannot start (another АРМ holds the data folder):
 * the translated message in both languages, since nobody has chosen one before login. Other
 * errors keep their own text.
 */
export function startErrorText(error: unknown): string {
  if (!(error instanceof ArmError)) return error instanceof Error ? error.message : String(error);
  const lines = languages.map((language) => {
    const template = (catalogs[language].errors as Record<string, string | undefined>)[error.code];
    if (!template) return null;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(error.params?.[name] ?? whole));
  });
  const translated = lines.filter((line): line is string => line !== null);
  return translated.length > 0 ? translated.join('\n') : error.message;
}
