import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { ArmError } from '../shared/api/errors';
import { PORTAL_CODE, requestContentSchema, type RequestContent } from '../shared/api/requests';
import { serviceDeadline } from '../shared/catalog/catalog';
import { appliesIn } from '../shared/catalog/reach';
import type { Variant } from '../shared/catalog/schema';
import type { GatewayMessage, Person } from '../shared/gateway/api';
import type { PortalRequest } from '../shared/gateway/portal';
import { canonicalBytes, fromBase64, parseCrl, verifyDetached } from '../shared/signing';
import { requireSignerRole } from '../shared/signing/roles';
import { localDateTime, localDayCompact } from '../shared/time';
import type { Attachments } from './attachments';
import type { GatewayDb } from './db/database';
import { GatewayError } from './errors';
import type { Messages } from './messages';
import type { Registries } from './registries';
import { demoIins } from './seed/demo';
import { catalog } from './seed/directory';
import type { GatewayTrust } from './signature';

// The citizen portal (ПЭП / ЭҮП) as the emulator plays it for training and tests, after the
// regulations' portal procedure (seed 001 Рег.2 п.9, seed 000 п.6): «условие 1» — the citizen logs in
// with IIN and password; «процесс 3» — picks a service, fills the form, attaches electronic copies,
// signs with their own ЭЦП; «условие 2» — the portal checks the certificate's validity, its absence
// from the revocation list and that the IIN of the request is the certificate's, refusing «в связи с
// не подтверждением подлинности ЭЦП»; «процесс 5» — the request goes through the gateway to the
// provider's АРМ. Results and refusals signed by the provider come back into the «личный кабинет».

/** The password of every demo citizen (docs/gateway-api.md, "The portal"). */
export const PORTAL_DEMO_PASSWORD = 'portal-2026';
/**
 * Demo citizens: persons of the ГБД ФЛ demo data, one at least in each district of a regulation
 * (Kokpekty, Uralsk, Zhambyl, M. Zhumabaev, Karaganda), since the portal offers each only the
 * services in force where they live. The mother's and the guardian's keys are in the test PKI
 * (citizen*.p12); the catalog walk issues the others' keys itself.
 */
export const PORTAL_DEMO_CITIZENS = [demoIins.mother, demoIins.guardian, demoIins.attorney, demoIins.zhumabaevResident, demoIins.karagandaResident] as const;

/** A session lives an hour after its last call; its files and drafts go with it. */
const SESSION_MS = 60 * 60_000;
const MAX_FILES = 20;
const MAX_DRAFTS = 10;

interface Session {
  iin: string;
  fullName: string;
  lastUsed: number;
  files: Map<string, Buffer>;
  drafts: Map<string, RequestContent>;
}

function hash(password: string, salt: string): string {
  return scryptSync(password, salt, 32).toString('hex');
}

const fullName = (person: Person) => [person.surname.ru, person.name.ru, person.patronymic?.ru].filter(Boolean).join(' ');

export function portalChannel(variant: Variant) {
  return variant.channels.find((channel) => channel.kind === 'portal') ?? null;
}

function findVariant(variantId: string): Variant | null {
  for (const service of catalog.services) {
    const found = service.variants.find((variant) => variant.id === variantId);
    if (found) return found;
  }
  return null;
}

/**
 * What may reach a cabinet: a status notice, result or refusal for a request filed on the portal,
 * from the provider it went to, and (a result) for the applicant whose cabinet it is. Anything else
 * is CABINET_NOT_OWNED, and nothing of it is stored.
 */
export function createCabinetCheck(db: GatewayDb) {
  const filed = db.prepare<[string], { iin: string; provider: string }>('SELECT iin, provider FROM portal_requests WHERE message_id = ?');
  return (message: GatewayMessage): void => {
    const payload = message.payload as { messageId?: unknown; request?: { messageId?: unknown }; applicant?: { iin?: unknown } };
    const requestId = message.kind === 'status' ? payload.messageId : payload.request?.messageId;
    const request = typeof requestId === 'string' ? filed.get(requestId) : undefined;
    const owner = message.kind === 'status' || payload.applicant?.iin === request?.iin;
    if (!request || request.provider !== message.from || !owner) {
      throw new GatewayError('CABINET_NOT_OWNED', 'No request of this applicant in the portal matches the message.', { status: 422, issues: [{ path: 'payload', message: String(requestId) }] });
    }
  };
}

export interface PortalOptions {
  db: GatewayDb;
  now: () => Date;
  trust: GatewayTrust | null;
  registries: Registries;
  attachments: Attachments;
  messages: Messages;
}

export function createPortal({ db, now, trust, registries, attachments, messages }: PortalOptions) {
  const sessions = new Map<string, Session>();
  const crls = trust ? trust.crls.map((der) => parseCrl(der)) : [];

  const seed = db.prepare('INSERT OR IGNORE INTO portal_citizens (iin, password_salt, password_hash) VALUES (?, ?, ?)');
  for (const iin of PORTAL_DEMO_CITIZENS) {
    const salt = randomBytes(16).toString('hex');
    seed.run(iin, salt, hash(PORTAL_DEMO_PASSWORD, salt));
  }
  const citizenOf = db.prepare<[string], { password_salt: string; password_hash: string }>('SELECT password_salt, password_hash FROM portal_citizens WHERE iin = ?');
  const insertRequest = db.prepare(
    'INSERT INTO portal_requests (message_id, iin, number, service, variant, provider, submitted_at, due_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const numberTaken = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM portal_requests WHERE number = ?');
  const requestsOf = db.prepare<[string], { message_id: string; number: string; service: string; variant: string; provider: string; submitted_at: string; due_by: string | null }>(
    'SELECT * FROM portal_requests WHERE iin = ? ORDER BY submitted_at DESC',
  );
  // What the providers sent back to the portal about one request, in the order the gateway took it.
  const repliesTo = db.prepare<[string, string, string], { body: string; received_at: string }>(
    `SELECT body, received_at FROM messages WHERE recipient = ?
       AND (json_extract(body, '$.payload.messageId') = ? OR json_extract(body, '$.payload.request.messageId') = ?) ORDER BY seq`,
  );

  /** The session of the call's bearer token; UNAUTHORIZED (401) without one. */
  function session(authorization: string | undefined): Session & { token: string } {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    const found = sessions.get(token);
    const at = now().getTime();
    if (!found || at - found.lastUsed > SESSION_MS) {
      sessions.delete(token);
      throw new GatewayError('UNAUTHORIZED', 'Log in to the portal first.', { status: 401 });
    }
    found.lastUsed = at;
    return Object.assign(found, { token });
  }

  function loginRefused(): GatewayError {
    return new GatewayError('PORTAL_LOGIN_REFUSED', 'The IIN and password do not match a registered citizen.', { status: 401 });
  }

  function cabinetEntry(row: ReturnType<typeof requestsOf.all>[number]): PortalRequest {
    const notifications: PortalRequest['notifications'] = [{ at: row.submitted_at, kind: 'accepted', number: row.number, date: row.due_by, reason: null }];
    let state: PortalRequest['state'] = 'sent';
    let result: PortalRequest['result'] = null;
    for (const reply of repliesTo.all(PORTAL_CODE, row.message_id, row.message_id)) {
      const message = JSON.parse(reply.body) as GatewayMessage;
      if (message.kind === 'status') {
        const notice = message.payload as { state: 'registered' | 'inWork' | 'decided' | 'returned'; at: string; reason?: string };
        notifications.push({ at: notice.at, kind: notice.state, number: null, date: null, reason: notice.reason ?? null });
        if (state !== 'issued') state = notice.state;
      } else {
        const content = message.payload as { kind: 'certificate' | 'refusal'; number: string; date: string; signer: { fullName: string } | null };
        notifications.push({ at: reply.received_at, kind: content.kind, number: content.number, date: content.date, reason: null });
        // The provider attaches the signed PDF in Russian, then in Kazakh (electron/core/decision).
        const languages = ['ru', 'kk'] as const;
        result = {
          kind: content.kind,
          number: content.number,
          date: content.date,
          signer: content.signer?.fullName ?? '',
          documents: message.attachments.slice(0, 2).map((sha256, index) => ({ sha256, language: languages[index]! })),
        };
        state = 'issued';
      }
    }
    return {
      messageId: row.message_id,
      number: row.number,
      serviceId: row.service,
      variantId: row.variant,
      provider: row.provider,
      submittedAt: row.submitted_at,
      dueBy: row.due_by,
      state,
      notifications,
      result,
    };
  }

  return {
    login({ iin, password }: { iin: string; password: string }) {
      const citizen = citizenOf.get(iin);
      if (!citizen) throw loginRefused();
      const expected = Buffer.from(citizen.password_hash, 'hex');
      if (!timingSafeEqual(expected, Buffer.from(hash(password, citizen.password_salt), 'hex'))) throw loginRefused();
      let person: Person;
      try {
        person = registries.person(iin);
      } catch {
        // «нарушения в данных услугополучателя»: ГБД ФЛ does not hold the person.
        throw loginRefused();
      }
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { iin, fullName: fullName(person), lastUsed: now().getTime(), files: new Map(), drafts: new Map() });
      return { token, citizen: { iin, fullName: fullName(person) } };
    },

    logout(authorization: string | undefined) {
      sessions.delete(session(authorization).token);
      return { status: 'ended' as const };
    },

    /** Every variant that names the portal as a channel and whose regulation is in force where the citizen lives, with the portal's own term. */
    services(authorization: string | undefined) {
      const held = session(authorization);
      const district = registries.person(held.iin).district;
      return {
        services: catalog.services.flatMap((service) =>
          service.variants.flatMap((variant) => {
            const channel = portalChannel(variant);
            if (!channel || !appliesIn(variant, district)) return [];
            return [
              {
                serviceId: service.id,
                variantId: variant.id,
                name: service.name,
                region: variant.region,
                term: channel.term ? { value: channel.term.value, unit: channel.term.unit } : null,
                fields: variant.applicationForm.fields.map((field) => ({ key: field.key, label: field.label, type: field.type, required: field.required })),
              },
            ];
          }),
        ),
      };
    },

    /** Holds an electronic copy for the next request; stored at the gateway only with the request. */
    file(authorization: string | undefined, sha256: string, content: Buffer) {
      const held = session(authorization);
      if (content.length === 0) throw new GatewayError('FILE_EMPTY', 'The file is empty.', { status: 400 });
      // Checks the name against the bytes as any attachment is checked.
      const checked = attachments.check(sha256, content);
      if (!held.files.has(sha256) && held.files.size >= MAX_FILES) throw new GatewayError('PAYLOAD_TOO_LARGE', `At most ${MAX_FILES} files per request.`);
      held.files.set(sha256, content);
      return checked;
    },

    /**
     * The content the citizen signs: routed to the provider of their district, numbered, with the
     * portal channel's term from the catalog (some are minutes). A variant without a portal channel
     * is PORTAL_CHANNEL_MISSING; one whose regulation is not in force in the citizen's district
     * (shared/catalog/reach.ts) is REGULATION_NOT_IN_FORCE — another region's akimat approved it, and
     * no provider there follows it. Nothing is stored: the draft lives in the session.
     */
    prepare(authorization: string | undefined, input: { variantId: string; fields: Record<string, string>; files: string[] }) {
      const held = session(authorization);
      const variant = findVariant(input.variantId);
      if (!variant) throw new GatewayError('NOT_FOUND', `No service variant ${input.variantId}.`, { issues: [{ path: 'variantId', message: input.variantId }] });
      if (!portalChannel(variant)) throw new GatewayError('PORTAL_CHANNEL_MISSING', `Variant ${variant.id} names no portal channel.`, { status: 422, issues: [{ path: 'variantId', message: variant.id }] });
      const person = registries.person(held.iin);
      if (!appliesIn(variant, person.district)) {
        throw new GatewayError('REGULATION_NOT_IN_FORCE', `The regulation of ${variant.id} is not in force in ${person.district}.`, { status: 422, issues: [{ path: 'variantId', message: variant.id }] });
      }
      const form = variant.applicationForm.fields;
      // The applicant's IIN is the logged-in citizen's (the certificate must match it); name and
      // address come from ГБД ФЛ when the citizen leaves them blank, as the portal prefills them.
      const known: Record<string, string> = { applicantName: fullName(person), applicantAddress: person.address.ru };
      const fields: Record<string, string> = {};
      for (const field of form) {
        const value = field.key === 'applicantIin' ? held.iin : (input.fields[field.key] ?? '').trim() || (known[field.key] ?? '');
        if (field.required && !value) throw new GatewayError('FIELDS_MISSING', `Field ${field.key} is required.`, { status: 400, issues: [{ path: `fields.${field.key}`, message: 'required' }] });
        if (value) fields[field.key] = value;
      }
      const unknownField = Object.keys(input.fields).find((key) => !form.some((field) => field.key === key));
      if (unknownField) throw new GatewayError('VALIDATION_FAILED', `The form has no field ${unknownField}.`, { issues: [{ path: `fields.${unknownField}`, message: 'unknown' }] });
      const missing = input.files.filter((sha256) => !held.files.has(sha256));
      if (missing.length > 0) throw new GatewayError('ATTACHMENT_NOT_FOUND', 'Upload the files first.', { status: 422, issues: missing.map((sha256) => ({ path: 'files', message: sha256 })) });
      // In training the directory names the provider the training АРМ plays (registries.ts).
      const provider = registries.route(variant.serviceId, person.district).provider.code;
      const at = now();
      let dueBy: string | null;
      try {
        dueBy = serviceDeadline(variant, 'portal', localDateTime(at))?.due ?? null;
      } catch (error) {
        if (error instanceof ArmError) throw new GatewayError(error.code, error.message);
        throw error;
      }
      const number = `EGOV-${localDayCompact(at)}-${randomBytes(3).toString('hex').toUpperCase()}`;
      const files = [...new Set(input.files)];
      const content: RequestContent = {
        number,
        serviceId: variant.serviceId,
        variantId: variant.id,
        channel: 'portal',
        applicant: {
          iin: person.iin,
          surname: person.surname.ru,
          name: person.name.ru,
          patronymic: person.patronymic?.ru ?? null,
          birthDate: person.birthDate,
          address: person.address.ru,
          source: 'registry',
        },
        representative: null,
        powerOfAttorney: null,
        fields,
        checklist: files.length
          ? [{ document: 0, presented: true, form: 'copy', attachments: files, name: { ru: 'Электронные копии документов (портал)', kk: 'Құжаттардың электрондық көшірмелері (портал)' } }]
          : [],
        operator: null,
        centre: PORTAL_CODE,
        provider,
        acceptedAt: at.toISOString(),
        dueBy,
      };
      const draftId = randomUUID();
      if (held.drafts.size >= MAX_DRAFTS) held.drafts.delete(held.drafts.keys().next().value!);
      held.drafts.set(draftId, requestContentSchema.parse(content));
      return { draftId, content };
    },

    /**
     * «Условие 2», then «процесс 5»: the signature must verify against the trusted roots and the
     * CRL at the portal's clock, with the IIN of the request in the certificate and a private
     * person's key; otherwise SIGNATURE_NOT_CONFIRMED (the exact cause in `issues`) and nothing is
     * stored. Accepted, the files, the message and the cabinet's entry are stored in one transaction.
     */
    async submit(authorization: string | undefined, input: { draftId: string; cms: string }): Promise<{ created: boolean; value: PortalRequest }> {
      const held = session(authorization);
      const content = held.drafts.get(input.draftId);
      if (!content) throw new GatewayError('NOT_FOUND', 'No prepared request with this id: prepare it again.', { issues: [{ path: 'draftId', message: input.draftId }] });
      const notConfirmed = (code: string, reason: string) =>
        new GatewayError('SIGNATURE_NOT_CONFIRMED', `The applicant's ЭЦП is not confirmed: ${reason}`, { status: 422, issues: [{ path: 'cms', message: code }] });
      const cms = fromBase64(input.cms);
      if (!cms) throw notConfirmed('SIGNATURE_INVALID', 'the signature is not base64.');
      if (!trust) throw notConfirmed('CRL_UNAVAILABLE', 'the portal has no trusted roots to check it against.');
      try {
        const verified = verifyDetached({ cms, content: canonicalBytes(content), trustedRoots: trust.roots, crls, expectedIin: content.applicant.iin, now: now() });
        requireSignerRole(verified.signer, 'citizenRequest', null);
      } catch (error) {
        if (error instanceof ArmError) throw notConfirmed(error.code, error.message);
        throw notConfirmed('SIGNATURE_INVALID', 'the signature cannot be read.');
      }
      if (numberTaken.get(content.number)) throw new GatewayError('MESSAGE_ID_CONFLICT', 'This request was submitted already.');
      const files = content.checklist.flatMap((item) => item.attachments);
      const message: GatewayMessage = {
        id: randomUUID(),
        kind: 'request',
        from: PORTAL_CODE,
        to: content.provider,
        service: content.serviceId,
        createdAt: now().toISOString(),
        attachments: files,
        payload: content as unknown as Record<string, unknown>,
        signature: { format: 'cms', value: input.cms },
      };
      await messages.send(message, {
        storeWith: () => {
          for (const sha256 of files) attachments.putWithin(sha256, held.files.get(sha256)!);
          insertRequest.run(message.id, content.applicant.iin, content.number, content.serviceId, content.variantId, content.provider, content.acceptedAt, content.dueBy);
        },
      });
      held.drafts.delete(input.draftId);
      for (const sha256 of files) held.files.delete(sha256);
      return { created: true, value: cabinetEntry(requestsOf.all(held.iin).find((row) => row.message_id === message.id)!) };
    },

    /** «Личный кабинет»: the citizen's requests, newest first, each with its notifications and result. */
    cabinet(authorization: string | undefined) {
      const held = session(authorization);
      return { citizen: { iin: held.iin, fullName: held.fullName }, requests: requestsOf.all(held.iin).map(cabinetEntry) };
    },

    /** A result's document, only from the caller's own cabinet (NOT_FOUND otherwise, whoever else's it is). */
    document(authorization: string | undefined, sha256: string): Buffer {
      const held = session(authorization);
      const owned = requestsOf.all(held.iin).some((row) => cabinetEntry(row).result?.documents.some((document) => document.sha256 === sha256));
      if (!owned) throw new GatewayError('NOT_FOUND', 'No such document in your cabinet.');
      return attachments.get(sha256);
    },
  };
}

export type Portal = ReturnType<typeof createPortal>;
