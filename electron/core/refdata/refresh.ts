import { ArmError } from '../../../shared/api';
import type { CryptoProvider } from '../../../shared/crypto';
import { referenceDatasets, type ReferenceDataset } from '../../../shared/gateway/reference';
import type { Db } from '../db/database';
import type { GatewayClient } from '../gateway/client';
import { readTrust } from '../inbox/settings';
import type { Logger } from '../log';
import { checkReference } from './check';
import { applyReference, recordReferenceError, referenceEtag } from './store';

// The reference-data sync job (issue 14 item 4): every dataset asked for with its ETag; a 304 or
// the same version only renews its check time; a new version is checked (signature, schema, data)
// and applied in one transaction. One dataset's failure is recorded for the console and does not
// hold up the others; the job then fails with the first failure's code, so its backoff and last
// error show it too (but for a gateway that publishes no signed data at all).

export interface RefreshOptions {
  db: Db;
  client: GatewayClient;
  now: () => Date;
  crypto?: CryptoProvider;
  log?: Logger;
  datasets?: readonly ReferenceDataset[];
}

export async function refreshReference(options: RefreshOptions): Promise<void> {
  const { db, client, now } = options;
  let first: unknown = null;
  for (const dataset of options.datasets ?? referenceDatasets) {
    try {
      const answer = await client.referenceData({ dataset, etag: referenceEtag(db, dataset) });
      if (answer === null) {
        db.prepare('UPDATE reference_data SET checked_at = ? WHERE dataset = ?').run(now().toISOString(), dataset);
        db.prepare('DELETE FROM reference_errors WHERE dataset = ?').run(dataset);
        continue;
      }
      // The roots and CRLs this workstation already trusts (the trust job keeps them current).
      const data = checkReference(dataset, answer.body, readTrust(db), now(), options.crypto);
      const changes = applyReference(db, { ...answer.body, dataset }, data, answer.etag, now());
      if (changes.length) options.log?.info('reference.due_changes', { dataset, count: changes.length });
    } catch (error) {
      const code = error instanceof ArmError ? error.code : 'INTERNAL';
      // A gateway that publishes no signed reference data is not a failing sync: the bundled data
      // stays in force and the console says so beside each dataset.
      if (code !== 'REFERENCE_UNAVAILABLE') first ??= error;
      options.log?.warn('reference.refused', { dataset, code, message: error instanceof Error ? error.message : String(error) });
      recordReferenceError(db, dataset, code, { dataset, ...(error instanceof ArmError ? (error.params ?? {}) : {}) }, now());
    }
  }
  if (first) throw first;
}
