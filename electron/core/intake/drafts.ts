import { z } from 'zod';
import { withOverrides } from '../catalog/overrides';
import { localDateTime } from '../../../shared/time';
import {
  ArmError,
  checklistItemSchema,
  draftPowerOfAttorneySchema,
  intakeRefusalSchema,
  languageSchema,
  personDataSchema,
  requestContentSchema,
  type IntakeDraft,
  type RequestContent,
} from '../../../shared/api';
import { serviceDeadline, type Catalog } from '../../../shared/catalog/catalog';
import type { Service, Variant } from '../../../shared/catalog/schema';
import type { Db } from '../db/database';
import { findRequest, type RequestRow } from '../requests/repository';
import { alignChecklist, checklistLines, formFields, fullName, missingDocuments } from './form';

// The draft as SQLite keeps it: one JSON row per request, rewritten in one statement on every
// change, so a killed process leaves the previous or the next version, never half of one.

export const draftDataSchema = z.object({
  channel: z.enum(['centre', 'mobileCentre']),
  language: languageSchema,
  applicant: personDataSchema.nullable(),
  represented: z.boolean(),
  representative: personDataSchema.nullable(),
  powerOfAttorney: draftPowerOfAttorneySchema.nullable(),
  fields: z.record(z.string(), z.string()),
  checklist: z.array(checklistItemSchema),
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

export function insertDraftData(db: Db, requestId: string, data: DraftData, now: Date): void {
  db.prepare('INSERT INTO intake_drafts (request_id, data, updated_at) VALUES (?, ?, ?)').run(requestId, JSON.stringify(data), now.toISOString());
}

export function loadDraft(db: Db, catalog: Catalog, requestId: string): LoadedDraft {
  const request = findRequest(db, requestId) as LoadedDraft['request'];
  const row = db.prepare('SELECT data, prepared FROM intake_drafts WHERE request_id = ?').get(requestId) as { data: string; prepared: string | null } | undefined;
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

/** Writes the draft and forgets any content prepared for signing: it no longer matches. */
export function storeDraftData(db: Db, requestId: string, data: DraftData, now: Date): void {
  const applicant = data.applicant;
  db.transaction(() => {
    db.prepare('UPDATE intake_drafts SET data = ?, prepared = NULL, updated_at = ? WHERE request_id = ?').run(JSON.stringify(data), now.toISOString(), requestId);
    db.prepare('UPDATE requests SET applicant_iin = ?, applicant_name = ?, updated_at = ? WHERE id = ?').run(
      applicant?.iin ?? '',
      applicant ? fullName(applicant) : null,
      now.toISOString(),
      requestId,
    );
  })();
}

export function storePrepared(db: Db, requestId: string, content: RequestContent): void {
  db.prepare('UPDATE intake_drafts SET prepared = ? WHERE request_id = ?').run(JSON.stringify(content), requestId);
}


/** The deadline if accepted at `now`; null when the regulation gives no term for the channel. */
export function dueBy(variant: Variant, channel: DraftData['channel'], now: Date): string | null {
  return serviceDeadline(variant, channel, localDateTime(now))?.due ?? null;
}

export function viewDraft(draft: LoadedDraft, now: Date): IntakeDraft {
  const { request, service, variant, data } = draft;
  const lines = checklistLines(variant, data.powerOfAttorney);
  const checklist = alignChecklist(lines, data.checklist);
  let due: string | null = null;
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
    dueBy: due,
    updatedAt: request.updated_at,
  };
}
