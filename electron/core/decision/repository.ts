import { randomUUID } from 'node:crypto';
import { ArmError, requestContentSchema, resultContentSchema, type Caller, type ResultContent, type ResultView } from '../../../shared/api';
import type { z } from 'zod';
import type { decideInputSchema } from '../../../shared/api/decision';
import { barcodeFromCms, encodeBarcode, fitsBarcode } from '../../../shared/results/barcode';
import { alsoIssued, documentFields, typedFields } from '../../../shared/results/templates';
import { canonicalBytes, canonicalSha256, fromBase64 } from '../../../shared/signing';
import type { CryptoProvider } from '../../../shared/crypto';
import { verifyJudged } from '../signing/judged';
import { requireSignerRole } from '../../../shared/signing/roles';
import { readSetting } from '../settings/store';
import { localDay, localDayCompact } from '../../../shared/time';
import { findById } from '../auth/accounts';
import type { Db } from '../db/database';
import { writeAttachment } from '../documents/store';
import type { Fonts } from '../resources';
import { renderResultPdf } from '../results/pdf';
import { nextInSequence } from '../db/sequences';
import { findAct, requireActFor } from '../chain/acts';
import { requireAssignee } from '../inbox/assignment';
import { departmentRequest } from '../inbox/repository';
import { readTrust, requireOrganisation } from '../inbox/settings';
import { findVariant } from '../inbox/variant';
import { enterQueue, REGISTER_FIELDS, registerOf, withdrawIfQueued } from '../queue/register';
import type { Variant } from '../../../shared/catalog/schema';
import { enqueue } from '../outbox/outbox';
import { findRequest, moveRequest, personName, type RequestRow } from '../requests/repository';

type Person = NonNullable<Caller>;
type CatalogResult = Variant['results'][number];

/** The head's position as printed under the signature (glossary: руководитель отдела / бөлім басшысы). */
export const HEAD_POSITION = { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' };

interface ResultRow {
  request_id: string;
  outcome: 'certificate' | 'refusal';
  number: string;
  content: string;
  content_sha256: string;
  signature: string | null;
  message_id: string | null;
}

function account(db: Db, caller: Person) {
  const user = findById(db, caller.userId);
  if (!user) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
  return user;
}

export function findResult(db: Db, requestId: string): ResultRow | null {
  return (db.prepare('SELECT * FROM results WHERE request_id = ?').get(requestId) as ResultRow | undefined) ?? null;
}

function requireResult(db: Db, requestId: string): ResultRow {
  const row = findResult(db, requestId);
  if (!row) throw new ArmError('STATE_CONFLICT', 'The request has no result yet.', undefined, { from: findRequest(db, requestId).state, to: 'resultSigned' });
  return row;
}

export function resultView(db: Db, requestId: string): ResultView {
  const row = requireResult(db, requestId);
  return { requestId, state: findRequest(db, requestId).state, content: resultContentSchema.parse(JSON.parse(row.content)), contentSha256: row.content_sha256, signed: row.signature !== null };
}

/** Result numbers: department-day-sequence, as request numbers are made at the centre. */
function nextResultNumber(db: Db, organisation: string, now: Date): string {
  const prefix = `${organisation}-${localDayCompact(now)}-`;
  return `${prefix}${String(nextInSequence(db, prefix, 'results')).padStart(4, '0')}`;
}

function invalid(path: string, message: string): ArmError {
  return new ArmError('VALIDATION_FAILED', `Invalid ${path}: ${message}.`, [{ path, message }]);
}

type CertificateInput = Extract<z.output<typeof decideInputSchema>, { outcome: 'certificate' }>;

/**
 * A document's fields exactly as its template asks; on a queue notice the number, the place and the
 * day of registration are the register's, never typed. Elsewhere such a key is the template's own
 * field (003 Reg.1: «зарегистрирован безработным: {fields.registeredOn}», a date the clerk enters).
 */
function checkFields(path: string, templateId: string, fields: Record<string, string>, queued = false): void {
  const typed = queued ? Object.keys(fields).filter((key) => REGISTER_FIELDS.includes(key)) : [];
  if (typed.length) throw new ArmError('QUEUE_POSITION_MANUAL', `The register gives ${typed.join(', ')}.`, [{ path: `${path}.${typed[0]}`, message: 'given by the queue register' }]);
  const expected = typedFields(templateId).map((field) => field.key).sort();
  const given = Object.keys(fields).sort();
  if (expected.join() !== given.join()) throw invalid(path, `expected ${expected.join(', ')}`);
}

/** A document's fields with those its template takes from the recorded act (003 Reg.7: the commission's date). */
function withAct(templateId: string, fields: Record<string, string>, actDate: string | null): Record<string, string> {
  const fromAct = documentFields(templateId).filter((field) => field.from === 'act' && actDate);
  return { ...fields, ...Object.fromEntries(fromAct.map((field) => [field.key, actDate!])) };
}

/**
 * The results this decision issues, as the regulation gives them: the one chosen where it offers
 * a choice (003 Reg.3: referral or queue notice), all of them where one decision issues several
 * (001 Reg.6, Reg.12: the main document and `also`), otherwise its one result.
 */
function chooseResults(variant: Variant, input: CertificateInput): { result: CatalogResult; also: Array<{ templateId: string; fields: Record<string, string> }> } {
  const templateId = input.templateId ?? variant.results[0]!.templateId;
  const index = variant.results.findIndex((candidate) => candidate.templateId === templateId);
  if (index < 0 || (index > 0 && variant.resultsIssued !== 'oneOf')) throw invalid('templateId', `one of ${variant.results.map((candidate) => candidate.templateId).join(', ')}`);
  const result = variant.results[index]!;
  checkFields('fields', result.templateId, input.fields, Boolean(result.queue));
  const also = input.also ?? [];
  const others = alsoIssued(variant);
  if (also.map((document) => document.templateId).join() !== others.join()) throw invalid('also', others.length ? `the decision also issues ${others.join(', ')}` : 'this regulation issues one document');
  also.forEach((document, at) => checkFields(`also.${at}.fields`, document.templateId, document.fields));
  return { result, also };
}

/** The last valid day: «в течение пяти дней со дня его выдачи», «1 (одного) месяца со дня выдачи». */
export function validUntil(issued: string, term: NonNullable<CatalogResult['validFor']>): string {
  const [year, month, day] = issued.split('-').map(Number) as [number, number, number];
  if (term.unit === 'days') return new Date(Date.UTC(year, month - 1, day + term.value)).toISOString().slice(0, 10);
  // A month later on the same day, or the month's last day where it has none (31 January → 28 February).
  const last = new Date(Date.UTC(year, month - 1 + term.value + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + term.value, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * The clerk's decision: the certificate's fields as its template asks, or a motivated refusal on
 * the regulation's grounds (the variant's list) with the clerk's text. inWork → decided.
 */
export function decide(db: Db, input: z.output<typeof decideInputSchema>, caller: Person, now: Date, training = false): ResultView {
  const request = departmentRequest(db, input.requestId);
  // Only the executor who holds the request decides it: two clerks never decide the same one.
  requireAssignee(db, request, caller);
  const content = requestContentSchema.parse(JSON.parse(request.content ?? 'null'));
  const variant = findVariant(content.serviceId, content.variantId);
  if (!variant) throw invalid('requestId', 'the service variant is not in the catalog');
  const chosen = input.outcome === 'certificate' ? chooseResults(variant, input) : null;
  const templateId = chosen ? chosen.result.templateId : variant.refusal.templateId;
  if (input.outcome === 'refusal') {
    const allowed = new Set(variant.refusalGrounds.map((ground) => ground.code));
    if (input.grounds.some((ground) => !allowed.has(ground))) throw invalid('grounds', 'not a ground of this regulation');
    checkFields('fields', templateId, input.fields ?? {});
  }
  // A certificate resting on the akimat's resolution or a commission waits for the act.
  requireActFor(db, request, input.outcome);
  const actDate = findAct(db, request.id)?.date ?? null;
  const clerk = account(db, caller);
  const wording = readSetting(db, 'results.genericWording');
  return db.transaction(() => {
    const previous = findResult(db, request.id);
    const result: ResultContent = {
      kind: input.outcome,
      number: previous?.number ?? nextResultNumber(db, requireOrganisation(db), now),
      date: localDay(now),
      request: { number: request.number, messageId: request.message_id!, serviceId: content.serviceId, variantId: content.variantId },
      provider: content.provider,
      centre: content.centre,
      templateId,
      applicant: { iin: content.applicant.iin, fullName: personName(content.applicant), address: content.applicant.address },
      fields: withAct(templateId, input.fields ?? {}, actDate),
      refusal: input.outcome === 'refusal' ? { grounds: [...new Set(input.grounds)], text: input.text } : null,
      preparedBy: { fullName: clerk.full_name },
      signer: null,
      ...(chosen?.result.validFor ? { validUntil: validUntil(localDay(now), chosen.result.validFor) } : {}),
      ...(chosen?.also.length ? { also: chosen.also.map((document) => ({ ...document, fields: withAct(document.templateId, document.fields, actDate) })) } : {}),
      // The supervisor's captions of the generic layout, as they are today: signed with the result.
      ...(wording ? { wording } : {}),
      ...(training ? { training: true as const } : {}),
    };
    // A queue notice puts the request in its register and prints the number and the place it gets.
    const queue = chosen?.result.queue;
    if (queue && input.outcome === 'certificate') {
      const person = queue === 'preschool' ? (input.fields.childName ?? '') : result.applicant.fullName;
      const register = registerOf(queue, input.fields);
      result.queue = enterQueue(db, { provider: content.provider, serviceId: content.serviceId, kind: queue, register, requestId: request.id, applicantIin: content.applicant.iin, person }, caller, now);
    } else withdrawIfQueued(db, request.id, caller, now);
    // The barcode carries the signed data (shared/results/barcode.ts): a result must fit in it.
    if (!fitsBarcode(result)) throw new ArmError('RESULT_TOO_LONG', 'The result is too long for its barcode.');
    moveRequest(db, request.id, 'decided', { userId: caller.userId, actor: caller.role }, now, { outcome: input.outcome });
    db.prepare(
      `INSERT INTO results (request_id, outcome, number, content, content_sha256, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (request_id) DO UPDATE SET outcome = excluded.outcome, content = excluded.content, content_sha256 = excluded.content_sha256,
         signature = NULL, signer = NULL, updated_at = excluded.updated_at`,
    ).run(request.id, input.outcome, result.number, JSON.stringify(result), canonicalSha256(result), now.toISOString());
    return resultView(db, request.id);
  })();
}

function decidedRequest(db: Db, requestId: string): RequestRow {
  const request = departmentRequest(db, requestId);
  if (request.state !== 'decided') throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} has no result to sign.`, undefined, { from: request.state, to: 'resultSigned' });
  return request;
}

/** The head's copy to sign: the result with the head named as the signer. */
export function prepareSigning(db: Db, requestId: string, caller: Person, now: Date): ResultView {
  decidedRequest(db, requestId);
  const head = account(db, caller);
  const row = requireResult(db, requestId);
  const content: ResultContent = { ...resultContentSchema.parse(JSON.parse(row.content)), signer: { fullName: head.full_name, iin: head.iin, position: HEAD_POSITION, organisation: head.organisation } };
  db.prepare('UPDATE results SET content = ?, content_sha256 = ?, updated_at = ? WHERE request_id = ?').run(JSON.stringify(content), canonicalSha256(content), now.toISOString(), requestId);
  return resultView(db, requestId);
}

/**
 * The head's signature over the prepared result, checked like any other (hash, chain, CRL, the
 * head's own IIN); then decided → resultSigned and the result message to the centre in the same
 * transaction, so the result is never signed without being on its way.
 */
export function approve(db: Db, requestId: string, cmsBase64: string, caller: Person, now: Date, crypto: CryptoProvider, documents: string[] = []): ResultView {
  const request = decidedRequest(db, requestId);
  const head = account(db, caller);
  const row = requireResult(db, requestId);
  const content = resultContentSchema.parse(JSON.parse(row.content));
  if (content.signer?.iin !== head.iin) throw new ArmError('STATE_CONFLICT', 'Prepare the result for your signature first.', undefined, { from: request.state, to: 'resultSigned' });
  const cms = fromBase64(cmsBase64);
  if (!cms) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
  const trust = readTrust(db);
  // The same check the centre makes on receipt (signing/judged.ts), here at this moment: no receipt yet.
  const verified = verifyJudged({ cms, content: canonicalBytes(content), trust, expectedIin: head.iin, now, crypto, receipt: null });
  // A result is signed with the first head's (or a may-sign) key, never an employee's (CERT_ROLE),
  // of this organisation when its BIN is set (CERT_ORGANISATION).
  requireSignerRole(verified.signer, 'result', readSetting(db, 'workstation.bin'));
  const messageId = randomUUID();
  return db.transaction(() => {
    db.prepare('UPDATE results SET signature = ?, signer = ?, message_id = ?, updated_at = ? WHERE request_id = ?').run(cmsBase64, JSON.stringify(verified.signer), messageId, now.toISOString(), requestId);
    moveRequest(db, requestId, 'resultSigned', { userId: caller.userId, actor: caller.role }, now);
    // Taken in at this office: the result waits here to be issued (results.issue), no message.
    if (content.centre === content.provider) return resultView(db, requestId);
    enqueue(
      db,
      {
        id: messageId,
        kind: content.kind === 'certificate' ? 'result' : 'refusal',
        from: content.provider,
        // A portal request's result goes to the portal (its «centre»), into the applicant's cabinet, with its signed PDFs.
        to: content.centre,
        service: content.request.serviceId,
        createdAt: now.toISOString(),
        attachments: documents,
        payload: content as unknown as Record<string, unknown>,
        signature: { format: 'cms', value: cmsBase64 },
      },
      requestId,
      now,
    );
    return resultView(db, requestId);
  })();
}

/**
 * The documents a portal request's result carries into the applicant's «личный кабинет» (seed 001
 * Рег.2 п.9 пп.11: «в форме электронного документа, удостоверенного ЭЦП»): the result as printed,
 * with the QR code of its signature, in Russian then Kazakh, in the documents store for the
 * outbox to upload. None for a centre's request (the centre prints it) or a signature that does not
 * read (approve refuses it with the reason).
 */
export async function cabinetDocuments(db: Db, requestId: string, cmsBase64: string, fonts: Fonts, dataDir: string): Promise<string[]> {
  const request = findRequest(db, requestId);
  const row = findResult(db, requestId);
  const cms = fromBase64(cmsBase64);
  if (!row || !cms || requestContentSchema.parse(JSON.parse(request.content ?? 'null')).channel !== 'portal') return [];
  const signed: unknown = JSON.parse(row.content);
  let barcode: string;
  try {
    barcode = encodeBarcode(barcodeFromCms(cms, signed));
  } catch {
    return [];
  }
  const content = resultContentSchema.parse(signed);
  const documents: string[] = [];
  for (const language of ['ru', 'kk'] as const) documents.push(writeAttachment(dataDir, await renderResultPdf(content, language, barcode, fonts)));
  return documents;
}

/** The head sends the result back to the clerk with a comment: decided → inWork. */
export function returnToClerk(db: Db, requestId: string, comment: string, caller: Person, now: Date): void {
  decidedRequest(db, requestId);
  db.transaction(() => {
    moveRequest(db, requestId, 'inWork', { userId: caller.userId, actor: caller.role }, now, { comment });
    db.prepare('UPDATE results SET signature = NULL, signer = NULL, updated_at = ? WHERE request_id = ?').run(now.toISOString(), requestId);
  })();
}
