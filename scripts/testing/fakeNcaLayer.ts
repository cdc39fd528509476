import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { WebSocketServer, type WebSocket } from 'ws';
import { fromBase64, toBase64 } from '../../shared/signing';
import { signGostDetached } from '../../shared/signing/gost/cms';
import type { GostKey } from '../../shared/signing/gost/keyFile';

// A fake NCALayer for tests: a TLS WebSocket server speaking the protocol of НУЦ РК's local
// signing service as ncalayer-js-client uses it — the version greeting, the KAZTOKEN probe
// (answered "no such module"), and kz.gov.pki.knca.basics `sign` with format "cms" — signing
// with a GOST test key under НУЦ's OIDs. `mode` makes it misbehave as the issue lists.

export type FakeMode = 'sign' | 'cancel' | 'garbage' | 'close' | 'hang' | 'otherData' | 'error';

export interface SignRequestSeen {
  format: unknown;
  data: unknown;
  signingParams: unknown;
  signerParams: unknown;
  allowedStorages: unknown;
}

export interface FakeNcaLayer {
  url: string;
  /** PEM of the server's self-signed certificate, for clients that verify TLS against it. */
  certificatePem: string;
  /** The TLS key and certificate, so a restart (NCALayer updating itself) keeps the same identity. */
  tls: { key: string; cert: string };
  key: GostKey;
  mode: FakeMode;
  requests: SignRequestSeen[];
  close(): Promise<void>;
}

function selfSigned(): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: '127.0.0.1' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'basicConstraints', cA: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

/** Starts the fake on `port` (13579 as the real one; 0 for any free port). */
export async function startFakeNcaLayer(options: { key: GostKey; port?: number; now?: () => Date; tls?: { key: string; cert: string } }): Promise<FakeNcaLayer> {
  const tls = options.tls ?? selfSigned();
  const server: Server = createServer({ key: tls.key, cert: tls.cert });
  const sockets = new WebSocketServer({ server });
  const fake: FakeNcaLayer = {
    url: '',
    certificatePem: tls.cert,
    tls,
    key: options.key,
    mode: 'sign',
    requests: [],
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
  sockets.on('connection', (socket: WebSocket) => {
    socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', (raw) => {
      let request: { module?: string; method?: string; args?: Record<string, unknown> };
      try {
        request = JSON.parse(String(raw));
      } catch {
        socket.send(JSON.stringify({ code: '500', message: 'bad request' }));
        return;
      }
      if (request.module !== 'kz.gov.pki.knca.basics' || request.method !== 'sign') {
        socket.send(JSON.stringify({ code: '500', message: `module ${request.module} not found` }));
        return;
      }
      const args = request.args ?? {};
      fake.requests.push({ format: args.format, data: args.data, signingParams: args.signingParams, signerParams: args.signerParams, allowedStorages: args.allowedStorages });
      const reply = (body: unknown) => socket.send(typeof body === 'string' ? body : JSON.stringify(body));
      switch (fake.mode) {
        case 'hang':
          return;
        case 'close':
          socket.close();
          return;
        case 'garbage':
          reply({ status: true, body: { result: ['this is not a CMS'] } });
          return;
        case 'cancel':
          reply({ status: true, body: {} });
          return;
        case 'error':
          reply({ status: false, code: '500', message: 'internal error', details: 'fake' });
          return;
      }
      const data = typeof args.data === 'string' ? fromBase64(args.data) : null;
      const decode = (args.signingParams as { decode?: unknown } | undefined)?.decode === true;
      if (args.format !== 'cms' || !data || !decode) {
        reply({ status: false, code: '400', message: 'unsupported parameters', details: 'the fake signs only decoded base64 data as CMS' });
        return;
      }
      const content = fake.mode === 'otherData' ? new TextEncoder().encode('something else') : data;
      const cms = signGostDetached({ content, key: fake.key, signingTime: options.now?.() ?? new Date(), profile: 'kz' });
      reply({ status: true, body: { result: [toBase64(cms)] } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 13579, '127.0.0.1', () => resolve());
  });
  fake.url = `wss://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
