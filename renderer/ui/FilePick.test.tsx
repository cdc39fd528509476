import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n';
import { FilePick } from './FilePick';

// The browser's own file input says «Choose File / No file chosen» in the system's language; the
// picker speaks the screen's language and its button is named by the field's label.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'kk', fallbackLng: false, resources: { ru: { translation: catalogs.ru }, kk: { translation: catalogs.kk } } });
});

function render(language: 'ru' | 'kk'): string {
  void i18n.changeLanguage(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <FilePick label="Кілт файлы" accept=".p12" onFile={() => undefined} data-testid="key" />
    </I18nextProvider>,
  );
}

describe('FilePick', () => {
  it('says choose and nothing chosen in Kazakh and in Russian, never the browser’s English', () => {
    const kk = render('kk');
    expect(kk).toContain(catalogs.kk.filePick.choose);
    expect(kk).toContain(catalogs.kk.filePick.none);
    const ru = render('ru');
    expect(ru).toContain(catalogs.ru.filePick.choose);
    expect(ru).not.toMatch(/Choose File|No file chosen/);
  });

  it('gives the file input the label as its name and the test id; the button is only its face', () => {
    const html = render('ru');
    expect(html).toMatch(/<input[^>]*aria-label="Кілт файлы"[^>]*data-testid="key"|<input[^>]*data-testid="key"[^>]*aria-label="Кілт файлы"/);
    expect(html).toMatch(/<input[^>]*type="file"[^>]*accept=".p12"|<input[^>]*accept=".p12"[^>]*type="file"/);
    expect(html).toMatch(/<button[^>]*aria-hidden="true"/);
  });
});
