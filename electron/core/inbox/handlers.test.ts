import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { CENTRE, PROVIDER, SCANS, postRequest, requestContent, requestMessage, sha256, providerCore } from '../testing/provider';

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

async function providerWorkstation(organisation = PROVIDER) {
  const w = providerCore(pki, { gateway, organisation });
  return { ...w, supervisor: w.as('supervisor') };
}

describe('inbox channels', () => {
  it('pulls, lists with the deadline clock, shows a request with its scans, takes it in work and marks the documents', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const w = await providerWorkstation();
    const clerk = w.as('clerk');
    await postRequest(gateway, requestMessage(pki, requestContent(pki, { dueBy: '2026-03-11T18:00' })));
    await postRequest(gateway, requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-0002`, dueBy: '2026-03-06T18:00', applicant: { ...requestContent(pki).applicant, surname: 'Иванова' } })));
    await expect(clerk.inbox.pull()).resolves.toMatchObject({ received: 2 });

    const all = await clerk.inbox.list({});
    expect(all.map((row) => [row.number.slice(-4), row.daysLeft, row.urgency])).toEqual([
      ['0002', 0, 'dueToday'],
      ['0001', 2, 'ok'],
    ]);
    expect((await clerk.inbox.list({ query: 'иванова' })).map((row) => row.number)).toEqual([`${CENTRE}-20260302-0002`]);
    expect(await clerk.inbox.list({ urgency: 'overdue' })).toEqual([]);

    const id = all[1]!.id;
    const view = await clerk.inbox.get({ requestId: id });
    expect(view).toMatchObject({ state: 'registered', content: { applicant: { surname: 'Сарсенбаева' } }, received: { signer: { subject: { iin: pki.keys.operator.person.iin } } } });
    const scan = await clerk.inbox.scan({ requestId: id, sha256: sha256(SCANS[1]!) });
    expect(scan.mime).toBe('image/png');
    expect(Buffer.from(scan.base64, 'base64')).toEqual(Buffer.from(SCANS[1]!));
    await expect(clerk.inbox.scan({ requestId: id, sha256: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(clerk.inbox.mark({ requestId: id, document: 0, mark: 'ok', note: '' })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    await expect(w.as('head').inbox.take({ requestId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(clerk.inbox.take({ requestId: id })).resolves.toMatchObject({ state: 'inWork' });
    await expect(clerk.inbox.take({ requestId: id })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    await expect(clerk.inbox.mark({ requestId: id, document: 0, mark: 'defective', note: 'нечитаемая копия' })).resolves.toMatchObject({ marks: [{ document: 0, mark: 'defective', note: 'нечитаемая копия' }] });
    await expect(clerk.inbox.mark({ requestId: id, document: 57, mark: 'ok', note: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(w.as('operator').inbox.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Another department's workstation sees none of it and may not act on it.
    await w.supervisor.inbox.configure({ organisation: 'edu-zhambyl-sko' });
    await expect(clerk.inbox.list({})).resolves.toEqual([]);
    await expect(clerk.inbox.get({ requestId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    w.close();
  });

  it('flags on receipt another open request of the same applicant and service, from any centre, as a possible duplicate', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const w = await providerWorkstation();
    const clerk = w.as('clerk');
    const base = requestContent(pki);
    await postRequest(gateway, requestMessage(pki, base));
    await postRequest(gateway, requestMessage(pki, requestContent(pki, { number: 'mobile-m-zhumabaev-20260302-0007', centre: 'mobile-m-zhumabaev' })));
    await postRequest(gateway, requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-0003`, applicant: { ...base.applicant, iin: '880903300010' } })));
    await postRequest(gateway, requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-0004`, serviceId: 'preschool-queue' })));
    await clerk.inbox.pull();
    const flags = Object.fromEntries((await clerk.inbox.list({})).map((row) => [row.number, row.possibleDuplicateOf]));
    expect(flags).toEqual({
      [base.number]: ['mobile-m-zhumabaev-20260302-0007'],
      'mobile-m-zhumabaev-20260302-0007': [base.number],
      [`${CENTRE}-20260302-0003`]: [],
      [`${CENTRE}-20260302-0004`]: [],
    });
    const id = (await clerk.inbox.list({ query: base.number }))[0]!.id;
    await expect(clerk.inbox.get({ requestId: id })).resolves.toMatchObject({ possibleDuplicateOf: ['mobile-m-zhumabaev-20260302-0007'] });
    w.close();
  });

  it('names a duplicate the gateway found on receipt, sent to another department this one never saw', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const w = await providerWorkstation();
    const clerk = w.as('clerk');
    const base = requestContent(pki);
    const elsewhere = requestContent(pki, { number: `${CENTRE}-20260302-0005`, provider: 'edu-uralsk' });
    await postRequest(gateway, requestMessage(pki, elsewhere));
    await postRequest(gateway, requestMessage(pki, base));
    await clerk.inbox.pull();
    expect((await clerk.inbox.list({})).map((row) => [row.number, row.possibleDuplicateOf])).toEqual([[base.number, [elsewhere.number]]]);
    w.close();
  });

  it('refuses a request once the CRL is past its nextUpdate (CRL_STALE), until the supervisor sets a grace period, audited', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const w = await providerWorkstation();
    await postRequest(gateway, requestMessage(pki, requestContent(pki)));
    // The demo CRL of 2026-03-02 is due for renewal a week later; the workstation's clock is now past it.
    w.clock.now = Date.parse('2026-03-10T09:00:00Z');
    await expect(w.as('clerk').inbox.pull()).resolves.toMatchObject({ received: 0 });
    expect((await w.as('clerk').inbox.refused()).map((refusal) => refusal.code)).toContain('CRL_STALE');
    await gateway.call('/_control/reset', { method: 'POST' });
    await postRequest(gateway, requestMessage(pki, requestContent(pki)));
    await expect(w.as('supervisor').inbox.configure({ organisation: PROVIDER, crlGraceHours: 72 })).resolves.toMatchObject({ crlGraceHours: 72 });
    const audited = w.db.prepare("SELECT details FROM audit_log WHERE details LIKE '%crlGraceHours%'").all();
    expect(audited.length).toBeGreaterThan(0);
    await expect(w.as('clerk').inbox.pull()).resolves.toMatchObject({ received: 1 });
    w.core.close();
  });

  it('configures only with readable PEM, supervisor only, and changes nothing otherwise', async () => {
    const w = await providerWorkstation();
    const before = await w.supervisor.inbox.settings();
    expect(before).toMatchObject({ organisation: PROVIDER, crls: 1, roots: [{ subject: expect.stringContaining('ARM TEST Root CA') }] });
    await expect(w.supervisor.inbox.configure({ organisation: 'edu-other', rootsPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' })).rejects.toMatchObject({ code: 'TRUST_INVALID' });
    await expect(w.supervisor.inbox.configure({ organisation: 'edu-other', rootsPem: 'nothing' })).rejects.toMatchObject({ code: 'TRUST_INVALID' });
    await expect(w.as('clerk').inbox.configure({ organisation: 'edu-other' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.supervisor.inbox.settings()).resolves.toEqual(before);
    w.close();
  });
});
