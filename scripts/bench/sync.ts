import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app';
import { writeAttachment } from '../../electron/core/documents/store';
import { enqueue } from '../../electron/core/outbox/queue';
import { machineIdentity } from '../../electron/core/workstation/machine';
import { canonicalBytes, certificatePem, signDetachedWith, toBase64 } from '../../shared/signing';
import { createDemoPki, DEMO_PASSWORD } from '../../shared/signing/testPki';
import { openKey } from '../../electron/core/signing/keys';
import { quiet, report } from './report';
import type { BenchServer } from './server';

type SpawnGateway = (dataDir: string, extraArgs: string[]) => Promise<BenchServer>;

const QUEUED = 1000;
const ATTACHMENT_BYTES = 100 * 1024;

/**
 * sync.drain_per_s: the АРМ's own outbox (electron/core/outbox) draining 1,000 queued requests,
 * each with its own 100 KB scan, through the real gateway client to the emulator in its own
 * process with signature checks on (--trust-dir): batch calls (POST /messages/batch) of up to
 * 100 signed messages with their scans, each message's ЭЦП and envelope checked on its own, each
 * call answered only after the emulator's fsync'd commit, signed by the enrolled machine key.
 * Read it beside gateway.noop_per_s of the same run (the floor: one empty round trip).
 */
export async function syncDrain(work: string, spawnGateway: SpawnGateway): Promise<void> {
  const demo = await createDemoPki({ now: new Date(), only: ['operator'] });
  const trustDir = path.join(work, 'pki');
  mkdirSync(trustDir, { recursive: true });
  writeFileSync(path.join(trustDir, 'test-root-ca.pem'), certificatePem(demo.root.certificate));
  writeFileSync(path.join(trustDir, 'test-crl.crl'), demo.crl);
  const secretFile = path.join(work, 'admin.secret');
  const gateway = await spawnGateway(path.join(work, 'gateway'), ['--trust-dir', trustDir, '--admin-secret-file', secretFile]);
  const dataDir = path.join(work, 'arm');
  const core = startCore({ appVersion: 'bench', dataDir, gatewayUrl: gateway.url, log: quiet, syncIntervalMs: 0 });
  try {
    // The АРМ's machine enrolled as an admin would: every call it makes is signed and checked.
    const machine = machineIdentity(core.context.db!, core.context.crypto, new Date());
    const enrolled = await fetch(`${gateway.url}/_control/machines`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${readFileSync(secretFile, 'utf8')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ publicKey: machine.publicKey, organisations: ['con-kokpekty'] }),
    });
    if (!enrolled.ok) throw new Error(`enrollment refused: ${enrolled.status}`);
    const operator = demo.keys.operator;
    const operatorKey = openKey(operator.p12, DEMO_PASSWORD).privateKey;
    const db = core.context.db!;
    const now = new Date();
    db.transaction(() => {
      for (let index = 0; index < QUEUED; index++) {
        // Each its own signature (the gateway refuses a signature it saw as a replay) and its own scan.
        const payload = { number: `bench-${index}`, operator: { iin: operator.person.iin } };
        const cms = signDetachedWith({ content: canonicalBytes(payload), certificate: operator.certificate, signingTime: now, sign: (data) => core.context.crypto.sign('rsa-sha256', operatorKey, data) });
        const signature = { format: 'cms' as const, value: toBase64(cms) };
        const sha256 = writeAttachment(dataDir, randomBytes(ATTACHMENT_BYTES));
        const message = { id: randomUUID(), kind: 'request' as const, from: 'con-kokpekty', to: 'edu-kokpekty', service: 'preschool-queue', createdAt: now.toISOString(), attachments: [sha256], payload, signature };
        enqueue(db, message, null, now);
      }
    })();
    const started = performance.now();
    const result = await core.context.sync!.run();
    const seconds = (performance.now() - started) / 1000;
    if (result.delivered !== QUEUED) throw new Error(`the outbox delivered ${result.delivered} of ${QUEUED} (${JSON.stringify(result)})`);
    report('sync.drain_per_s', QUEUED / seconds, 'requests/s');
  } finally {
    core.close();
    await gateway.stop();
  }
}
