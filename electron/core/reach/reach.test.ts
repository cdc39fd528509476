import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { leaseAnswerSchema } from '../../../shared/gateway/api';
import { certificatePem, crlPem, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { inboxesOf } from '../inbox/pull';
import { findRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { nodeCrypto } from '../crypto/node';
import { signPayload } from '../signing/sign';
import { codeOf, TEST_START, testCore } from '../testing';

// Reach: seed 002 (Karaganda) applied at a Karaganda centre, mobile centres only where a
// regulation names them, the picker saying why a service is missing. Also the counter at these
// centres: refusal to accept where the regulation gives no document list (seed 001 R1, seed 002),
// and the applicant's information block on the papers it hands out.

const MOTHER = '900412400014';
let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(TEST_START), only: ['operator'] });
});
const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

async function centreAt(code: string, district: string) {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const t = testCore({ gateway });
  const supervisor = t.as('supervisor', '880315400010');
  await supervisor.intake.setCentre({ code, district });
  writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date(TEST_START));
  const operator = t.window(t.signIn('operator', pki.keys.operator.person.iin));
  const mobile = t.as('mobileOperator', '920701300012');
  return { ...t, gateway, supervisor, operator, mobile };
}

describe('reach', () => {
  it('shows the supervisor every district with its regulation, Karaganda (seed 002) included, and which allow mobile centres', async () => {
    const t = testCore();
    const districts = await t.as('supervisor', '880315400010').reach.districts();
    expect(districts.find((row) => row.district === 'karaganda')).toMatchObject({ seed: '002', region: { ru: 'Карагандинская область' }, services: 1, mobileServices: 0 });
    expect(districts.find((row) => row.district === 'kokpekty')).toMatchObject({ seed: '003', mobileServices: 0 });
    expect(districts.find((row) => row.district === 'm-zhumabaev')!.mobileServices).toBeGreaterThan(0);
  });

  it('takes in a 002 request at a Karaganda centre and delivers it to the Karaganda education department', { timeout: 30_000 }, async () => {
    const t = await centreAt('con-karaganda', 'karaganda');
    const picker = await t.operator.reach.services();
    expect(picker.services.filter((service) => !service.missing)).toEqual([expect.objectContaining({ id: 'guardianship-certificate', variantId: '002' })]);
    expect(picker.services.find((service) => service.id === 'preschool-queue')!.missing).toBe('noRegulation');
    expect(await codeOf(t.operator.intake.start({ serviceId: 'preschool-queue' }))).toBe('SERVICE_NOT_OFFERED');

    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    const content = await t.operator.intake.prepare({ requestId });
    expect(content).toMatchObject({ variantId: '002', centre: 'con-karaganda', provider: 'edu-karaganda' });
    const signed = signPayload({ crypto: nodeCrypto(), keyFile: pki.keys.operator.p12, password: 'demo-2026', payload: content, expectedIin: pki.keys.operator.person.iin, now: new Date(TEST_START) });
    expect(await t.operator.intake.submit({ requestId, cms: toBase64(signed.cms) })).toMatchObject({ state: 'queued' });
    await t.core.context.sync!.run();
    expect(findRequest(t.db, requestId).state).toBe('sent');
    const leased = leaseAnswerSchema.parse(await (await t.gateway.call('/inboxes/edu-karaganda/lease', { method: 'POST' })).json());
    expect(leased.messages[0]!.message.payload).toMatchObject({ variantId: '002', centre: 'con-karaganda' });
  });

  it('offers a mobile centre only what its regulation takes in: none in Kokpekty (003), the mobile services of 004 in M. Zhumabaev district', { timeout: 30_000 }, async () => {
    const kokpekty = await centreAt('con-kokpekty', 'kokpekty');
    const there = await kokpekty.mobile.reach.services();
    expect(there.channel).toBe('mobileCentre');
    expect(there.services.every((service) => service.missing)).toBe(true);
    expect(there.services.find((service) => service.id === 'guardianship-certificate')!.missing).toBe('noChannel');
    // The counter at the same centre sees 003's services, less those no provider serves there.
    expect((await kokpekty.operator.reach.services()).services.find((service) => service.id === 'guardianship-certificate')!.missing).toBeNull();

    const mobile = await centreAt('mobile-m-zhumabaev', 'm-zhumabaev');
    const offered = (await mobile.mobile.reach.services()).services.filter((service) => !service.missing);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((service) => service.variantId?.startsWith('004'))).toBe(true);
    const draft = await mobile.mobile.intake.start({ serviceId: offered[0]!.id });
    expect(draft).toMatchObject({ channel: 'mobileCentre', centre: 'mobile-m-zhumabaev', provider: 'edu-m-zhumabaev' });
  });

  it('places the mobile operator of a Kokpekty workstation at its mobile centre in M. Zhumabaev district (as training does), the counter staying at Kokpekty', { timeout: 30_000 }, async () => {
    const t = await centreAt('con-kokpekty', 'kokpekty');
    writeSettings(t.db, { 'workstation.mobileCentre': { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' } }, { userId: null }, new Date(TEST_START));
    const mobile = await t.mobile.reach.services();
    expect(mobile.centre).toEqual({ code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' });
    const offered = mobile.services.filter((service) => !service.missing);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((service) => service.variantId?.startsWith('004'))).toBe(true);
    expect(await t.mobile.intake.centre()).toEqual({ code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' });
    await expect(t.mobile.intake.start({ serviceId: offered[0]!.id })).resolves.toMatchObject({ channel: 'mobileCentre', centre: 'mobile-m-zhumabaev' });
    // The counter's operator still takes in Kokpekty's (003) services at con-kokpekty.
    const counter = await t.operator.reach.services();
    expect(counter.centre).toEqual({ code: 'con-kokpekty', district: 'kokpekty' });
    expect(counter.services.filter((service) => !service.missing).every((service) => service.variantId?.startsWith('003'))).toBe(true);
    // Its results come back to the mobile centre's own inbox, pulled with the others.
    expect(inboxesOf(t.db)).toEqual(['con-kokpekty', 'mobile-m-zhumabaev']);
  });
});

function pdfText(base64: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-info-')), 'paper.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
}

describe('refusal to accept where the regulation gives no document list', () => {
  it('refuses 001 R1 at an Uralsk centre with a receipt naming the documents in the note; «бесплатно», 1414, status and appeal printed', { timeout: 30_000 }, async () => {
    const t = await centreAt('con-uralsk', 'uralsk');
    const draft = await t.operator.intake.start({ serviceId: 'camp-referral' });
    expect(draft).toMatchObject({ variantId: '001-r1', lines: [] });
    const { requestId, number } = draft;
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    expect(await codeOf(t.operator.intake.refuse({ requestId, ground: 'expiredDocuments', documents: [] }))).toBe('REFUSAL_DOCUMENTS_UNNAMED');
    expect(await codeOf(t.operator.intake.refuse({ requestId, ground: 'expiredDocuments', documents: [0], comment: 'удостоверение личности' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.supervisor.intake.refuse({ requestId, ground: 'expiredDocuments', documents: [], comment: 'удостоверение личности' }))).toBe('FORBIDDEN');
    expect((await t.operator.intake.get({ requestId })).state).toBe('draft');
    await t.operator.intake.refuse({ requestId, ground: 'expiredDocuments', documents: [], comment: 'удостоверение личности, срок действия истёк 01.02.2026' });
    const ru = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf);
    expect(ru).toContain('об отказе в приёме документов');
    expect(ru).toContain('перечень документов регламентом не установлен');
    expect(ru).toContain('удостоверение личности, срок действия истёк 01.02.2026');
    expect(ru).toContain('Государственная услуга оказывается бесплатно');
    expect(ru).toContain('call-центра: 1414');
    expect(ru).toContain(`Статус заявления № ${number}`);
    expect(ru).toContain('Вы вправе обжаловать');
    const kk = pdfText((await t.operator.print.receipt({ requestId, language: 'kk' })).pdf);
    expect(kk).toContain('Мемлекеттік қызмет тегін көрсетіледі');
    expect(kk).toContain('шағым жасауға құқылысыз');
  });

  it('prints no «бесплатно» where the regulation does not say it (seed 002), on the acceptance receipt too', { timeout: 30_000 }, async () => {
    const t = await centreAt('con-karaganda', 'karaganda');
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    const content = await t.operator.intake.prepare({ requestId });
    const signed = signPayload({ crypto: nodeCrypto(), keyFile: pki.keys.operator.p12, password: 'demo-2026', payload: content, expectedIin: pki.keys.operator.person.iin, now: new Date(TEST_START) });
    await t.operator.intake.submit({ requestId, cms: toBase64(signed.cms) });
    const ru = pdfText((await t.operator.print.receipt({ requestId, language: 'ru' })).pdf);
    expect(ru).toContain('РАСПИСКА о приёме документов');
    expect(ru).toContain('call-центра: 1414');
    expect(ru).not.toContain('бесплатно');
  });
});

describe('counter metrics', () => {
  it('records the queue ticket at intake and measures wait and service against the regulation’s minutes in the period report', { timeout: 30_000 }, async () => {
    const t = await centreAt('con-karaganda', 'karaganda'); // 002 п.10 пп.2: service at most 5 minutes, no wait norm
    const { requestId } = await t.operator.intake.start({ serviceId: 'guardianship-certificate' }); // called at 14:00 local
    expect(await codeOf(t.operator.visits.ticket({ requestId, ticket: 'A 015', issuedAt: null }))).toBe('TICKET_INVALID');
    expect(await codeOf(t.operator.visits.ticket({ requestId, ticket: '', issuedAt: null }))).toBe('TICKET_INVALID');
    expect(await codeOf(t.operator.visits.ticket({ requestId, ticket: 'A-015', issuedAt: '14:20' }))).toBe('TICKET_INVALID');
    expect(await codeOf(t.operator.visits.ticket({ requestId, ticket: 'A-015', issuedAt: '25:00' }))).toBe('VALIDATION_FAILED');
    expect(await t.operator.visits.get({ requestId })).toBeNull();
    await expect(t.operator.visits.ticket({ requestId, ticket: 'a-015', issuedAt: '13:48' })).resolves.toMatchObject({ ticket: 'A-015', issuedAt: '2026-03-02T08:48:00.000Z' });
    await t.operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    t.clock.now += 7 * 60_000;
    await t.operator.intake.refuse({ requestId, ground: 'incompletePackage', documents: [], comment: 'нет документа, удостоверяющего личность' });
    expect(await codeOf(t.operator.visits.ticket({ requestId, ticket: 'A-016', issuedAt: null }))).toBe('STATE_CONFLICT');
    const report = await t.supervisor.reports.period({ from: '2026-03-02', to: '2026-03-02' });
    expect(report.counter).toEqual([{ serviceId: 'guardianship-certificate', visits: 1, averageWait: 12, maxWait: null, overWait: 0, averageService: 7, maxService: 5, overService: 1 }]);
  });
});
