import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import kkKZ from 'antd/locale/kk_KZ';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Ant Design is the app's component library: it ships Kazakh (kk_KZ) and Russian (ru_RU) locales,
// a date picker, uploads, modals, notifications and tables that work by keyboard. Its locale packs
// do not set dayjs's own locale (month and weekday names in the picker), nor the day format: both
// are set here, dd.mm.yyyy in both languages (DAY_FORMAT).

dayjs.extend(customParseFormat);

/** How people in Kazakhstan write a day, in both languages (дд.мм.гггг / кк.аа.жжжж). */
export const DAY_FORMAT = 'DD.MM.YYYY';

/**
 * This load's CSP nonce: the host writes it into `<meta property="csp-nonce">` (vite html.cspNonce,
 * electron/security-policy.ts noncedPage); the browser hides the attribute, the property keeps it.
 */
function pageNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}
const csp = { nonce: pageNonce() };

/**
 * Ant Design's Table measures the scrollbar at each mount with a <style> that @rc-component/util
 * (getScrollBarSize) inserts into <head> without a nonce: ConfigProvider's csp does not reach it, so
 * the CSP refuses it and logs a violation. That one measuring style, and no other, gets this load's
 * nonce as Ant Design's own styles do.
 */
function nonceScrollbarMeasure(nonce: string | undefined): void {
  const head = document.head;
  const append = head.appendChild.bind(head);
  head.appendChild = <T extends Node>(node: T): T => {
    if (nonce && node instanceof HTMLStyleElement && !node.nonce && node.textContent?.includes('#rc-scrollbar-measure-')) node.nonce = nonce;
    return append(node);
  };
}
nonceScrollbarMeasure(csp.nonce);

// The app's calm palette (the hand-made styles' blue, and their field border: a field's edge is
// seen, antd's own light grey nearly vanishes on white), DejaVu Sans for full Kazakh Cyrillic. No
// motion: a counter screen changes at once (and a button fading in from disabled is, for a
// moment, text without contrast).
const theme: ThemeConfig = {
  token: { motion: false, colorPrimary: '#1d4f91', colorError: '#a12a1e', colorTextDescription: '#52606d', colorBorder: '#8a99a8', fontFamily: "'ARM Sans', sans-serif", fontSize: 15, borderRadius: 4 },
};

export function AntProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const kk = i18n.language === 'kk';
  // Before the children render: the picker's month names follow the switch at once.
  dayjs.locale(kk ? 'kk' : 'ru');
  return (
    <ConfigProvider locale={kk ? kkKZ : ruRU} csp={csp} theme={theme}>
      {/* AntApp: notifications and modals that take this provider's locale and nonce. */}
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
