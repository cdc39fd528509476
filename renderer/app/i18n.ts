import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { catalogs, languages, type Language } from '../../shared/i18n';

// i18next for the React binding and language switching; ICU (via i18next-icu) because Russian
// plurals need one/few/many and the printed documents share the same catalogs.
const LANGUAGE_KEY = 'arm.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return languages.find((language) => language === saved) ?? 'ru';
}

void i18next
  .use(ICU)
  .use(initReactI18next)
  .init({
    lng: savedLanguage(),
    fallbackLng: false,
    resources: { ru: { translation: catalogs.ru }, kk: { translation: catalogs.kk } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

document.documentElement.lang = i18next.language;

export function switchLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
