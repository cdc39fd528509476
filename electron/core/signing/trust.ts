import { ArmError, type TrustStatus } from '../../../shared/api';
import { crlReferenceSchema, trustReferenceSchema } from '../../../shared/gateway/api';
import { cachedCrl, cachedTrustedRoot, type Crl, type TrustedRoot } from '../../../shared/signing';
import type { TimeStampKey } from '../../../shared/gateway/timestamp';
import type { Db } from '../db/database';
import type { GatewayClient } from '../gateway/client';

// The gateway's trusted roots and CRLs (доверенные корневые сертификаты, список отозванных
// регистрационных свидетельств), cached in SQLite with the time they were fetched: the АРМ checks
// each fresh signature against them before it is queued, also when offline (issue 6, item 3).

type Name = 'trust' | 'crl';

interface Row {
  etag: string | null;
  body: string;
  fetched_at: string;
}

export interface CachedTrust {
  roots: TrustedRoot[];
  crls: Crl[];
  crlFetchedAt: string | null;
  /** The keys the gateway stamps its receipts with (signing/judged.ts checks each stamp against them). */
  timeStampKeys: TimeStampKey[];
}

function row(db: Db, name: Name): Row | undefined {
  return db.prepare<[Name], Row>('SELECT etag, body, fetched_at FROM trust_cache WHERE name = ?').get(name);
}

function parseRoots(pems: string[]): TrustedRoot[] {
  return pems.map((pem) => {
    const cert = cachedTrustedRoot(pem);
    if (!cert) throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway published a root that is not a certificate.');
    return cert;
  });
}

export function readTrust(db: Db): CachedTrust {
  const trust = row(db, 'trust');
  const crl = row(db, 'crl');
  const published = trust ? trustReferenceSchema.parse(JSON.parse(trust.body)) : null;
  return {
    roots: published ? parseRoots(published.roots) : [],
    timeStampKeys: published?.timeStampKeys ?? [],
    crls: crl ? crlReferenceSchema.parse(JSON.parse(crl.body)).crls.map((pem) => cachedCrl(pem)) : [],
    crlFetchedAt: crl?.fetched_at ?? null,
  };
}

/**
 * Asks the gateway for both references with the cached ETags. A 304 only renews fetched_at; a new
 * body is parsed before it replaces the cache, so a damaged answer never wipes the last good copy.
 */
export async function refreshTrust(db: Db, client: GatewayClient, now: Date): Promise<void> {
  const store = (name: Name, etag: string | null, body: unknown) =>
    db
      .prepare('INSERT INTO trust_cache (name, etag, body, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET etag = excluded.etag, body = excluded.body, fetched_at = excluded.fetched_at')
      .run(name, etag, JSON.stringify(body), now.toISOString());
  const touch = (name: Name) => db.prepare('UPDATE trust_cache SET fetched_at = ? WHERE name = ?').run(now.toISOString(), name);

  const [trust, crl] = await Promise.all([client.trust({ etag: row(db, 'trust')?.etag ?? null }), client.crl({ etag: row(db, 'crl')?.etag ?? null })]);
  if (trust) parseRoots(trust.body.roots);
  if (crl) {
    try {
      crl.body.crls.forEach((pem) => cachedCrl(pem));
    } catch {
      throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway published a CRL that cannot be read.');
    }
  }
  db.transaction(() => {
    if (trust) store('trust', trust.etag, trust.body);
    else touch('trust');
    if (crl) store('crl', crl.etag, crl.body);
    else touch('crl');
  })();
}

/** What the signing dialog shows: how old the revocation list is, and whether it is past nextUpdate. */
export function trustStatus(db: Db, now: Date, refreshed: boolean): TrustStatus {
  const cached = readTrust(db);
  const oldest = [...cached.crls].sort((a, b) => a.thisUpdate.getTime() - b.thisUpdate.getTime())[0];
  const nextUpdates = cached.crls.map((crl) => crl.nextUpdate).filter((date): date is Date => date !== null);
  const nextUpdate = nextUpdates.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return {
    refreshed,
    roots: cached.roots.length,
    crl:
      oldest && cached.crlFetchedAt
        ? {
            issuedAt: oldest.thisUpdate.toISOString(),
            nextUpdate: nextUpdate?.toISOString() ?? null,
            fetchedAt: cached.crlFetchedAt,
            ageMinutes: Math.max(0, Math.floor((now.getTime() - oldest.thisUpdate.getTime()) / 60_000)),
            stale: nextUpdate !== null && nextUpdate.getTime() < now.getTime(),
          }
        : null,
  };
}
