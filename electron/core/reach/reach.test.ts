import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { leaseAnswerSchema } from '../../../shared/gateway/api';
import { certificatePem, crlPem, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { findRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { signPayload } from '../signing/sign';
import { codeOf, TEST_START, testCore } from '../testing';

// Reach: seed 002 (Karaganda) applied at a Karaganda centre, mobile centres only where a
// regulation names them, the picker saying why a service is missing.

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
    const signed = signPayload({ keyFile: pki.keys.operator.p12, password: 'demo-2026', payload: content, expectedIin: pki.keys.operator.person.iin, now: new Date(TEST_START) });
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
});
