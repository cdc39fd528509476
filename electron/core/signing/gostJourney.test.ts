import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent, ResultContent } from '../../../shared/api';
import { leaseAnswerSchema, receiptSchema, type GatewayMessage } from '../../../shared/gateway/api';
import { canonicalBytes, parseCrl, toBase64, verifyDetached } from '../../../shared/signing';
import { signGostDetached } from '../../../shared/signing/gost/cms';
import { buildGostCrl, createGostRoot, gostPem, issueGostCertificate, type GostIssued } from '../../../shared/signing/gost/issue';
import type { DemoPki } from '../../../shared/signing/testPki';
import { CENTRE, PROVIDER, requestContent, SCANS, sha256, providerCore, signedRequestMessage } from '../testing/provider';
import { writeSettings } from '../settings/store';

// A request signed with a GOST 34.10-2015 key travels as the issue asks: the gateway emulator
// verifies it (НУЦ OIDs, chain, CRL, employee role), the provider's inbox verifies it again, the
// head signs the result with a GOST head key (an employee key of the head is refused), and the
// signed result leaves for the centre. The keys are the GOST test PKI under НУЦ РК's OIDs.

const START = new Date('2026-03-06T10:00:00Z');
const DAY = 86_400_000;
const centre = { name: 'ЦОН (TEST)', bin: '160340012015' };
const department = { name: 'ГУ «Отдел образования» (TEST)', bin: '051140033077' };
const operatorPerson = { surname: 'СӘРСЕНОВА', firstName: 'АЙГҮЛ', patronymic: 'МАРАТҚЫЗЫ', iin: '920314410210', organisation: centre };
const headPerson = { surname: 'БЕКОВ', firstName: 'АСХАТ', patronymic: 'НҰРЛАНҰЛЫ', iin: '750130341505', organisation: department };
const validity = { notBefore: new Date(START.getTime() - 30 * DAY), notAfter: new Date(START.getTime() + 335 * DAY) };

let root: GostIssued;
let operatorKey: GostIssued;
let headKey: GostIssued;
let headEmployeeKey: GostIssued;
let crl: Uint8Array;
let gateway: TestGateway;

beforeAll(async () => {
  root = createGostRoot({ now: new Date(START.getTime() - 60 * DAY), commonName: 'ARM GOST TEST Root - NOT FOR PRODUCTION' });
  operatorKey = issueGostCertificate({ issuer: root, person: operatorPerson, kind: 'sign', organisationRole: 'employee', ...validity });
  headKey = issueGostCertificate({ issuer: root, person: headPerson, kind: 'sign', organisationRole: 'head', ...validity });
  headEmployeeKey = issueGostCertificate({ issuer: root, person: headPerson, kind: 'sign', organisationRole: 'employee', ...validity });
  crl = buildGostCrl({ issuer: root, revoked: [], thisUpdate: new Date(START.getTime() - DAY), nextUpdate: new Date(START.getTime() + 30 * DAY), crlNumber: 1 });
  gateway = await startTestGateway({ trust: { roots: [root.certificate.der], crls: [crl] } });
  gateway.clock.advance((START.getTime() - gateway.clock.now().getTime()) / 1000);
}, 60_000);
afterAll(() => gateway.dispose());

const gostSign = (content: unknown, key: GostIssued, at: Date) => toBase64(signGostDetached({ content: canonicalBytes(content), key: key.key, signingTime: at, profile: 'kz' }));

function requestMessage(content: RequestContent, key: GostIssued): GatewayMessage {
  return signedRequestMessage(content, gostSign(content, key, new Date(content.acceptedAt)));
}

async function post(message: GatewayMessage): Promise<Response> {
  for (const bytes of SCANS) await gateway.call(`/attachments/${sha256(bytes)}`, { method: 'PUT', body: bytes });
  return gateway.call('/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
}

describe('a GOST-signed request from intake to the head’s GOST signature', () => {
  it('the gateway verifies the operator’s GOST signature, the provider receives it, the head signs with a GOST head key', async () => {
    const operatorOnly = { keys: { operator: { person: operatorPerson } } } as unknown as DemoPki;
    const content = requestContent(operatorOnly);
    // A head's key may not sign a request: the gateway refuses it with CERT_ROLE.
    const byHead = await post(requestMessage({ ...content, operator: { ...content.operator!, iin: headPerson.iin } }, headKey));
    expect(byHead.status).toBe(422);
    expect(await byHead.text()).toContain('CERT_ROLE');
    const response = await post(requestMessage(content, operatorKey));
    expect(response.status).toBe(201);
    expect(receiptSchema.parse(await response.json()).signature).toBe('verified');

    const w = providerCore(null, { gateway, organisation: PROVIDER, clock: { now: START.getTime() } });
    writeSettings(w.db, { 'trust.roots': gostPem('CERTIFICATE', root.certificate.der), 'trust.crls': gostPem('X509 CRL', crl) }, { userId: null }, START);
    const clerk = w.as('clerk', '850721431062');
    const head = w.as('head', headPerson.iin);
    await clerk.inbox.pull();
    const [row] = await clerk.inbox.list({});
    expect(row).toBeDefined();
    await clerk.inbox.take({ requestId: row!.id });
    await clerk.decision.decide({ requestId: row!.id, outcome: 'certificate', fields: { akimLevel: 'района', decisionNumber: '125', decisionDate: '2026-02-20', childName: 'Сарсенбаев Алихан Нурланович', childBirthDate: '2019-06-20' } });
    const prepared = await head.decision.prepare({ requestId: row!.id });
    const now = w.core.context.now();
    await expect(head.decision.approve({ requestId: row!.id, cms: gostSign(prepared.content, headEmployeeKey, now) })).rejects.toMatchObject({ code: 'CERT_ROLE' });
    // Nothing of the refused signature went out: the outbox holds only the status notices.
    expect(w.db.prepare("SELECT count(*) AS n FROM outbox WHERE json_extract(message, '$.kind') = 'result'").get()).toEqual({ n: 0 });
    await expect(head.decision.approve({ requestId: row!.id, cms: gostSign(prepared.content, headKey, now) })).resolves.toMatchObject({ state: 'resultSigned', signed: true });

    await w.core.context.sync!.run();
    const leased = leaseAnswerSchema.parse(await (await gateway.call(`/inboxes/${CENTRE}/lease`, { method: 'POST' })).json()).messages;
    const result = leased.find((entry) => entry.message.kind === 'result')!.message;
    const verified = verifyDetached({ cms: Buffer.from(result.signature!.value, 'base64'), content: canonicalBytes(result.payload as ResultContent), trustedRoots: [root.certificate.der], crls: [parseCrl(crl)], expectedIin: headPerson.iin, now });
    expect(verified.signer.subject.bin).toBe(department.bin);
    w.core.close();
  });
});
