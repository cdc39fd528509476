import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG as PngImage } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import { ArmError, type RequestContent } from '../../../shared/api';
import { leaseAnswerSchema } from '../../../shared/gateway/api';
import { canonicalSha256, certificatePem, crlPem, toBase64 } from '../../../shared/signing';
import { createDemoPki, makeBin, type DemoPki } from '../../../shared/signing/testPki';
import { listAudit } from '../audit/log';
import { writeSettings } from '../settings/store';
import { findRequest, moveRequest } from '../requests/repository';
import { signPayload } from '../signing/sign';
import { codeOf, testCore } from '../testing';
import { nodeCrypto } from '../crypto/node';

// The counter end to end against the real gateway emulator: draft, look-ups, PoA, checklist,
// scans, signature, queue, receipt.

const MOTHER = '900412400014';
const FATHER = '880903300010';
const GUARDIAN = '751130400011';
const ATTORNEY = '820125300010';
const START = Date.parse('2026-03-02T09:00:00Z');

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(START), only: ['operator', 'foreignIin'] });
});

const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

async function setup(options: { gateway?: boolean; dataDir?: string; centre?: boolean; start?: string } = {}) {
  // One clock for the workstation and the gateway: the АРМ keeps the gateway's time (clock trust).
  const clock = { now: options.start ? Date.parse(options.start) : START };
  const gateway = options.gateway === false ? null : await startTestGateway({ now: () => new Date(clock.now) });
  if (gateway) gateways.push(gateway);
  const t = testCore({ gateway, clock, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  const supervisor = t.as('supervisor', '880315400010');
  const operatorWindow = t.signIn('operator', pki.keys.operator.person.iin);
  const operator = t.window(operatorWindow);
  if (options.centre !== false) await supervisor.intake.setCentre({ code: 'con-kokpekty', district: 'kokpekty' });
  // The trust the operator's signature is checked with at submit (the supervisor's roots and CRL).
  writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date(START));
  return { ...t, gateway, supervisor, operator, operatorWindow };
}

/** A guardianship draft of the mother represented by an attorney with a simple written PoA (its scan still missing). */
async function representedDraft(t: Awaited<ReturnType<typeof setup>>) {
  const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
  await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
  await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
  return t.operator.intake.powerOfAttorney({ requestId, kind: 'simple' });
}

function sign(content: RequestContent, key: 'operator' | 'foreignIin' = 'operator', now = new Date(START)): string {
  const signed = signPayload({ crypto: nodeCrypto(), keyFile: pki.keys[key].p12, password: 'demo-2026', payload: content, expectedIin: pki.keys[key].person.iin, now });
  return toBase64(signed.cms);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082', 'hex');

describe('intake: the workstation centre', () => {
  it('refuses a draft until the supervisor sets the centre; only the supervisor sets it, checked in the directory', async () => {
    const t = await setup({ centre: false });
    expect(await codeOf(t.operator.intake.start({ serviceId: 'guardianship-certificate' }))).toBe('CENTRE_NOT_SET');
    expect(await codeOf(t.operator.intake.setCentre({ code: 'con-kokpekty', district: 'kokpekty' }))).toBe('FORBIDDEN');
    expect(await codeOf(t.supervisor.intake.setCentre({ code: 'con-kokpekty', district: 'uralsk' }))).toBe('ORGANISATION_NOT_FOUND');
    expect(await codeOf(t.supervisor.intake.setCentre({ code: 'edu-kokpekty', district: 'kokpekty' }))).toBe('ORGANISATION_NOT_FOUND');
    expect(await t.operator.intake.centre()).toBeNull();
    await t.supervisor.intake.setCentre({ code: 'con-kokpekty', district: 'kokpekty' });
    expect(await t.operator.intake.centre()).toEqual({ code: 'con-kokpekty', district: 'kokpekty' });
  });

  it('takes the regulation of the centre’s region and routes the provider; a service without a centre channel there is refused', async () => {
    const t = await setup();
    const draft = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    expect(draft).toMatchObject({ variantId: '003-r4', provider: 'edu-kokpekty', centre: 'con-kokpekty', state: 'draft', channel: 'centre' });
    expect(draft.number).toMatch(/^con-kokpekty-20260302-\d{4}$/);
    // 003-r2 (home schooling of disabled children) has no ЦОН channel.
    expect(await codeOf(t.operator.intake.start({ serviceId: 'disabled-child-home-support' }))).toBe('SERVICE_NOT_OFFERED');
    // Uralsk's guardianship regulation (001-r2) is portal only.
    await t.supervisor.intake.setCentre({ code: 'con-uralsk', district: 'uralsk' });
    expect(await codeOf(t.operator.intake.start({ serviceId: 'guardianship-certificate' }))).toBe('SERVICE_NOT_OFFERED');
  });

  it('routes from the cached organisations reference while the gateway is down, and refuses without one', async () => {
    const t = await setup();
    await t.gateway!.call('/_control/faults', postJson({ mode: 'error500' }));
    expect((await t.operator.intake.start({ serviceId: 'preschool-queue' })).provider).toBe('edu-kokpekty');
    const offline = await setup({ gateway: false, centre: false });
    await offline.supervisor.intake.setCentre({ code: 'con-kokpekty', district: 'kokpekty' });
    expect(await codeOf(offline.operator.intake.start({ serviceId: 'preschool-queue' }))).toBe('ROUTE_OFFLINE');
  });
});

describe('intake: applicant and representative', () => {
  it('fills the applicant from ГБД ФЛ in the applicant’s language; not found and offline are told apart', async () => {
    const t = await setup();
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.saveDraft({ requestId, language: 'kk', represented: false, fields: {}, checklist: [] });
    const draft = await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: FATHER });
    expect(draft.applicant).toMatchObject({ iin: FATHER, surname: 'Сәрсенбаев', name: 'Нұрлан', source: 'registry' });
    expect(await codeOf(t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: '850505300011' }))).toBe('PERSON_NOT_FOUND');
    await t.gateway!.call('/_control/faults', postJson({ mode: 'error500' }));
    expect(await codeOf(t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER }))).toBe('GATEWAY_UNAVAILABLE');
    // The failed look-ups changed nothing.
    expect((await t.operator.intake.get({ requestId })).applicant?.iin).toBe(FATHER);
    const manual = await t.operator.intake.manualPerson({
      requestId,
      role: 'applicant',
      person: { iin: MOTHER, surname: 'Сарсенбаева', name: 'Айгерим', patronymic: null, birthDate: '1990-04-12', address: null },
    });
    expect(manual.applicant).toMatchObject({ iin: MOTHER, source: 'manual' });
    // A hand-typed IIN with a wrong check digit is refused where it is typed, and the draft keeps its applicant.
    const wrongDigit = MOTHER.slice(0, 11) + String((Number(MOTHER[11]) + 1) % 10);
    const refused = t.operator.intake.manualPerson({
      requestId,
      role: 'applicant',
      person: { iin: wrongDigit, surname: 'Сарсенбаева', name: 'Айгерим', patronymic: null, birthDate: '1990-04-12', address: null },
    });
    expect(await codeOf(refused)).toBe('VALIDATION_FAILED');
    expect((await t.operator.intake.get({ requestId })).applicant).toMatchObject({ iin: MOTHER, source: 'manual' });
  });

  it('accepts a notarised PoA naming this principal and attorney, in force and covering the service; each mismatch has its code and changes nothing', async () => {
    const t = await setup();
    const start = async (serviceId: string, applicant: string, attorney: string) => {
      const { requestId } = await t.operator.intake.start({ serviceId });
      await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: applicant });
      await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: attorney });
      return requestId;
    };
    const poa = (requestId: string, number: string, date: string) => codeOf(t.operator.intake.powerOfAttorney({ requestId, kind: 'notarised', number, date }));
    const fatherDraft = await start('guardianship-certificate', FATHER, ATTORNEY);
    expect(await poa(fatherDraft, '2025-000101', '2025-03-10')).toBe('POA_PRINCIPAL_MISMATCH');
    const guardianAsAttorney = await start('guardianship-certificate', MOTHER, GUARDIAN);
    expect(await poa(guardianAsAttorney, '2025-000101', '2025-03-10')).toBe('POA_ATTORNEY_MISMATCH');
    const mother = await start('guardianship-certificate', MOTHER, ATTORNEY);
    expect(await poa(mother, '2024-000233', '2024-10-01')).toBe('POA_REVOKED');
    expect(await poa(mother, '2099-000001', '2025-03-10')).toBe('POA_NOT_FOUND'.replace('POA', 'POWER_OF_ATTORNEY'));
    const guardian = await start('guardianship-certificate', GUARDIAN, ATTORNEY);
    expect(await poa(guardian, '2023-000088', '2023-02-01')).toBe('POA_EXPIRED');
    const housing = await start('housing-queue', FATHER, ATTORNEY);
    expect(await poa(housing, '2025-000102', '2025-05-20')).toBe('POA_SCOPE');
    for (const requestId of [fatherDraft, guardianAsAttorney, mother, guardian, housing]) expect((await t.operator.intake.get({ requestId })).powerOfAttorney).toBeNull();
    expect(await poa(mother, '2025-000101', '2025-03-10')).toBe('ok');
    expect((await t.operator.intake.get({ requestId: mother })).powerOfAttorney).toMatchObject({ kind: 'notarised', number: '2025-000101', source: 'registry' });
  });
});

describe('intake: checklist, refusal, signing and the queue', () => {
  it('makes a simple written PoA a required scan: missing → DOCUMENTS_MISSING and a refusal; scanned → signable', async () => {
    const t = await setup();
    const simple = await representedDraft(t);
    const { requestId } = simple;
    expect(simple.lines).toEqual([expect.objectContaining({ document: 0, kind: 'powerOfAttorney', required: true })]);
    expect(simple.missing).toHaveLength(1);
    const error = await t.operator.intake.prepare({ requestId }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'DOCUMENTS_MISSING', params: { documents: 'Доверенность представителя (простая письменная форма)' } });
    const scanned = await t.operator.documents.upload({ requestId, document: 0, fileName: 'poa.png', bytes: PNG });
    expect(scanned.missing).toEqual([]);
    expect(await codeOf(t.operator.intake.refuse({ requestId, ground: 'incompletePackage', documents: [0] }))).toBe('DOCUMENTS_COMPLETE');
    const content = await t.operator.intake.prepare({ requestId });
    expect(content.powerOfAttorney).toEqual({ kind: 'simple', attachment: scanned.checklist[0]!.attachments[0] });

    const other = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId: other.requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.lookupPerson({ requestId: other.requestId, role: 'representative', iin: ATTORNEY });
    await t.operator.intake.powerOfAttorney({ requestId: other.requestId, kind: 'simple' });
    expect(await codeOf(t.operator.intake.refuse({ requestId: other.requestId, ground: 'incompletePackage', documents: [7] }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.operator.intake.refuse({ requestId: other.requestId, ground: 'incompletePackage', documents: [] }))).toBe('VALIDATION_FAILED');
    expect((await t.operator.intake.get({ requestId: other.requestId })).state).toBe('draft');
    expect(await t.operator.intake.refuse({ requestId: other.requestId, ground: 'incompletePackage', documents: [0] })).toMatchObject({ state: 'refusedAtIntake' });
    expect(await codeOf(t.operator.intake.saveDraft({ requestId: other.requestId, language: 'ru', represented: false, fields: {}, checklist: [] }))).toBe('STATE_CONFLICT');
  });

  it('signs, commits and queues in one step; the outbox delivers exactly the signed content to the provider', async () => {
    const t = await setup();
    const { requestId, number } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    const content = await t.operator.intake.prepare({ requestId });
    expect(content).toMatchObject({ number, serviceId: 'guardianship-certificate', variantId: '003-r4', centre: 'con-kokpekty', provider: 'edu-kokpekty', dueBy: '2026-03-10' });
    expect(content.operator?.iin).toBe(pki.keys.operator.person.iin);
    const submitted = await t.operator.intake.submit({ requestId, cms: sign(content) });
    expect(submitted).toMatchObject({ number, state: 'queued', dueBy: '2026-03-10' });
    const row = t.db.prepare('SELECT content, content_sha256, signature, due_by FROM requests WHERE id = ?').get(requestId) as Record<string, string>;
    expect(JSON.parse(row.content!)).toEqual(content);
    expect(row.content_sha256).toBe(canonicalSha256(content));
    const outbox = t.db.prepare('SELECT message FROM outbox WHERE request_id = ?').all(requestId) as Array<{ message: string }>;
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]!.message)).toMatchObject({ kind: 'request', from: 'con-kokpekty', to: 'edu-kokpekty', service: 'guardianship-certificate', payload: content });
    await t.core.context.sync!.run();
    expect(findRequest(t.db, requestId).state).toBe('sent');
    const leased = leaseAnswerSchema.parse(await (await t.gateway!.call('/inboxes/edu-kokpekty/lease', { method: 'POST' })).json());
    expect(leased.messages[0]!.message.payload).toEqual(content);
    expect(leased.messages[0]!.message.signature?.value).toBe(row.signature);
  });

  it('refuses a signature over other content, someone else’s key, or content changed after preparing; nothing is queued', async () => {
    const t = await setup();
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    const content = await t.operator.intake.prepare({ requestId });
    expect(await codeOf(t.operator.intake.submit({ requestId, cms: sign({ ...content, provider: 'edu-uralsk' }) }))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(t.operator.intake.submit({ requestId, cms: sign(content, 'foreignIin') }))).toBe('CERT_IIN_MISMATCH');
    // The operator's own employee key, but the centre's BIN set to the department's: another organisation's key.
    writeSettings(t.db, { 'workstation.bin': makeBin('0511', 3307) }, { userId: null }, new Date());
    expect(await codeOf(t.operator.intake.submit({ requestId, cms: sign(content) }))).toBe('CERT_ORGANISATION');
    writeSettings(t.db, { 'workstation.bin': null }, { userId: null }, new Date());
    // The same trust as signing: without the supervisor's roots (and none from the gateway yet) nothing is trusted.
    t.db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run('trust.roots', 'trust.crls');
    expect(await codeOf(t.operator.intake.submit({ requestId, cms: sign(content) }))).toBe('CERT_UNTRUSTED');
    await t.operator.intake.saveDraft({ requestId, language: 'ru', represented: false, fields: {}, checklist: [] });
    expect(await codeOf(t.operator.intake.submit({ requestId, cms: sign(content) }))).toBe('CONTENT_NOT_PREPARED');
    expect(findRequest(t.db, requestId).state).toBe('draft');
    expect(t.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('keeps the draft, scans included, across a restart of the core on the same data folder, offered to its operator only', async () => {
    const t = await setup();
    const { requestId } = await representedDraft(t);
    const before = await t.operator.documents.upload({ requestId, document: 0, fileName: 'poa.png', bytes: PNG });
    t.core.close();
    const again = await setup({ dataDir: t.dataDir, centre: false });
    // Another operator at this desk is not offered it; the one who started it is.
    expect(await again.operator.intake.drafts()).toEqual([]);
    const { created_by: userId } = again.db.prepare('SELECT created_by FROM requests WHERE id = ?').get(requestId) as { created_by: string };
    const session = again.core.sessions.get('same-operator');
    session.user = { id: userId, login: 'same', fullName: 'same', role: 'operator', organisation: 'test', mustChangePassword: false };
    session.lastActivity = START;
    const same = again.window('same-operator');
    expect(await same.intake.drafts()).toEqual([expect.objectContaining({ requestId, applicantName: 'Сарсенбаева Айгерим Ерлановна' })]);
    expect(await same.intake.get({ requestId })).toEqual(before);
    expect(existsSync(path.join(t.dataDir, 'attachments', before.checklist[0]!.attachments[0]!.slice(0, 2)))).toBe(true);
  });
});

describe('intake: pages of a document', () => {
  function png(rgba: number[]) {
    const page = new PngImage({ width: 2, height: 3 });
    for (let pixel = 0; pixel < 6; pixel += 1) page.data.set(rgba, pixel * 4);
    return PngImage.sync.write(page);
  }

  it('says a page scanned twice instead of dropping it, gives each page back for its thumbnail, reorders and assembles them into one PDF', async () => {
    const t = await setup();
    const { requestId } = await representedDraft(t);
    const upload = (bytes: Uint8Array) => t.operator.documents.upload({ requestId, document: 0, fileName: 'poa.png', bytes });
    const first = (await upload(png([10, 20, 30, 255]))).checklist[0]!.attachments;
    const duplicate = await upload(png([10, 20, 30, 255])).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: 'DOCUMENT_PAGE_DUPLICATE', params: { page: 1 } });
    const [a, b] = (await upload(png([200, 200, 200, 255]))).checklist[0]!.attachments;
    expect([a]).toEqual(first);

    const page = await t.operator.documents.page({ requestId, document: 0, sha256: b! });
    expect(page.kind).toBe('png');
    expect(Buffer.from(page.base64, 'base64').equals(png([200, 200, 200, 255]))).toBe(true);
    expect(await codeOf(t.operator.documents.page({ requestId, document: 0, sha256: 'f'.repeat(64) }))).toBe('NOT_FOUND');

    expect((await t.operator.documents.reorder({ requestId, document: 0, attachments: [b!, a!] })).checklist[0]!.attachments).toEqual([b, a]);
    expect(await codeOf(t.operator.documents.reorder({ requestId, document: 0, attachments: [b!, b!] }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.operator.documents.reorder({ requestId, document: 0, attachments: [b!] }))).toBe('VALIDATION_FAILED');

    const assembled = (await t.operator.documents.assemble({ requestId, document: 0 })).checklist[0]!;
    expect(assembled.attachments).toHaveLength(1);
    const pdf = await t.operator.documents.page({ requestId, document: 0, sha256: assembled.attachments[0]! });
    expect(pdf.kind).toBe('pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-assembled-'));
    writeFileSync(path.join(dir, 'doc.pdf'), Buffer.from(pdf.base64, 'base64'));
    expect(execFileSync('pdfinfo', [path.join(dir, 'doc.pdf')]).toString()).toMatch(/Pages:\s+2\n/);
    // One page cannot be assembled; every step is on the audit log.
    expect(await codeOf(t.operator.documents.assemble({ requestId, document: 0 }))).toBe('VALIDATION_FAILED');
    expect(listAudit(t.db, { action: 'document.assemble', limit: 5 })[0]!.details).toMatchObject({ document: 0, from: [b, a] });
    expect(listAudit(t.db, { action: 'document.reorder', limit: 5 })).toHaveLength(1);
  });
});

describe('intake: business duplicates', () => {
  it('flags an open request of the same applicant and service, and signs only after a reason, audited', async () => {
    const t = await setup();
    const first = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId: first.requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.submit({ requestId: first.requestId, cms: sign(await t.operator.intake.prepare({ requestId: first.requestId })) });

    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    const flagged = await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    expect(flagged).toMatchObject({ duplicates: [{ number: first.number, state: 'sent', centre: 'con-kokpekty' }], duplicateReason: null });
    const refused = await t.operator.intake.prepare({ requestId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ArmError);
    expect(refused).toMatchObject({ code: 'DUPLICATE_REQUEST', params: { number: first.number } });
    expect(await codeOf(t.operator.intake.continueDuplicate({ requestId, reason: 'да' }))).toBe('VALIDATION_FAILED');
    const reason = 'Первое заявление подано с ошибкой в ИИН ребёнка';
    await expect(t.operator.intake.continueDuplicate({ requestId, reason })).resolves.toMatchObject({ duplicateReason: reason });
    await expect(t.operator.intake.prepare({ requestId })).resolves.toMatchObject({ applicant: { iin: MOTHER } });
    expect(listAudit(t.db, { limit: 5, action: 'intake.duplicate' })).toEqual([
      expect.objectContaining({ objectId: requestId, details: { duplicates: [first.number], reason } }),
    ]);
    // Another applicant on the same draft needs a reason of its own, if any.
    await expect(t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: FATHER })).resolves.toMatchObject({ duplicates: [], duplicateReason: null });
  });

  it('does not flag the same IIN with another service, nor a closed request, and refuses a reason where there is no duplicate', async () => {
    const t = await setup();
    const first = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId: first.requestId, role: 'applicant', iin: MOTHER });
    const other = await t.operator.intake.start({ serviceId: 'preschool-queue' });
    await expect(t.operator.intake.lookupPerson({ requestId: other.requestId, role: 'applicant', iin: MOTHER })).resolves.toMatchObject({ duplicates: [] });
    expect(await codeOf(t.operator.intake.continueDuplicate({ requestId: other.requestId, reason: 'на всякий случай' }))).toBe('VALIDATION_FAILED');

    moveRequest(t.db, first.requestId, 'withdrawn', { userId: t.core.sessions.get(t.operatorWindow).user!.id, actor: 'operator' }, new Date(START));
    const second = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await expect(t.operator.intake.lookupPerson({ requestId: second.requestId, role: 'applicant', iin: MOTHER })).resolves.toMatchObject({ duplicates: [] });
  });
});

describe('documents', () => {
  it('refuses an empty file, a renamed executable, a truncated PDF and files that only look right, storing nothing', async () => {
    const t = await setup();
    const { requestId } = await representedDraft(t);
    const upload = (bytes: Buffer) => codeOf(t.operator.documents.upload({ requestId, document: 0, fileName: 'scan.pdf', bytes: bytes }));
    expect(await upload(Buffer.alloc(0))).toBe('FILE_EMPTY');
    expect(await upload(Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode'))).toBe('FILE_TYPE');
    expect(await upload(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>'))).toBe('FILE_UNREADABLE');
    // The probe's files: a PNG header alone, a PNG followed by an executable, a "PDF" that is a script.
    expect(await upload(PNG.subarray(0, 8))).toBe('FILE_UNREADABLE');
    expect(await upload(Buffer.concat([PNG, Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode')]))).toBe('FILE_UNREADABLE');
    expect(await upload(Buffer.from('%PDF-<script>alert(1)</script>\n%%EOF'))).toBe('FILE_UNREADABLE');
    expect(await upload(PNG)).toBe('ok');
    expect(await codeOf(t.operator.documents.upload({ requestId, document: 5, fileName: 'x.png', bytes: PNG }))).toBe('VALIDATION_FAILED');
    expect((await t.operator.intake.get({ requestId })).checklist[0]!.attachments).toHaveLength(1);
  });

  it('refuses a file over the limit before storing it', async () => {
    const t = await setup();
    const { requestId } = await representedDraft(t);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    PNG.copy(big);
    expect(await codeOf(t.core.dispatch('documents.upload', { requestId, document: 0, fileName: 'big.png', bytes: big }, t.operatorWindow))).toBe('FILE_TOO_LARGE');
    expect(existsSync(path.join(t.dataDir, 'attachments'))).toBe(false);
  });

  it('scans a page from the SANE test backend into the document; an unknown device is SCANNER_NOT_FOUND', async () => {
    const t = await setup();
    const { requestId } = await representedDraft(t);
    expect(await codeOf(t.operator.documents.scan({ requestId, document: 0, device: 'nonexistent:0', resolution: 150, mode: 'Gray' }))).toBe('SCANNER_NOT_FOUND');
    const scanned = await t.operator.documents.scan({ requestId, document: 0, device: 'test', resolution: 150, mode: 'Gray' });
    expect(scanned.checklist[0]).toMatchObject({ presented: true, attachments: [expect.stringMatching(/^[0-9a-f]{64}$/)] });
    expect(scanned.missing).toEqual([]);
  });
});

describe('print.receipt', () => {
  function pdfText(base64: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-receipt-'));
    const file = path.join(dir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), fonts: execFileSync('pdffonts', [file]).toString() };
  }

  it('prints the acceptance receipt in Kazakh and Russian with the number, applicant, deadline and the embedded DejaVu font', async () => {
    const t = await setup();
    const { requestId, number } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.saveDraft({ requestId, language: 'kk', represented: false, fields: {}, checklist: [] });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
    await t.operator.intake.powerOfAttorney({ requestId, kind: 'notarised', number: '2025-000101', date: '2025-03-10' });
    const content = await t.operator.intake.prepare({ requestId });
    await t.operator.intake.submit({ requestId, cms: sign(content) });
    const kk = pdfText((await t.operator.print.receipt({ requestId, language: 'kk' })).pdf);
    expect(kk.text).toContain('Құжаттарды қабылдау туралы');
    expect(kk.text).toContain(number);
    expect(kk.text).toContain(`${content.applicant.surname} ${content.applicant.name}`);
    expect(kk.text).toContain('Қызмет көрсету мерзімі: 10.03.2026');
    expect(kk.text).toContain('Қорғаншылық');
    expect(kk.text).toContain('Оспанов Бауыржан Қанатұлы');
    expect(kk.text).toContain('2025-000101');
    expect(kk.fonts).toMatch(/DejaVuSans\s.*yes/);
    expect(kk.fonts).toMatch(/DejaVuSans-Bold.*yes/);
    const ru = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf);
    expect(ru.text).toContain('о приёме документов');
    expect(ru.text).toContain('Срок оказания услуги: 10.03.2026');
  });

  it("names each accepted document on the receipt by the supervisor's checklist, with its form and pages, and signs those names", async () => {
    const t = await setup();
    await t.supervisor.catalog.setDocuments({
      variantId: '003-r4',
      basis: 'Стандарт, п. 8',
      items: [
        { name: { ru: 'Свидетельство о рождении ребёнка', kk: 'Баланың туу туралы куәлігі' }, form: 'copy', requirement: 'required' },
        { name: { ru: 'Справка о составе семьи', kk: 'Отбасы құрамы туралы анықтама' }, form: 'original', requirement: 'required' },
      ],
    });
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    await t.operator.documents.upload({ requestId, document: 0, fileName: 'birth-1.png', bytes: PNG });
    // A second page: another valid image (uploads are decoded, so not the same bytes with a tail).
    const page = new PngImage({ width: 1, height: 1 });
    page.data.set([40, 80, 120, 255]);
    await t.operator.documents.upload({ requestId, document: 0, fileName: 'birth-2.png', bytes: PngImage.sync.write(page) });
    await t.operator.intake.saveDraft({
      requestId,
      language: 'ru',
      represented: false,
      fields: {},
      checklist: [
        { document: 0, presented: true, form: 'copy' },
        { document: 1, presented: true, form: 'original' },
      ],
    });
    const content = await t.operator.intake.prepare({ requestId });
    expect(content.checklist.map((item) => item.name?.kk)).toEqual(['Баланың туу туралы куәлігі', 'Отбасы құрамы туралы анықтама']);
    await t.operator.intake.submit({ requestId, cms: sign(content) });
    const ru = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf).text.replace(/\s+/g, ' ');
    expect(ru).toContain('1. Свидетельство о рождении ребёнка (копия, листов: 2)');
    expect(ru).toContain('2. Справка о составе семьи (оригинал)');
    expect(ru).not.toMatch(/№ \d \(/);
    const kk = pdfText((await t.operator.print.receipt({ requestId, language: 'kk' })).pdf).text.replace(/\s+/g, ' ');
    expect(kk).toContain('1. Баланың туу туралы куәлігі (көшірме, парақ: 2)');
    // A request signed by release 0.1.0 carries no names: the supervisor's list still names them.
    const stored = JSON.parse((t.db.prepare('SELECT content FROM requests WHERE id = ?').get(requestId) as { content: string }).content) as RequestContent;
    const old = { ...stored, checklist: stored.checklist.map(({ name: _name, ...item }) => item) };
    t.db.prepare('UPDATE requests SET content = ? WHERE id = ?').run(JSON.stringify(old), requestId);
    const again = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf).text.replace(/\s+/g, ' ');
    expect(again).toContain('1. Свидетельство о рождении ребёнка (копия, листов: 2)');
  });

  it('prints the same receipt, number and date on a machine set to UTC and to Asia/Almaty: an intake at 00:30 Kazakhstan time is that day', async () => {
    const machineZone = process.env.TZ;
    const texts: string[] = [];
    try {
      for (const zone of ['UTC', 'Asia/Almaty']) {
        // Node re-reads TZ when it is assigned: each pass runs as on a machine set to that zone.
        process.env.TZ = zone;
        // 19:30 UTC on 1 March is 00:30 on 2 March in Kazakhstan (UTC+5).
        const t = await setup({ start: '2026-03-01T19:30:00Z' });
        const { requestId, number } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
        expect(number).toMatch(/^con-kokpekty-20260302-\d{4}$/);
        await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
        await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
        await t.operator.intake.powerOfAttorney({ requestId, kind: 'notarised', number: '2025-000101', date: '2025-03-10' });
        const content = await t.operator.intake.prepare({ requestId });
        await t.operator.intake.submit({ requestId, cms: sign(content, 'operator', new Date(t.clock.now)) });
        // Each setup signs in a new operator account (operator-<n>): the one line that may differ.
        texts.push(pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf).text.replace(/operator-\d+/, 'operator'));
      }
    } finally {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
    expect(texts[0]).toContain('02.03.2026 00:30');
    expect(texts[1]).toBe(texts[0]);
  });

  it('prints the refusal to accept listing the missing documents; a draft has no receipt', async () => {
    const t = await setup();
    const { requestId, number } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    expect(await codeOf(t.operator.print.receipt({ requestId, language: 'ru' }))).toBe('STATE_CONFLICT');
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
    await t.operator.intake.powerOfAttorney({ requestId, kind: 'simple' });
    await t.operator.intake.refuse({ requestId, ground: 'incompletePackage', documents: [0] });
    const ru = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf);
    expect(ru.text).toContain('об отказе в приёме документов');
    expect(ru.text).toContain(number);
    expect(ru.text).toContain('неполного пакета документов');
    expect(ru.text).toContain('Доверенность представителя');
    expect(ru.text).not.toContain('Срок оказания');
  });

  it('reprints a receipt marked ДУБЛИКАТ / ТЕЛНҰСҚА with its copy number, only with a reason, each copy audited', async () => {
    const t = await setup();
    const { requestId, number } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    expect(await codeOf(t.operator.print.reprint({ requestId, document: 'receipt', language: 'ru', reason: 'утеряна' }))).toBe('STATE_CONFLICT');
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
    await t.operator.intake.powerOfAttorney({ requestId, kind: 'simple' });
    await t.operator.intake.refuse({ requestId, ground: 'incompletePackage', documents: [0] });
    const original = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf).text;
    expect(original).not.toContain('ДУБЛИКАТ');
    expect(await codeOf(t.operator.print.reprint({ requestId, document: 'receipt', language: 'ru', reason: ' ' }))).toBe('VALIDATION_FAILED');
    const first = await t.operator.print.reprint({ requestId, document: 'receipt', language: 'ru', reason: 'заявитель потерял расписку' });
    expect(first.copy).toBe(2);
    const ru = pdfText(first.pdf).text;
    expect(ru).toContain('ДУБЛИКАТ / ТЕЛНҰСҚА · экз. 2 · 02.03.2026 14:00');
    expect(ru).toContain(number);
    const second = await t.operator.print.reprint({ requestId, document: 'receipt', language: 'kk', reason: 'бүлінген' });
    expect(second.copy).toBe(3);
    expect(second.fileName).toBe(`${number}-refusal-kk-copy3.pdf`);
    expect(pdfText(second.pdf).text).toContain('ТЕЛНҰСҚА / ДУБЛИКАТ · дана 3');
    const audited = listAudit(t.db, { action: 'print.reprint', limit: 10 }).map((entry) => entry.details);
    expect(audited).toEqual([
      { document: 'receipt', language: 'kk', copy: 3, reason: 'бүлінген' },
      { document: 'receipt', language: 'ru', copy: 2, reason: 'заявитель потерял расписку' },
    ]);
    // No result yet: nothing to duplicate, nothing counted.
    expect(await codeOf(t.operator.print.reprint({ requestId, document: 'result', language: 'ru', reason: 'утеряна' }))).toBe('NOT_FOUND');
    expect(listAudit(t.db, { action: 'print.reprint', limit: 10 })).toHaveLength(2);
  });

  it('keeps a printer per kind of document in the settings: the supervisor sets it (audited), everyone reads it', async () => {
    const t = await setup();
    expect(await t.operator.print.printers()).toEqual({ receipt: null, result: null });
    expect(await codeOf(t.operator.print.setPrinters({ receipt: 'Kyocera', result: null }))).toBe('FORBIDDEN');
    expect(await codeOf(t.supervisor.print.setPrinters({ receipt: '', result: null }))).toBe('VALIDATION_FAILED');
    expect(await t.supervisor.print.setPrinters({ receipt: ' Kyocera FS-1040 ', result: 'HP LaserJet A4' })).toEqual({ receipt: 'Kyocera FS-1040', result: 'HP LaserJet A4' });
    expect(await t.operator.print.printers()).toEqual({ receipt: 'Kyocera FS-1040', result: 'HP LaserJet A4' });
    expect(await t.supervisor.print.setPrinters({ receipt: null, result: 'HP LaserJet A4' })).toEqual({ receipt: null, result: 'HP LaserJet A4' });
    const [cleared, set] = listAudit(t.db, { action: 'settings.change', limit: 2 }).map((entry) => entry.details);
    expect(set).toEqual({ 'print.receiptPrinter': { from: null, to: 'Kyocera FS-1040' }, 'print.resultPrinter': { from: null, to: 'HP LaserJet A4' } });
    expect(cleared).toEqual({ 'print.receiptPrinter': { from: 'Kyocera FS-1040', to: null } });
  });

  it('refuses a complete package whose document has expired, with that ground, the document and the note on the receipt', async () => {
    const t = await setup();
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    await t.operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
    await t.operator.intake.powerOfAttorney({ requestId, kind: 'simple' });
    await t.operator.documents.upload({ requestId, document: 0, fileName: 'poa.png', bytes: PNG });
    await t.operator.intake.refuse({ requestId, ground: 'expiredDocuments', documents: [0], comment: 'срок доверенности истёк 01.02.2026' });
    const kk = pdfText((await t.operator.print.receipt({ requestId, language: 'kk' })).pdf).text.replace(/\s+/g, ' ');
    expect(kk).toContain('Қолданылу мерзімі өткен құжаттар ұсынылғандықтан');
    expect(kk).toContain('Қолданылу мерзімі өткен құжаттар 1. Өкілдің сенімхаты');
    expect(kk).toContain('Ескертпе: срок доверенности истёк 01.02.2026');
    const events = t.db.prepare("SELECT comment FROM request_events WHERE request_id = ? AND to_state = 'refusedAtIntake'").all(requestId) as Array<{ comment: string }>;
    expect(events).toEqual([{ comment: expect.stringMatching(/^expiredDocuments: Доверенность представителя/) }]);
  });
});
