import { createHash, randomUUID } from 'node:crypto';
import type { RequestContent } from '../../../shared/api';
import type { GatewayMessage } from '../../../shared/gateway/api';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import type { DemoPki } from '../../../shared/signing/testPki';

// Fixtures for the provider side (tests and e2e; no core imports, so Playwright loads it too):
// requests shaped exactly as intake sends them (a gateway message of kind "request" whose payload
// is the request content, signed by the operator with the demo PKI), posted to the emulator.

export const PROVIDER = 'edu-kokpekty';
export const CENTRE = 'con-kokpekty';

/** Two scans: a PDF header (shown as a link) and a real 1×1 PNG (shown inline). */
export const SCANS = [
  new TextEncoder().encode('%PDF-1.4 fake birth certificate scan'),
  Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')),
];

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function requestContent(pki: DemoPki, overrides: Partial<RequestContent> = {}): RequestContent {
  const operator = pki.keys.operator;
  return {
    number: `${CENTRE}-20260302-0001`,
    serviceId: 'guardianship-certificate',
    variantId: '000',
    channel: 'centre',
    applicant: { iin: '900412400014', surname: 'Сарсенбаева', name: 'Айгерим', patronymic: 'Нурлановна', birthDate: '1990-04-12', address: 'Кокпекты, ул. Абая 1', source: 'registry' },
    representative: null,
    powerOfAttorney: null,
    fields: { childIin: '190620500010' },
    checklist: [{ document: 0, presented: true, form: 'original', attachments: SCANS.map(sha256), name: { ru: 'Заявление', kk: 'Өтініш' } }],
    operator: { userId: 'operator-1', iin: operator.person.iin, fullName: 'Сәрсенова Айгүл Маратқызы' },
    centre: CENTRE,
    provider: PROVIDER,
    acceptedAt: '2026-03-02T09:00:00.000Z',
    dueBy: '2026-03-10T18:00',
    ...overrides,
  };
}

/** The message intake puts in its outbox, signed by the demo operator (or another demo key). */
export function requestMessage(pki: DemoPki, content: RequestContent, signer: 'operator' | 'revoked' | 'clerk' = 'operator'): GatewayMessage {
  const key = pki.keys[signer];
  // signDetached with the key in memory: the .p12 round trip (signPayload) is slow in pure JS.
  const cms = signDetached({ content: canonicalBytes(content), key: key.key, certificate: key.certificate, signingTime: new Date(content.acceptedAt) });
  return signedRequestMessage(content, toBase64(cms));
}

/** The request message around a signature made elsewhere (a GOST key, NCALayer): the scans attached. */
export function signedRequestMessage(content: RequestContent, cmsBase64: string): GatewayMessage {
  return {
    id: randomUUID(),
    kind: 'request',
    from: content.centre,
    to: content.provider,
    service: content.serviceId,
    createdAt: content.acceptedAt,
    attachments: SCANS.map(sha256),
    payload: content as unknown as Record<string, unknown>,
    signature: { format: 'cms', value: cmsBase64 },
  };
}

/** The emulator as the tests reach it (gateway/testing.ts TestGateway has this shape). */
export interface GatewayPeer {
  call(pathname: string, init?: RequestInit): Promise<Response>;
}

/** Uploads the scans, then the message, as the centre's outbox would. */
export async function postRequest(gateway: GatewayPeer, message: GatewayMessage): Promise<void> {
  for (const bytes of SCANS) {
    const put = await gateway.call(`/attachments/${sha256(bytes)}`, { method: 'PUT', body: bytes });
    if (!put.ok) throw new Error(`PUT attachment: ${put.status}`);
  }
  const sent = await gateway.call('/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
  if (!sent.ok) throw new Error(`POST message: ${sent.status} ${await sent.text()}`);
}

