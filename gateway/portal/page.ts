import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kk from '../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../shared/i18n/ru.json' with { type: 'json' };
import { MAX_UPLOAD_BYTES } from '../../shared/limits';
import { PORTAL_STYLE } from './style';

// The portal page (ПЭП) the emulator serves at /portal/ for training and tests: server-rendered
// HTML in ru or kk, one stylesheet and one bundled script (gateway/portal/browser.ts, built by
// scripts/build-node.mjs into build/node/portal.js beside gateway.cjs), under a strict CSP.

/** Nothing from elsewhere, no inline script or style, no framing: the page only calls its own API. */
export const PORTAL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

interface PageReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const texts = { ru, kk } as const;
type Language = keyof typeof texts;

/** The bundled script: beside the gateway's own bundle; absent when the emulator runs from source. */
function script(): Buffer | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, 'portal.js');
  return existsSync(file) ? readFileSync(file) : null;
}

function html(language: Language, trainingProvider: string | null): string {
  const t = texts[language].portal;
  const other: Language = language === 'ru' ? 'kk' : 'ru';
  // What the script needs to speak the page's language: its own words and the error codes'.
  const data = JSON.stringify({ language, maxUploadBytes: MAX_UPLOAD_BYTES, portal: t, errors: texts[language].errors, states: texts[language].requestState }).replace(/</g, '\\u003c');
  const field = (id: string, label: string, type: string, extra = '') => `<label for="${id}">${escape(label)}</label><input id="${id}" name="${id}" type="${type}" ${extra}>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)}</title>
<link rel="stylesheet" href="/portal/app.css">
</head>
<body>
<header><h1>${escape(t.title)}</h1><a id="language" href="/portal/?lang=${other}" lang="${other}">${escape(t.otherLanguage)}</a></header>
<p class="training" role="note">${escape(t.training)}${trainingProvider ? ` ${escape(t.trainingRoute.replace('{provider}', trainingProvider))}` : ''}</p>
<main>
<section id="login" aria-labelledby="login-title">
<h2 id="login-title">${escape(t.login)}</h2>
<form id="login-form" class="grid">
${field('login-iin', t.iin, 'text', 'inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="username" required')}
${field('login-password', t.password, 'password', 'autocomplete="current-password" required')}
<button type="submit">${escape(t.signIn)}</button>
</form>
<p id="login-error" class="error" role="alert"></p>
</section>
<section id="portal" hidden>
<p class="who"><span id="citizen"></span> <button id="logout" type="button">${escape(t.signOut)}</button></p>
<h2>${escape(t.services)}</h2>
<form id="request-form" class="grid">
<label for="service">${escape(t.service)}</label><select id="service" required></select>
<p id="service-term" class="wide"></p>
<fieldset id="fields" class="wide grid"><legend>${escape(t.fields)}</legend></fieldset>
<label for="files">${escape(t.files)}</label><input id="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png">
<p class="hint wide">${escape(t.filesHint.replace('{limit}', String(MAX_UPLOAD_BYTES / 1024 / 1024)))}</p>
<fieldset class="wide grid"><legend>${escape(t.key)}</legend>
${field('key-file', t.keyFile, 'file', 'accept=".p12,.pfx" required')}
${field('key-password', t.keyPassword, 'password', 'autocomplete="off" required')}
</fieldset>
<button type="submit" id="submit">${escape(t.submit)}</button>
<p id="request-status" class="wide" role="status"></p>
<p id="request-error" class="wide error" role="alert"></p>
</form>
<h2>${escape(t.cabinet)}</h2>
<p><button id="refresh" type="button">${escape(t.refresh)}</button></p>
<div id="cabinet" aria-live="polite"></div>
</section>
</main>
<script type="application/json" id="texts">${data}</script>
<script src="/portal/app.js"></script>
</body>
</html>
`;
}

const headers = (type: string) => ({ 'Content-Type': type, 'Content-Security-Policy': PORTAL_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });

/** The page and its two files, or null for any other path (the API rows of the endpoint table). */
export function portalPage(url: URL, trainingProvider: string | null = null): PageReply | null {
  if (url.pathname === '/portal' || url.pathname === '/portal/') {
    const language: Language = url.searchParams.get('lang') === 'kk' ? 'kk' : 'ru';
    return { status: 200, headers: headers('text/html; charset=utf-8'), body: html(language, trainingProvider) };
  }
  if (url.pathname === '/portal/app.css') return { status: 200, headers: headers('text/css; charset=utf-8'), body: PORTAL_STYLE };
  if (url.pathname === '/portal/app.js') {
    const body = script();
    if (!body) return { status: 404, headers: headers('text/plain; charset=utf-8'), body: 'The portal script is built by npm run build (build/node/portal.js).' };
    return { status: 200, headers: headers('text/javascript; charset=utf-8'), body };
  }
  return null;
}
