import { certificatePem, crlPem } from '../../../shared/signing';
import type { DemoPki } from '../../../shared/signing/testPki';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, createClient, type Role } from '../../../shared/api';
import { startCore } from '../app';
import type { Db } from '../db/database';
import { memoryLogger, signedIn } from '../testing';
import { PROVIDER } from './fixtures';
import { writeSettings } from '../settings/store';

export * from './fixtures';

/** This workstation as the education department, trusting the demo root and its CRL. */
export function configureProvider(db: Db, pki: DemoPki, organisation = PROVIDER): void {
  writeSettings(db, { 'workstation.organisation': organisation, 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date());
}

/**
 * A workstation of its own (core, data folder, clock) on the given emulator, configured as the
 * department with the demo trust (or, with pki null, no trust yet: the test sets its own);
 * `as(role, iin)` signs a user in a window of their own.
 */
export function workstation(gatewayUrl: string, pki: DemoPki | null, organisation = PROVIDER, start = '2026-03-06T10:00:00Z') {
  const clock = { now: Date.parse(start) };
  const core = startCore({ appVersion: 'test', dataDir: mkdtempSync(path.join(os.tmpdir(), 'arm-ws-')), gatewayUrl, log: memoryLogger(), now: () => new Date(clock.now), syncIntervalMs: 0 });
  let logins = 0;
  const as = (role: Role, iin = '920701300012') => {
    const key = signedIn(core, role, iin, `${role}-${++logins}`);
    return createClient(contract, (name, input) => core.dispatch(name, input, key));
  };
  if (pki) configureProvider(core.context.db!, pki, organisation);
  else writeSettings(core.context.db!, { 'workstation.organisation': organisation }, { userId: null }, new Date());
  return { core, clock, as, db: core.context.db! };
}
