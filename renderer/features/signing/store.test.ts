import { beforeEach, describe, expect, it } from 'vitest';
import { ArmError, type SignedPayload } from '../../../shared/api';
import type { CertificateCard } from '../../../shared/signing/card';
import type { Signer } from './ncalayer';
import { createSigningStore, useSessionKey, type SigningApi } from './store';

const card: CertificateCard = {
  subject: { commonName: 'СӘРСЕНОВА АЙГҮЛ', surname: 'СӘРСЕНОВА', givenName: 'МАРАТҚЫЗЫ', iin: '920314410210', organisation: 'ЦОН', bin: '160340012015', dn: 'CN=…' },
  issuer: { commonName: 'ARM TEST Root CA', dn: 'CN=ARM TEST Root CA' },
  serialNumber: '01',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  keyUsage: ['digitalSignature', 'nonRepudiation'],
  extendedKeyUsage: ['1.3.6.1.5.5.7.3.4'],
  purpose: 'sign',
  fingerprintSha256: 'ab'.repeat(32),
};

/** Records what reaches the core and answers like it: the right password opens the key, any other is refused. */
function fakeApi(offline = false) {
  const calls: Array<{ channel: string; input: unknown }> = [];
  let keptCard: CertificateCard | null = null;
  const api: SigningApi = {
    trustStatus: async () => {
      calls.push({ channel: 'trustStatus', input: undefined });
      if (offline) throw new ArmError('HOST_UNREACHABLE');
      return { refreshed: true, roots: 1, crl: { issuedAt: '2026-11-23T08:00:00.000Z', nextUpdate: '2026-11-30T08:00:00.000Z', fetchedAt: '2026-11-23T09:00:00.000Z', ageMinutes: 120, stale: false } };
    },
    inspectKey: async (input) => {
      calls.push({ channel: 'inspectKey', input });
      if (input.password !== 'demo-2026') throw new ArmError('KEY_PASSWORD_WRONG');
      return card;
    },
    // The key-file Signer: the core signs the bytes it is given, checking nothing yet.
    signBytes: async (input) => {
      calls.push({ channel: 'signBytes', input });
      if ('kept' in input) {
        if (!keptCard) throw new ArmError('SIGNING_KEY_NOT_KEPT');
        return { cms: 'MIIB' + input.data };
      }
      if (input.password !== 'demo-2026') throw new ArmError('KEY_PASSWORD_WRONG');
      keptCard = input.keep ? card : null;
      return { cms: 'MIIB' + input.data };
    },
    keptKey: async () => keptCard,
    forgetKey: async () => {
      keptCard = null;
      return null;
    },
    prepareExternal: async (input) => {
      calls.push({ channel: 'prepareExternal', input });
      return { data: btoa(JSON.stringify(input.payload)), iin: '920314410210' };
    },
    // The core compares the certificate with the signed-in account; the fake refuses one payload.
    acceptExternal: async (input) => {
      calls.push({ channel: 'acceptExternal', input });
      if (JSON.stringify(input.payload).includes('someone else')) throw new ArmError('CERT_IIN_MISMATCH');
      const result: SignedPayload = { cms: input.cms, contentSha256: 'cd'.repeat(32), signingTime: '2026-11-23T10:00:00.000Z', card, revocation: { method: 'ocsp', checkedAt: '2026-11-23T10:00:00.000Z' } };
      return result;
    },
  };
  return { api, calls };
}

// The session's key is remembered across dialogs (useSessionKey); each test starts without one.
beforeEach(() => useSessionKey.setState({ fileName: null, keyFile: null }));

describe('signing dialog store', () => {
  it('remembers the key file for the next dialog of the session, never the password', () => {
    const first = createSigningStore(fakeApi().api);
    first.getState().chooseFile('operator.p12', new Uint8Array([1, 2, 3]));
    first.getState().setPassword('secret');
    const next = createSigningStore(fakeApi().api).getState();
    expect(next).toMatchObject({ fileName: 'operator.p12', keyFile: 'AQID', password: '' });
  });

  it('loads the trust status for the dialog, and keeps the refusal when the core does not answer', async () => {
    const store = createSigningStore(fakeApi().api);
    await store.getState().loadTrust();
    expect(store.getState().trust?.crl?.ageMinutes).toBe(120);
    const offline = createSigningStore(fakeApi(true).api);
    await offline.getState().loadTrust();
    expect(offline.getState().trust).toBeNull();
    expect((offline.getState().trustError as ArmError).code).toBe('HOST_UNREACHABLE');
  });

  it('carries the chosen file as base64, also past the chunk size', () => {
    const { api } = fakeApi();
    const store = createSigningStore(api);
    store.getState().chooseFile('a.p12', new TextEncoder().encode('abc'));
    expect(store.getState().keyFile).toBe('YWJj');
    const big = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    store.getState().chooseFile('big.p12', big);
    const decoded = Uint8Array.from(atob(store.getState().keyFile!), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(big);
  });

  it('shows the card for the right password and the refusal code for a wrong one', async () => {
    const { api, calls } = fakeApi();
    const store = createSigningStore(api);
    store.getState().chooseFile('operator.p12', new Uint8Array([1, 2, 3]));
    store.getState().setPassword('wrong');
    await store.getState().inspect();
    expect(store.getState().step).toBe('failed');
    expect((store.getState().error as ArmError).code).toBe('KEY_PASSWORD_WRONG');
    store.getState().setPassword('demo-2026');
    await store.getState().inspect();
    expect(store.getState()).toMatchObject({ step: 'ready', card, error: null });
    expect(calls.at(-1)).toEqual({ channel: 'inspectKey', input: { keyFile: 'AQID', password: 'demo-2026' } });
  });

  it('drops the password after a signature and after a refusal', async () => {
    const { api } = fakeApi();
    const store = createSigningStore(api);
    store.getState().chooseFile('operator.p12', new Uint8Array([1]));
    store.getState().setPassword('demo-2026');
    expect(await store.getState().sign({ serviceId: 'someone else' })).toBeNull();
    expect(store.getState()).toMatchObject({ step: 'failed', password: '' });
    expect((store.getState().error as ArmError).code).toBe('CERT_IIN_MISMATCH');
    store.getState().setPassword('demo-2026');
    const result = await store.getState().sign({ serviceId: 'x' });
    expect(result?.contentSha256).toBe('cd'.repeat(32));
    expect(store.getState()).toMatchObject({ step: 'signed', password: '', result });
  });

  it('signs through the key-file Signer on the one path: the core’s bytes, the file signs them, the core verifies', async () => {
    const { api, calls } = fakeApi();
    const store = createSigningStore(api);
    store.getState().chooseFile('operator.p12', new Uint8Array([1, 2, 3]));
    store.getState().setPassword('demo-2026');
    await store.getState().sign({ serviceId: 'x' });
    const data = btoa(JSON.stringify({ serviceId: 'x' }));
    expect(calls.map((call) => call.channel)).toEqual(['prepareExternal', 'signBytes', 'acceptExternal']);
    // Not kept unless the box is ticked.
    expect(calls[1]!.input).toEqual({ keyFile: 'AQID', password: 'demo-2026', data, keep: false });
    expect(calls[2]!.input).toEqual({ cms: 'MIIB' + data, payload: { serviceId: 'x' } });
  });

  it('a wrong key password is refused before the core verifies anything', async () => {
    const { api, calls } = fakeApi();
    const store = createSigningStore(api);
    store.getState().chooseFile('operator.p12', new Uint8Array([1]));
    store.getState().setPassword('nope');
    expect(await store.getState().sign({ serviceId: 'x' })).toBeNull();
    expect((store.getState().error as ArmError).code).toBe('KEY_PASSWORD_WRONG');
    expect(calls.map((call) => call.channel)).not.toContain('acceptExternal');
  });

  it('keeps the key only when ticked; the next dialog signs with it without a password', async () => {
    const { api, calls } = fakeApi();
    const first = createSigningStore(api);
    await first.getState().loadTrust();
    expect(first.getState().kept).toBeNull();
    first.getState().chooseFile('operator.p12', new Uint8Array([1, 2, 3]));
    first.getState().setPassword('demo-2026');
    first.getState().setKeep(true);
    await first.getState().sign({ serviceId: 'x' });
    expect(first.getState().kept?.subject.iin).toBe('920314410210');
    const next = createSigningStore(api);
    await next.getState().loadTrust();
    expect(next.getState().kept).not.toBeNull();
    calls.length = 0;
    expect((await next.getState().sign({ serviceId: 'y' }))?.card.subject.iin).toBe('920314410210');
    expect(calls[1]!.input).toEqual({ kept: true, data: btoa(JSON.stringify({ serviceId: 'y' })) });
    // "Lock the key": the one after asks for the password again.
    await next.getState().forgetKept();
    const third = createSigningStore(api);
    await third.getState().loadTrust();
    expect(third.getState().kept).toBeNull();
  });

  it('does nothing before a file is chosen', async () => {
    const { api, calls } = fakeApi();
    const store = createSigningStore(api);
    await store.getState().inspect();
    expect(await store.getState().sign({})).toBeNull();
    expect(calls).toEqual([]);
    expect(store.getState().step).toBe('idle');
  });
});

describe('signing through NCALayer (another Signer)', () => {
  const payload = { number: 'con-kokpekty-20260302-0001' };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  function external(refuse: boolean) {
    const seen: unknown[] = [];
    const api: SigningApi = {
      ...fakeApi().api,
      prepareExternal: async () => ({ data: btoa(String.fromCharCode(...bytes)), iin: '920314410210' }),
      acceptExternal: async (input) => {
        seen.push(input);
        if (refuse) throw new ArmError('SIGNATURE_INVALID');
        return { cms: input.cms, contentSha256: 'cd'.repeat(32), signingTime: '2026-11-23T10:00:00.000Z', card, revocation: { method: 'ocsp', checkedAt: '2026-11-23T10:00:00.000Z' } };
      },
    };
    return { api, seen };
  }
  const signer = (outcome: Awaited<ReturnType<Signer['sign']>>, requests: unknown[] = []): Signer => ({
    sign: async (request) => {
      requests.push(request);
      return outcome;
    },
  });

  it("signs the core's bytes for the account's IIN and hands the CMS back to the core to verify", async () => {
    const requests: Array<{ data: Uint8Array; iin: string | null }> = [];
    const { api, seen } = external(false);
    const store = createSigningStore(api);
    const result = await store.getState().signWith(payload, signer({ kind: 'signed', cms: 'MIIB' }, requests), 'kk');
    expect(result?.card.subject.iin).toBe('920314410210');
    expect(requests[0]).toMatchObject({ iin: '920314410210', purpose: 'sign', locale: 'kk' });
    expect(new TextDecoder().decode(requests[0]!.data)).toBe(JSON.stringify(payload));
    expect(seen).toEqual([{ cms: 'MIIB', payload }]);
    expect(store.getState().step).toBe('signed');
  });

  it('a cancel in NCALayer is no error and sends nothing to the core', async () => {
    const { api, seen } = external(false);
    const store = createSigningStore(api);
    expect(await store.getState().signWith(payload, signer({ kind: 'cancelled' }), 'ru')).toBeNull();
    expect(store.getState()).toMatchObject({ step: 'cancelled', error: null });
    expect(seen).toEqual([]);
  });

  it("the core's refusal of what came back is shown, nothing is signed", async () => {
    const { api } = external(true);
    const store = createSigningStore(api);
    expect(await store.getState().signWith(payload, signer({ kind: 'signed', cms: 'MIIB' }), 'ru')).toBeNull();
    expect(store.getState().step).toBe('failed');
    expect((store.getState().error as ArmError).code).toBe('SIGNATURE_INVALID');
  });
});
