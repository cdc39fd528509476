import { z } from 'zod';
import { calendarYearSchema } from '../calendar/calendar';
import { serviceEntrySchema } from '../catalog/schema';
import { canonicalBytes } from '../signing/canonical';
import { organisationSchema, routeSchema } from './api';

// Reference data (нормативно-справочная информация) the gateway publishes and every АРМ keeps
// (issue 14 item 4): the service catalog, the working-day calendar by year, the organisations with
// their routes, the heads' certificates a verifying АРМ needs (issue 21 item 1), the offline
// guardrail limits (issue 14 item 5). Each dataset is versioned and signed by the gateway's
// reference-data key, whose certificate chains to the same roots as every other signature.

/** The envelope's layout this АРМ reads; a newer one is refused with "update the АРМ", never guessed at. */
export const REFERENCE_SCHEMA = 1;

/**
 * The BIN in the reference-data key's certificate: the gateway's operator. Only a key of this
 * organisation, chained to a trusted root and not revoked, may change a workstation's reference
 * data. (The TEST PKI issues its reference-data key to this BIN: shared/signing/testPki.ts.)
 */
export const REFERENCE_SIGNER_BIN = '000240040015';

export const referenceDatasetSchema = z.enum(['catalog', 'calendar', 'organisations', 'signers', 'limits']);
export type ReferenceDataset = z.infer<typeof referenceDatasetSchema>;
export const referenceDatasets = referenceDatasetSchema.options;

/** What each dataset carries (schema 1). */
export const referencePayloadSchemas = {
  catalog: z.object({ services: z.array(serviceEntrySchema).min(1) }),
  /** Whole years: a year sent replaces the workstation's copy of that year (the bundled ones are only the seed). */
  calendar: z.object({ years: z.array(calendarYearSchema).min(1) }),
  organisations: z.object({ organisations: z.array(organisationSchema), routes: z.array(routeSchema) }),
  /** PEM certificates of the heads (руководители услугодателей) whose results a workstation verifies. */
  signers: z.object({ certificates: z.array(z.string().min(1)) }),
  /** Defaults for the offline guardrails; the supervisor's own limits stay on top. */
  limits: z.object({
    offlineHours: z.number().int().min(1).max(24 * 90),
    maxUnsent: z.number().int().min(1).max(100_000).nullable(),
    minFreeMb: z.number().int().min(1).max(1_000_000).nullable(),
  }),
} satisfies Record<ReferenceDataset, z.ZodType>;
export type ReferencePayload<D extends ReferenceDataset> = z.infer<(typeof referencePayloadSchemas)[D]>;

/**
 * GET /reference/datasets/{dataset}. The wire schema leaves `data` open: a newer layout must reach
 * the АРМ's own check (REFERENCE_SCHEMA_NEWER), not fail as an unreadable answer.
 */
export const signedReferenceSchema = z.object({
  dataset: referenceDatasetSchema,
  schema: z.number().int().positive(),
  version: z.number().int().positive(),
  issuedAt: z.iso.datetime(),
  data: z.unknown(),
  /** base64 detached CMS over referenceSignedBytes(this envelope). */
  signature: z.string().min(1),
});
export type SignedReference = z.infer<typeof signedReferenceSchema>;

/** What the signature covers: everything in the envelope but the signature, canonical JSON. */
export function referenceSignedBytes(envelope: Omit<SignedReference, 'signature'>): Uint8Array {
  return canonicalBytes({ dataset: envelope.dataset, schema: envelope.schema, version: envelope.version, issuedAt: envelope.issuedAt, data: envelope.data });
}

/** The emulator's control: publish a new version of one dataset (its data checked as schema 1). */
export const publishReferenceInputSchema = z.strictObject({ data: z.unknown() });
export const publishReferenceAnswerSchema = z.object({ dataset: referenceDatasetSchema, version: z.number().int().positive() });
