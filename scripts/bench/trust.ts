import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from '../../gateway/server';
import { startCore } from '../../electron/core/app';
import { signedIn } from '../../electron/core/testing';
import { refreshTrust } from '../../electron/core/signing/trust';
import { canonicalBytes, signDetached, toBase64 } from '../../shared/signing';
import { createDemoPki, DEMO_PASSWORD } from '../../shared/signing/testPki';
import { median, quiet, report } from './report';

// Trust: what the gateway's signature check costs per message, what the АРМ's own check adds to
// signing.sign (compare signing.sign_ms), and an ETag refresh of the cached roots and CRL.
async function sendRate(url: string, signed: Array<{ payload: Record<string, unknown>; signature: { format: 'cms'; value: string } }>): Promise<number> {
  const total = signed.length;
  const started = performance.now();
  for (const { payload, signature } of signed) {
    const message = { id: randomUUID(), kind: 'request', from: 'con-kokpekty', to: 'edu-kokpekty', service: 'preschool-queue', createdAt: new Date().toISOString(), attachments: [], payload, signature };
    const response = await fetch(`${url}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
    if (response.status !== 201) throw new Error(`gateway refused a signed message: ${response.status}`);
  }
  return total / ((performance.now() - started) / 1000);
}

export async function trustBench(): Promise<void> {
  const demo = await createDemoPki({ now: new Date(), only: ['operator'] });
  const operator = demo.keys.operator;
  const work = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-trust-'));
  // Lenient: this bench weighs the ЭЦП check alone (plain posts); sync.drain_per_s carries the machine signatures.
  const gateway = await startGateway({ port: 0, dataDir: path.join(work, 'gateway'), trust: { roots: [demo.root.certificate], crls: [demo.crl] }, machineAuth: 'lenient', log: () => {} });
  const core = startCore({ appVersion: 'bench', dataDir: path.join(work, 'arm'), gatewayUrl: gateway.url, log: quiet, syncIntervalMs: 0 });
  try {
    // 200 requests, each signed by the operator (each its own signature: the gateway refuses a
    // signature it saw as a replay), posted one after another: every one is verified.
    const signed = Array.from({ length: 200 }, (_, index) => {
      const payload = { number: `Z-${index}`, operator: { iin: operator.person.iin }, checklist: Array.from({ length: 5 }, (_, i) => ({ attachment: String(i).repeat(64) })) };
      return { payload, signature: { format: 'cms' as const, value: toBase64(signDetached({ content: canonicalBytes(payload), key: operator.key, certificate: operator.certificate, signingTime: new Date() })) } };
    });
    report('trust.gateway_verified_send_per_s', await sendRate(gateway.url, signed), 'messages/s');
    // The same messages to a gateway without trust, so the ratio shows the check's share.
    const unchecked = await startGateway({ port: 0, dataDir: path.join(work, 'unchecked'), machineAuth: 'lenient', log: () => {} });
    report('trust.gateway_unchecked_send_per_s', await sendRate(unchecked.url, signed), 'messages/s');
    await unchecked.close();

    const db = core.context.db!;
    await refreshTrust(db, core.context.gatewayClient!, new Date());
    const refreshes: number[] = [];
    for (let run = 0; run < 9; run++) {
      const at = performance.now();
      await refreshTrust(db, core.context.gatewayClient!, new Date());
      refreshes.push(performance.now() - at);
    }
    report('trust.refresh_304_ms', median(refreshes), 'ms');

    const window = signedIn(core, 'operator', operator.person.iin);
    const keyFile = toBase64(operator.p12);
    const signs: number[] = [];
    for (let run = 0; run < 7; run++) {
      const at = performance.now();
      const envelope = await core.dispatch('signing.sign', { keyFile, password: DEMO_PASSWORD, payload: signed[0]!.payload }, window);
      if (!envelope.ok) throw new Error(envelope.error.code);
      signs.push(performance.now() - at);
    }
    report('trust.sign_checked_ms', median(signs), 'ms');
  } finally {
    core.close();
    await gateway.close();
    rmSync(work, { recursive: true, force: true });
  }
}
