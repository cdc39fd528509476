import { z } from 'zod';
import { withOverrides } from '../catalog/overrides';
import { localDateTime } from '../../../shared/time';
import {
  ArmError,
  checklistItemSchema,
  draftPowerOfAttorneySchema,
  intakeChannelSchema,
  intakeRefusalSchema,
  languageSchema,
  personDataSchema,
  requestContentSchema,
  type IntakeDraft,
  type RequestContent,
} from '../../../shared/api';
import { currentCatalog, type Catalog } from '../../../shared/catalog/catalog';
import { receiptTerm } from '../../../shared/catalog/steps';
import type { Service, Variant } from '../../../shared/catalog/schema';
import { appendAudit, type AuditRecord } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Db } from '../db/database';
import { findRequest, type RequestRow } from '../requests/repository';
import { alignChecklist, checklistLines, formFields, fullName, missingDocuments } from './form';
import { findDuplicates, readDraftRow, writeDraftRow } from './repository';

// The draft the operator fills at the counter: its data, loaded with its service and variant,
// viewed for the screen; shared with the documents capability (scans attach to a draft's
// checklist), which is why it lives here and not in intake's handlers.

export const draftDataSchema = z.object({
  channel: intakeChannelSchema,
  language: languageSchema,
  applicant: personDataSchema.nullable(),
  represented: z.boolean(),
  representative: personDataSchema.nullable(),
  powerOfAttorney: draftPowerOfAttorneySchema.nullable(),
  fields: z.record(z.string(), z.string()),
  checklist: z.array(checklistItemSchema),
  /** The operator's reason to continue despite a possible duplicate (absent in drafts made before). */
  duplicateReason: z.string().nullable().default(null),
  /** Set when the counter refused to accept: what the refusal receipt says. */
  refusal: intakeRefusalSchema.optional(),
});
export type DraftData = z.infer<typeof draftDataSchema>;

export interface LoadedDraft {
  request: RequestRow & { variant_id: string; provider: string };
  service: Service;
  variant: Variant;
  data: DraftData;
  prepared: RequestContent | null;
}

/** The service catalog in force (bundled, or the gateway's reference data). */
export function intakeCatalog(): Catalog {
  return currentCatalog();
}

export function loadDraft(db: Db, catalog: Catalog, requestId: string): LoadedDraft {
  const request = findRequest(db, requestId) as LoadedDraft['request'];
  const row = readDraftRow(db, requestId);
  if (!row) throw new ArmError('NOT_FOUND', 'No intake draft for this request.');
  // The supervisor's document list (catalog overrides) applies at the counter too.
  const bundled = catalog.get(request.service_id);
  const service = bundled && withOverrides(db, bundled);
  const variant = service?.variants.find((candidate) => candidate.id === request.variant_id);
  if (!service || !variant) throw new ArmError('NOT_FOUND', `The catalog no longer has ${request.service_id} / ${request.variant_id}.`);
  return {
    request,
    service,
    variant,
    data: draftDataSchema.parse(JSON.parse(row.data)),
    prepared: row.prepared ? requestContentSchema.parse(JSON.parse(row.prepared)) : null,
  };
}

/** A draft that may still change: signing, refusal and withdrawal end that. */
export function requireOpen(draft: LoadedDraft): void {
  if (draft.request.state !== 'draft') {
    throw new ArmError('STATE_CONFLICT', `The request is ${draft.request.state}, not a draft.`, undefined, { from: draft.request.state, to: 'draft' });
  }
}

/** A draft that exists and may still change, with its database. */
export function openDraft(ctx: CoreContext, requestId: string): { db: Db; draft: LoadedDraft } {
  const db = requireDb(ctx);
  const draft = loadDraft(db, intakeCatalog(), requestId);
  requireOpen(draft);
  return { db, draft };
}

/** Writes the draft (and the applicant's IIN and name on the request); prepared content is forgotten. */
export function storeDraftData(db: Db, requestId: string, data: DraftData, now: Date): void {
  writeDraftRow(db, requestId, data, data.applicant ? { iin: data.applicant.iin, name: fullName(data.applicant) } : null, now);
}

/** Saves a changed draft, with the audit entry that records the change in the same transaction, and answers the screen's view. */
export function saveAndView(ctx: CoreContext, db: Db, draft: LoadedDraft, data: DraftData, audit?: AuditRecord): IntakeDraft {
  const now = ctx.now();
  db.transaction(() => {
    if (audit) appendAudit(db, audit, now);
    storeDraftData(db, draft.request.id, data, now);
  })();
  return viewDraft(db, loadDraft(db, intakeCatalog(), draft.request.id), now);
}


/**
 * The deadline if accepted at `now`: the channel's term, or the indicative sum of the step norms
 * where the regulation gives no term (shared/catalog/steps.ts); null when it gives neither.
 */
export function dueBy(variant: Variant, channel: DraftData['channel'], now: Date): { due: string; indicative: boolean } | null {
  return receiptTerm(variant, channel, localDateTime(now));
}

export function viewDraft(db: Db, draft: LoadedDraft, now: Date): IntakeDraft {
  const { request, service, variant, data } = draft;
  const lines = checklistLines(variant, data.powerOfAttorney);
  const checklist = alignChecklist(lines, data.checklist);
  const duplicates = findDuplicates(db, { requestId: request.id, serviceId: service.id, applicantIin: data.applicant?.iin ?? null });
  let due: { due: string; indicative: boolean } | null = null;
  try {
    due = dueBy(variant, data.channel, now);
  } catch (error) {
    // A year without calendar data shows no preview; submitting refuses with the code.
    if (!(error instanceof ArmError)) throw error;
  }
  return {
    requestId: request.id,
    number: request.number,
    state: request.state,
    serviceId: service.id,
    serviceName: service.name,
    variantId: variant.id,
    channel: data.channel,
    centre: request.centre,
    provider: request.provider,
    representation: { allowed: variant.representative.allowed === true, simpleAllowed: variant.representative.allowed === true && variant.representative.notarisationRequired !== true },
    language: data.language,
    applicant: data.applicant,
    represented: data.represented,
    representative: data.representative,
    powerOfAttorney: data.powerOfAttorney,
    formFields: formFields(variant),
    fields: data.fields,
    lines,
    checklist,
    missing: missingDocuments(lines, checklist).map((line) => line.document),
    dueBy: due?.due ?? null,
    dueIndicative: due?.indicative ?? false,
    updatedAt: request.updated_at,
    duplicates: duplicates.map(({ number, state, centre }) => ({ number, state, centre })),
    duplicateReason: data.duplicateReason,
  };
}
