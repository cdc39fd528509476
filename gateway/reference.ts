import type forge from 'node-forge';
import { bundledCalendarYears } from '../shared/calendar/calendar';
import {
  REFERENCE_SCHEMA,
  referenceDatasetSchema,
  referencePayloadSchemas,
  referenceSignedBytes,
  type ReferenceDataset,
  type SignedReference,
} from '../shared/gateway/reference';
import { certificatePem, signDetached, toBase64 } from '../shared/signing';
import { OFFLINE_WINDOW_DAYS } from '../shared/time';
import type { GatewayDb } from './db/database';
import { GatewayError, invalid } from './errors';
import type { Registries } from './registries';
import { catalog } from './seed/directory';

// The reference data the gateway publishes (issue 14 item 4, issue 21 item 1): each dataset signed
// with the reference-data key, versioned; the admin publishes a new version (/_control/reference).
// Until then a dataset is what the emulator ships with: the bundled catalog and calendar years, its
// directory, the heads' certificates of its trust folder, the default guardrail limits.

/** The gateway's reference-data key: an organisation SIGN key of the operator, under a trusted root. */
export interface ReferenceSigner {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
}

export interface ReferenceOptions {
  signer: ReferenceSigner | null;
  /** The heads whose results the АРМs verify (the `signers` dataset). */
  heads: forge.pki.Certificate[];
  registries: Registries;
  now: () => Date;
}

interface Published {
  version: number;
  issuedAt: string;
  data: unknown;
}

export function createReference(db: GatewayDb, options: ReferenceOptions) {
  const readMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const writeMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const startedAt = options.now().toISOString();
  /** Signed once per version: the ETag stays put while nothing changes. */
  const signed = new Map<ReferenceDataset, SignedReference>();

  const shipped = (dataset: ReferenceDataset): unknown => {
    switch (dataset) {
      case 'catalog':
        return { services: catalog.services };
      case 'calendar':
        return { years: bundledCalendarYears };
      case 'organisations': {
        const { organisations, routes } = options.registries.organisations();
        return { organisations, routes };
      }
      case 'signers':
        return { certificates: options.heads.map(certificatePem) };
      case 'limits':
        return { offlineHours: OFFLINE_WINDOW_DAYS * 24, maxUnsent: null, minFreeMb: null };
    }
  };

  function published(dataset: ReferenceDataset): Published {
    const stored = readMeta.get(`reference.${dataset}`);
    return stored ? (JSON.parse(stored.value) as Published) : { version: 1, issuedAt: startedAt, data: shipped(dataset) };
  }

  function parseDataset(name: string): ReferenceDataset {
    const parsed = referenceDatasetSchema.safeParse(name);
    if (!parsed.success) throw new GatewayError('NOT_FOUND', `No reference dataset ${name}.`);
    return parsed.data;
  }

  return {
    get(name: string): SignedReference {
      const dataset = parseDataset(name);
      if (!options.signer) throw new GatewayError('REFERENCE_UNAVAILABLE', 'This gateway has no reference-data key: nothing is published signed.');
      const current = published(dataset);
      const cached = signed.get(dataset);
      if (cached && cached.version === current.version && cached.issuedAt === current.issuedAt) return cached;
      const unsigned = { dataset, schema: REFERENCE_SCHEMA, version: current.version, issuedAt: current.issuedAt, data: current.data };
      const cms = signDetached({ content: referenceSignedBytes(unsigned), key: options.signer.key, certificate: options.signer.certificate, signingTime: options.now() });
      const envelope = { ...unsigned, signature: toBase64(cms) };
      signed.set(dataset, envelope);
      return envelope;
    },

    /** The next version of one dataset, checked as the АРМ will check it. */
    publish(name: string, data: unknown): { dataset: ReferenceDataset; version: number } {
      const dataset = parseDataset(name);
      const parsed = referencePayloadSchemas[dataset].safeParse(data);
      if (!parsed.success) throw invalid(`The ${dataset} data does not match schema ${REFERENCE_SCHEMA}.`, parsed.error);
      const version = published(dataset).version + 1;
      writeMeta.run(`reference.${dataset}`, JSON.stringify({ version, issuedAt: options.now().toISOString(), data: parsed.data } satisfies Published));
      return { dataset, version };
    },
  };
}
