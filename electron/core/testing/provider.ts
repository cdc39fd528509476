import { certificatePem, crlPem } from '../../../shared/signing';
import type { DemoPki } from '../../../shared/signing/testPki';
import type { Db } from '../db/database';
import { writeSettings } from '../settings/store';
import { testCore, type TestCoreOptions } from './core';
import { PROVIDER } from './requests';

export * from './requests';

/** This workstation as the education department, trusting the demo root and its CRL. */
export function configureProvider(db: Db, pki: DemoPki, organisation = PROVIDER): void {
  writeSettings(db, { 'workstation.organisation': organisation, 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date());
}

/**
 * testCore configured as the department (or another organisation) with the demo trust (or, with
 * pki null, no trust yet: the test sets its own); its clock starts a few days after intake's.
 */
export function providerCore(pki: DemoPki | null, options: TestCoreOptions & { organisation?: string } = {}) {
  const { organisation = PROVIDER, ...core } = options;
  const t = testCore({ clock: { now: Date.parse('2026-03-06T10:00:00Z') }, ...core });
  if (pki) configureProvider(t.db, pki, organisation);
  else writeSettings(t.db, { 'workstation.organisation': organisation }, { userId: null }, new Date());
  return t;
}
