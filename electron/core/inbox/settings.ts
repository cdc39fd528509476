import { readTrust as readPublishedTrust } from '../signing/trust';
import type { TimeStampKey } from '../../../shared/gateway/timestamp';
import { ArmError } from '../../../shared/api';
import { cachedCrl, cachedTrustedRoot, type Crl, type TrustedRoot } from '../../../shared/signing';
import type { Db } from '../db/database';
import { readSetting } from '../settings/store';

// Workstation settings the inbox needs (settings store, shared/api/settings.ts):
//   workstation.organisation  the gateway code of this workstation's organisation (edu-kokpekty,
//                             con-kokpekty): whose inbox it pulls, what it signs results as;
//   trust.roots               PEM certificates of the trusted roots (НУЦ РК, or the demo root);
//   trust.crls                PEM CRLs of those roots (the cached revocation list).

export function requireOrganisation(db: Db): string {
  const organisation = readSetting(db, 'workstation.organisation');
  if (!organisation) throw new ArmError('WORKSTATION_NOT_CONFIGURED', 'This workstation has no organisation code yet.');
  return organisation;
}

export interface Trust {
  roots: TrustedRoot[];
  crls: Crl[];
  /** How long past its nextUpdate a CRL is still believed (the supervisor's setting; 0: CRL_STALE at once). */
  crlGraceMs: number;
  /** The gateway's stamping keys: always the published ones (the receipts come from that gateway). */
  timeStampKeys: TimeStampKey[];
}

/** Every certificate block of a PEM bundle; TRUST_INVALID when one does not parse or there is none. */
export function parseRoots(pem: string): TrustedRoot[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new ArmError('TRUST_INVALID', 'No certificate in the PEM text.');
  return blocks.map((block) => {
    const certificate = cachedTrustedRoot(block);
    if (!certificate) throw new ArmError('TRUST_INVALID', 'A certificate in the PEM text does not parse.');
    return certificate;
  });
}

export function parseCrls(pem: string): Crl[] {
  const blocks = pem.match(/-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g) ?? [];
  return blocks.map((block) => {
    try {
      return cachedCrl(block);
    } catch {
      throw new ArmError('TRUST_INVALID', 'A CRL in the PEM text does not parse.');
    }
  });
}

/**
 * The roots and CRLs the supervisor set here; without them, those the gateway publishes (the
 * trust cache signing uses too). Neither means nothing verifies (CERT_UNTRUSTED): the inbox fails
 * closed.
 */
export function readTrust(db: Db): Trust {
  const roots = readSetting(db, 'trust.roots');
  const crls = readSetting(db, 'trust.crls');
  const crlGraceMs = (readSetting(db, 'trust.crlGraceHours') ?? 0) * 3_600_000;
  const published = readPublishedTrust(db);
  const { timeStampKeys } = published;
  if (roots) return { roots: parseRoots(roots), crls: crls ? parseCrls(crls) : [], crlGraceMs, timeStampKeys };
  return { roots: published.roots, crls: published.crls, crlGraceMs, timeStampKeys };
}
