import forge from 'node-forge';
import type { RequestContent } from '../../shared/api/requests';
import type { PortalRequest } from '../../shared/gateway/portal';
import { canonicalBytes, signDetached, toBase64 } from '../../shared/signing';
import { signGostDetached } from '../../shared/signing/gost/cms';
import { openGostKeyFile, readPkcs12 } from '../../shared/signing/gost/keyFile';
import { KZ_UTC_OFFSET_MINUTES } from '../../shared/time';

// The portal page's script (bundled for the browser into build/node/portal.js): log in, pick a
// service with a portal channel, fill it, attach copies, sign the request in the page with the
// citizen's own key file (RSA or GOST, the shared JS signer: nothing leaves the page but the
// signature), submit, and read the «личный кабинет».

interface Texts {
  language: 'ru' | 'kk';
  maxUploadBytes: number;
  portal: Record<string, string>;
  errors: Record<string, string>;
  states: Record<string, string>;
}

interface Service {
  serviceId: string;
  variantId: string;
  name: { ru: string; kk: string };
  region: { ru: string; kk: string };
  term: { value: number; unit: 'workingDays' | 'calendarDays' | 'minutes' } | null;
  fields: Array<{ key: string; label: { ru: string; kk: string }; type: string; required: boolean }>;
}

const texts = JSON.parse(document.getElementById('texts')!.textContent!) as Texts;
const t = texts.portal;
const lang = texts.language;
const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

class PortalError extends Error {
  constructor(
    readonly code: string,
    readonly cause?: string,
  ) {
    super(code);
  }
}

/** The translated refusal: the seeds' wording for the code, and the exact cause (e.g. CERT_REVOKED) after it. */
function describe(error: unknown): string {
  if (!(error instanceof PortalError)) return texts.errors.INTERNAL ?? String(error);
  const main = texts.errors[error.code] ?? error.code;
  const cause = error.cause && texts.errors[error.cause] ? `: ${texts.errors[error.cause]}` : '';
  return main + cause;
}

let token = sessionStorage.getItem('portal.token');

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = new Blob([body as BlobPart]);
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload ?? null });
  if (response.status === 401 && path !== '/portal/api/session') showLogin();
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { code: string; issues?: Array<{ message: string }> } } | null;
    throw new PortalError(answer?.error?.code ?? 'INTERNAL', answer?.error?.issues?.[0]?.message);
  }
  return (response.headers.get('content-type')?.includes('json') ? response.json() : response.arrayBuffer()) as Promise<T>;
}

// ── Signing in the page ──────────────────────────────────────────────────────────────────────────

/** RSA when forge finds an RSA key in the file, else GOST (НУЦ РК's GOSTKNCA files). */
function sign(file: Uint8Array, password: string, content: RequestContent): string {
  const bytes = canonicalBytes(content);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = readPkcs12(file, password);
  } catch (error) {
    if (error instanceof Error && /password|MAC/i.test(error.message)) throw new PortalError('KEY_PASSWORD_WRONG');
    throw new PortalError('KEY_FILE_INVALID');
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const key = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)].map((bag) => bag.key).find(Boolean) as forge.pki.rsa.PrivateKey | undefined;
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  if (key) {
    const certificates = bags(forge.pki.oids.certBag!).flatMap((bag) => (bag.cert ? [bag.cert] : []));
    const certificate = certificates.find((cert) => (cert.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
    if (!certificate) throw new PortalError('KEY_FILE_INVALID');
    return toBase64(signDetached({ content: bytes, key, certificate, signingTime }));
  }
  try {
    return toBase64(signGostDetached({ content: bytes, key: openGostKeyFile(file, password), signingTime, profile: 'kz' }));
  } catch (error) {
    throw new PortalError((error as { code?: string }).code ?? 'KEY_FILE_INVALID');
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const readFile = async (file: File) => new Uint8Array(await file.arrayBuffer());

// ── Screens ──────────────────────────────────────────────────────────────────────────────────────

let services: Service[] = [];
const PREFILLED = new Set(['applicantName', 'applicantAddress']);

function showLogin(): void {
  token = null;
  sessionStorage.removeItem('portal.token');
  $('login').hidden = false;
  $('portal').hidden = true;
}

function termText(service: Service): string {
  if (!service.term) return `${t.term}: ${t.noTerm}`;
  const units = { minutes: { ru: 'мин.', kk: 'мин.' }, workingDays: { ru: 'раб. дн.', kk: 'жұмыс күні' }, calendarDays: { ru: 'календ. дн.', kk: 'күнтізбелік күн' } };
  return `${t.term}: ${service.term.value} ${units[service.term.unit][lang]}`;
}

function renderFields(iin: string): void {
  const service = services.find((candidate) => candidate.variantId === ($('service') as HTMLSelectElement).value);
  const box = $('fields');
  box.querySelectorAll(':scope > :not(legend)').forEach((node) => node.remove());
  if (!service) return;
  $('service-term').textContent = termText(service);
  for (const field of service.fields) {
    const label = document.createElement('label');
    label.htmlFor = `field-${field.key}`;
    label.textContent = field.label[lang] + (field.required ? ' *' : '');
    const input = document.createElement('input');
    input.id = `field-${field.key}`;
    input.dataset.key = field.key;
    input.type = field.type === 'date' ? 'date' : 'text';
    // The portal fills the applicant's name and address from ГБД ФЛ when they are left blank.
    input.required = field.required && !PREFILLED.has(field.key);
    // The applicant is the citizen who is logged in: the request's IIN is theirs (and the certificate's).
    if (field.key === 'applicantIin') {
      input.value = iin;
      input.readOnly = true;
    }
    box.append(label, input);
  }
}

/** "2026-03-02" or "2026-03-02T14:10" as the page writes it: 02.03.2026 14:10. */
const localDate = (value: string) => {
  const [date = '', time] = value.split('T');
  return `${date.split('-').reverse().join('.')}${time ? ` ${time.slice(0, 5)}` : ''}`;
};

function notificationText(request: PortalRequest, note: PortalRequest['notifications'][number]): string {
  switch (note.kind) {
    case 'accepted':
      return note.date ? fill(t.accepted!, { number: request.number, due: localDate(note.date) }) : fill(t.acceptedNoTerm!, { number: request.number });
    case 'certificate':
    case 'refusal':
      return fill(t[`result.${note.kind}`]!, { number: note.number ?? '', date: note.date ? localDate(note.date) : '' });
    default:
      return fill(t[`status.${note.kind}`]!, { reason: note.reason ?? '' });
  }
}

/** An instant as Kazakhstan's local time (UTC+5, shared/time), written as the page writes dates. */
const localTime = (iso: string) => localDate(new Date(Date.parse(iso) + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16));

async function download(sha: string, name: string): Promise<void> {
  const bytes = await api<ArrayBuffer>('GET', `/portal/api/documents/${sha}`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function renderCabinet(): Promise<void> {
  const cabinet = await api<{ citizen: { iin: string; fullName: string }; requests: PortalRequest[] }>('GET', '/portal/api/cabinet');
  $('citizen').textContent = `${cabinet.citizen.fullName} (${t.iin} ${cabinet.citizen.iin})`;
  const box = $('cabinet');
  box.replaceChildren();
  if (cabinet.requests.length === 0) {
    box.textContent = t.empty!;
    return;
  }
  for (const request of cabinet.requests) {
    const service = services.find((candidate) => candidate.variantId === request.variantId);
    const article = document.createElement('article');
    article.className = 'request';
    article.dataset.number = request.number;
    const title = document.createElement('h3');
    title.textContent = `№ ${request.number} — ${service?.name[lang] ?? request.serviceId}`;
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = texts.states[request.state] ?? request.state;
    const heading = document.createElement('p');
    heading.textContent = `${t.notifications}: `;
    heading.append(state);
    const list = document.createElement('ul');
    for (const note of request.notifications) {
      const item = document.createElement('li');
      item.textContent = `${localTime(note.at)} — ${notificationText(request, note)}`;
      list.append(item);
    }
    article.append(title, heading, list);
    if (request.result) {
      const signed = document.createElement('p');
      signed.textContent = fill(t.signedBy!, { name: request.result.signer });
      article.append(signed);
      for (const document_ of request.result.documents) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${t.download} (${document_.language})`;
        button.addEventListener('click', () => void download(document_.sha256, `${request.result!.number}-${document_.language}.pdf`));
        article.append(button, ' ');
      }
    }
    box.append(article);
  }
}

async function showPortal(): Promise<void> {
  $('login').hidden = true;
  $('portal').hidden = false;
  services = (await api<{ services: Service[] }>('GET', '/portal/api/services')).services;
  const select = $('service') as HTMLSelectElement;
  select.replaceChildren(
    ...services.map((service) => {
      const option = document.createElement('option');
      option.value = service.variantId;
      option.textContent = `${service.name[lang]} — ${service.region[lang]} (${service.variantId})`;
      return option;
    }),
  );
  await renderCabinet();
  const iin = ($('citizen').textContent ?? '').match(/\d{12}/)?.[0] ?? '';
  renderFields(iin);
  select.onchange = () => renderFields(iin);
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  const iin = ($('login-iin') as HTMLInputElement).value.trim();
  const password = ($('login-password') as HTMLInputElement).value;
  api<{ token: string }>('POST', '/portal/api/session', { iin, password })
    .then((session) => {
      token = session.token;
      sessionStorage.setItem('portal.token', token);
      return showPortal();
    })
    .catch((error: unknown) => ($('login-error').textContent = describe(error)));
});

$('logout').addEventListener('click', () => {
  void api('POST', '/portal/api/session/end').finally(showLogin);
});

$('refresh').addEventListener('click', () => void renderCabinet());

$('request-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const status = $('request-status');
  const failure = $('request-error');
  const button = $('submit') as HTMLButtonElement;
  failure.textContent = '';
  status.textContent = t.signing!;
  button.disabled = true;
  (async () => {
    const files = [...(($('files') as HTMLInputElement).files ?? [])];
    // The one upload limit (shared/limits.ts), checked before anything is sent.
    if (files.some((file) => file.size > texts.maxUploadBytes)) throw new PortalError('FILE_TOO_LARGE');
    if (files.some((file) => file.size === 0)) throw new PortalError('FILE_EMPTY');
    const hashes: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      const hash = await sha256(bytes);
      await api('PUT', `/portal/api/files/${hash}`, bytes);
      hashes.push(hash);
    }
    const fields: Record<string, string> = {};
    $('fields')
      .querySelectorAll('input')
      .forEach((input) => {
        if (input.dataset.key && input.value) fields[input.dataset.key] = input.value;
      });
    const variantId = ($('service') as HTMLSelectElement).value;
    const { draftId, content } = await api<{ draftId: string; content: RequestContent }>('POST', '/portal/api/requests/prepare', { variantId, fields, files: hashes });
    const keyFile = ($('key-file') as HTMLInputElement).files?.[0];
    if (!keyFile) throw new PortalError('KEY_FILE_INVALID');
    const cms = sign(await readFile(keyFile), ($('key-password') as HTMLInputElement).value, content);
    const accepted = await api<PortalRequest>('POST', '/portal/api/requests', { draftId, cms });
    status.textContent = notificationText(accepted, accepted.notifications[0]!);
    ($('key-password') as HTMLInputElement).value = '';
    await renderCabinet();
  })()
    .catch((error: unknown) => {
      status.textContent = '';
      failure.textContent = describe(error);
    })
    .finally(() => (button.disabled = false));
});

if (token) void showPortal().catch(showLogin);
else showLogin();
