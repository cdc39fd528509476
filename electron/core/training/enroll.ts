import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayEndpoints } from '../../../shared/gateway/endpoints';
import type { CoreContext } from '../context';
import { readSetting } from '../settings/store';
import type { MachineIdentity } from '../workstation/machine';
import { TRAINING_CENTRE, TRAINING_MOBILE_CENTRE, TRAINING_PROVIDER } from './workstation';

// Training mode's enrollment shortcut (issue 16 item 1): the host starts the emulator with its
// admin secret in this private data folder, and the АРМ enrolls its own machine key for the demo
// centre and department (and whatever the supervisor set since) — what a gateway admin does for
// a real workstation.

/** Relative to the data folder; the host passes it to the emulator as --admin-secret-file. */
export const TRAINING_ADMIN_SECRET_FILE = path.join('training-gateway', 'admin.secret');

export async function enrollTrainingMachine(ctx: CoreContext, machine: MachineIdentity): Promise<void> {
  if (!ctx.db || !ctx.gateway.url) return;
  const secret = readFileSync(path.join(ctx.dataDir, TRAINING_ADMIN_SECRET_FILE), 'utf8').trim();
  const organisations = [
    TRAINING_CENTRE.code,
    TRAINING_PROVIDER,
    TRAINING_MOBILE_CENTRE.code,
    readSetting(ctx.db, 'workstation.centre')?.code,
    readSetting(ctx.db, 'workstation.organisation'),
    readSetting(ctx.db, 'workstation.mobileCentre')?.code,
  ];
  const response = await ctx.fetch(new URL(gatewayEndpoints.enrollMachine.path.slice(1), ctx.gateway.url.replace(/\/?$/, '/')), {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ publicKey: machine.publicKey, organisations: [...new Set(organisations.filter((code): code is string => Boolean(code)))] }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`The training gateway refused the enrollment: ${response.status} ${await response.text()}`);
}
