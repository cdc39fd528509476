import { randomUUID } from 'node:crypto';
import { ArmError, type Contract, type PersonData, type RequestContent } from '../../../shared/api';
import type { Person, PowerOfAttorney } from '../../../shared/gateway/api';
import { canonicalBytes, canonicalSha256, fromBase64 } from '../../../shared/signing';
import { appendAudit, type AuditRecord } from '../audit/log';
import { findById } from '../auth/accounts';
import { requireWithinGuardrails } from '../sync/guardrails';
import { requireTrustedClock } from '../workstation/clock';
import { requireDb, requireGateway, type CoreContext } from '../context';
import type { Db } from '../db/database';
import type { Handlers } from '../handler';
import { enqueue } from '../outbox/outbox';
import { createDraft, moveRequest, registerAtOffice } from '../requests/repository';
import { localDay } from '../../../shared/time';
import { writeSettings } from '../settings/store';
import { requireOrganisation } from '../inbox/settings';
import { organisationDistrict, readCounterCentre, requireCentre, routeProvider } from './centre';
import { dueBy, intakeCatalog, loadDraft, openDraft, saveAndView, storeDraftData, viewDraft, type DraftData, type LoadedDraft } from './drafts';
import { alignChecklist, checklistLines, completeFields, missingDocuments, missingFields, variantFor } from './form';
import { checkPowerOfAttorney } from './powerOfAttorney';
import { findDuplicates, insertDraftRow, listDraftRows, writePrepared, writeSignedContent } from './repository';
import { verifyOperatorSignature } from './signature';

/** ГБД ФЛ keeps both spellings; the request carries the one of the applicant's language. */
function personFromRegistry(person: Person, language: 'ru' | 'kk'): PersonData {
  return {
    iin: person.iin,
    surname: person.surname[language],
    name: person.name[language],
    patronymic: person.patronymic?.[language] ?? null,
    birthDate: person.birthDate,
    address: person.address[language],
    source: 'registry',
  };
}

function today(now: Date): string {
  return localDay(now);
}

function deadlineOf(variant: LoadedDraft['variant'], channel: DraftData['channel'], now: Date): Pick<RequestContent, 'dueBy' | 'dueIndicative'> {
  const due = dueBy(variant, channel, now);
  return { dueBy: due?.due ?? null, ...(due?.indicative ? { dueIndicative: true as const } : {}) };
}

/** Everything the signature must cover, or the first reason the request cannot be signed yet. */
function buildContent(ctx: CoreContext, db: Db, draft: LoadedDraft, userId: string): RequestContent {
  const { data, variant, request } = draft;
  if (!data.applicant) throw new ArmError('APPLICANT_MISSING', 'No applicant yet.');
  if (data.represented && !data.representative) throw new ArmError('REPRESENTATIVE_MISSING', 'No representative yet.');
  if (data.represented && !data.powerOfAttorney) throw new ArmError('POA_MISSING', 'No power of attorney yet.');
  const fields = missingFields(variant, data.fields);
  if (fields.length) {
    throw new ArmError('FIELDS_MISSING', 'Required fields are empty.', fields.map((field) => ({ path: `fields.${field.key}`, message: 'required' })), {
      fields: fields.map((field) => field.label[data.language]).join('; '),
    });
  }
  const lines = checklistLines(variant, data.represented ? data.powerOfAttorney : null);
  const checklist = alignChecklist(lines, data.checklist);
  const missing = missingDocuments(lines, checklist);
  if (missing.length) {
    throw new ArmError(
      'DOCUMENTS_MISSING',
      'Required documents are not presented.',
      missing.map((line) => ({ path: `checklist.${line.document}`, message: 'required' })),
      { documents: missing.map((line) => line.name[data.language]).join('; ') },
    );
  }
  const [duplicate] = findDuplicates(db, { requestId: request.id, serviceId: request.service_id, applicantIin: data.applicant.iin });
  if (duplicate && !data.duplicateReason) {
    throw new ArmError('DUPLICATE_REQUEST', `Possible duplicate of ${duplicate.number} (${duplicate.state}).`, undefined, { number: duplicate.number });
  }
  const operator = findById(db, userId);
  if (!operator) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
  const now = ctx.now();
  const poa = data.represented ? data.powerOfAttorney : null;
  const poaLine = lines.find((line) => line.kind === 'powerOfAttorney');
  return {
    number: request.number,
    serviceId: request.service_id,
    variantId: variant.id,
    channel: data.channel,
    applicant: data.applicant,
    representative: data.represented ? data.representative : null,
    powerOfAttorney:
      poa?.kind === 'simple'
        ? { kind: 'simple', attachment: checklist.find((item) => item.document === poaLine?.document)!.attachments[0]! }
        : poa,
    fields: completeFields(variant, data.fields, data.applicant),
    // Only what was presented is accepted and signed, each by its checklist name.
    checklist: checklist.filter((item) => item.presented).map((item) => ({ ...item, name: lines.find((line) => line.document === item.document)!.name })),
    operator: { userId: operator.id, iin: operator.iin, fullName: operator.full_name },
    centre: request.centre,
    provider: request.provider,
    acceptedAt: now.toISOString(),
    ...deadlineOf(variant, data.channel, now),
  };
}

export const intakeHandlers: Handlers<Contract>['intake'] = {
  centre: (_input, ctx, { caller }) => readCounterCentre(requireDb(ctx), caller!.role),

  setCentre: async (centre, ctx, { caller }) => {
    const db = requireDb(ctx);
    // Checked against the directory when the gateway answers; offline the supervisor's word stands.
    if (ctx.gatewayClient) {
      try {
        const organisation = await ctx.gatewayClient.organisation({ code: centre.code });
        if (organisation.kind !== 'centre' || organisation.district !== centre.district) {
          throw new ArmError('ORGANISATION_NOT_FOUND', `${centre.code} is not a centre of ${centre.district}.`);
        }
        const directory = await ctx.gatewayClient.organisationsReference();
        if (directory) writeSettings(db, { 'reference.organisations': directory.body }, { userId: null }, ctx.now());
      } catch (error) {
        if (!(error instanceof ArmError) || error.code !== 'GATEWAY_UNAVAILABLE') throw error;
      }
    }
    writeSettings(db, { 'workstation.centre': centre }, caller!, ctx.now());
    return centre;
  },

  start: async ({ serviceId }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // A clock the gateway cannot vouch for, or a workstation past its offline limits, takes no new requests.
    requireTrustedClock(db, ctx.now());
    requireWithinGuardrails(db, ctx.dataDir, ctx.now());
    const service = intakeCatalog().get(serviceId);
    if (!service) throw new ArmError('NOT_FOUND', `No service ${serviceId} in the catalog.`);
    // The provider's office takes requests in for itself (seed 001 п.5 пп.1: «работник канцелярии
    // услугодателя … осуществляет их прием, регистрацию»): its own code is centre and provider.
    const office = caller!.role === 'officeWorker';
    const channel = office ? 'provider' : caller!.role === 'mobileOperator' ? 'mobileCentre' : 'centre';
    const centre = office ? { code: requireOrganisation(db), district: '' } : requireCentre(db, caller!.role);
    if (office) centre.district = await organisationDistrict(ctx, db, centre.code);
    const variant = variantFor(service, centre.district, channel);
    const provider = office ? centre.code : await routeProvider(ctx, db, service.id, centre.district);
    const now = ctx.now();
    const data: DraftData = { channel, language: 'ru', applicant: null, represented: false, representative: null, powerOfAttorney: null, fields: {}, checklist: [], duplicateReason: null };
    const requestId = db.transaction(() => {
      const row = createDraft(db, { serviceId: service.id, applicantIin: '', centre: centre.code }, { userId: caller!.userId, actor: caller!.role }, now);
      insertDraftRow(db, row.id, { variantId: variant.id, provider }, data, now);
      return row.id;
    })();
    return viewDraft(db, loadDraft(db, intakeCatalog(), requestId), now);
  },

  get: ({ requestId }, ctx) => {
    const db = requireDb(ctx);
    return viewDraft(db, loadDraft(db, intakeCatalog(), requestId), ctx.now());
  },

  // Per operator: the next person at the desk is not offered the previous one's applicants.
  drafts: (_input, ctx, { caller }) => {
    return listDraftRows(requireDb(ctx), caller!.userId).map((row) => ({
      requestId: row.id,
      number: row.number,
      serviceName: intakeCatalog().get(row.service_id)?.name ?? { ru: row.service_id, kk: row.service_id },
      applicantName: row.applicant_name,
      updatedAt: row.updated_at,
    }));
  },

  saveDraft: (input, ctx) => {
    const { db, draft } = openDraft(ctx, input.requestId);
    const known = new Set(draft.variant.applicationForm.fields.map((field) => field.key));
    const unknown = Object.keys(input.fields).filter((key) => !known.has(key));
    if (unknown.length) throw new ArmError('VALIDATION_FAILED', 'Fields the form does not have.', unknown.map((key) => ({ path: `fields.${key}`, message: 'unknown field' })));
    const lines = checklistLines(draft.variant, draft.data.powerOfAttorney);
    const stray = input.checklist.filter((item) => !lines.some((line) => line.document === item.document));
    if (stray.length) throw new ArmError('VALIDATION_FAILED', 'Documents the checklist does not have.', stray.map((item) => ({ path: `checklist.${item.document}`, message: 'unknown document' })));
    const checklist = alignChecklist(lines, draft.data.checklist).map((item) => {
      const marked = input.checklist.find((candidate) => candidate.document === item.document);
      return marked ? { ...item, presented: marked.presented, form: marked.form } : item;
    });
    if (input.represented && !draft.variant.representative.allowed) throw new ArmError('REPRESENTATIVE_NOT_ALLOWED', 'The regulation does not provide for a representative.');
    return saveAndView(ctx, db, draft, {
      ...draft.data,
      language: input.language,
      represented: input.represented,
      ...(input.represented ? {} : { representative: null, powerOfAttorney: null }),
      fields: input.fields,
      checklist,
    });
  },

  lookupPerson: async ({ requestId, role, iin }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    if (role === 'representative' && !draft.variant.representative.allowed) throw new ArmError('REPRESENTATIVE_NOT_ALLOWED', 'The regulation does not provide for a representative.');
    const record = (result: string): AuditRecord => ({ userId: caller!.userId, action: 'person.lookup', objectType: 'person', objectId: iin, details: { requestId, role, result } });
    let person: Person;
    try {
      person = await requireGateway(ctx).person({ iin });
    } catch (error) {
      appendAudit(db, record(error instanceof ArmError ? error.code : 'INTERNAL'), ctx.now());
      throw error;
    }
    const found = personFromRegistry(person, draft.data.language);
    // A new person voids a PoA checked against the previous one.
    return saveAndView(
      ctx,
      db,
      draft,
      // Another applicant voids the reason given for the previous one's duplicate.
      { ...draft.data, ...(role === 'applicant' ? { applicant: found, duplicateReason: null } : { representative: found, represented: true }), powerOfAttorney: null },
      record('found'),
    );
  },

  manualPerson: ({ requestId, role, person }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    if (role === 'representative' && !draft.variant.representative.allowed) throw new ArmError('REPRESENTATIVE_NOT_ALLOWED', 'The regulation does not provide for a representative.');
    const typed: PersonData = { ...person, patronymic: person.patronymic || null, address: person.address || null, source: 'manual' };
    return saveAndView(
      ctx,
      db,
      draft,
      { ...draft.data, ...(role === 'applicant' ? { applicant: typed, duplicateReason: null } : { representative: typed, represented: true }), powerOfAttorney: null },
      { userId: caller!.userId, action: 'person.manual', objectType: 'person', objectId: person.iin, details: { requestId, role } },
    );
  },

  powerOfAttorney: async (input, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, input.requestId);
    const { variant, data } = draft;
    if (!variant.representative.allowed) throw new ArmError('REPRESENTATIVE_NOT_ALLOWED', 'The regulation does not provide for a representative.');
    if (!data.applicant) throw new ArmError('APPLICANT_MISSING', 'Enter the applicant first.');
    if (!data.representative) throw new ArmError('REPRESENTATIVE_MISSING', 'Enter the representative first.');
    if (input.kind === 'simple') {
      // «при ином удостоверении доверенности - данные доверенности не заполняются»: a scan instead.
      if (variant.representative.notarisationRequired === true) throw new ArmError('POA_SIMPLE_NOT_ALLOWED', 'This service needs a notarised power of attorney.');
      return saveAndView(ctx, db, draft, { ...data, represented: true, powerOfAttorney: { kind: 'simple' } });
    }
    const record = (result: string): AuditRecord => ({
      userId: caller!.userId,
      action: 'poa.lookup',
      objectType: 'powerOfAttorney',
      objectId: input.number,
      details: { date: input.date, requestId: input.requestId, result },
    });
    let poa: PowerOfAttorney;
    try {
      poa = await requireGateway(ctx).powerOfAttorney({ number: input.number, date: input.date });
      checkPowerOfAttorney(poa, { applicantIin: data.applicant.iin, representativeIin: data.representative.iin, serviceId: draft.service.id, today: today(ctx.now()) });
    } catch (error) {
      appendAudit(db, record(error instanceof ArmError ? error.code : 'INTERNAL'), ctx.now());
      throw error;
    }
    return saveAndView(
      ctx,
      db,
      draft,
      {
        ...data,
        represented: true,
        powerOfAttorney: { kind: 'notarised', number: poa.number, issuedOn: poa.issuedOn, notary: poa.notary[data.language], validTo: poa.validTo, source: 'registry' },
      },
      record('accepted'),
    );
  },

  continueDuplicate: ({ requestId, reason }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    const duplicates = findDuplicates(db, { requestId, serviceId: draft.request.service_id, applicantIin: draft.data.applicant?.iin ?? null });
    if (!duplicates.length) throw new ArmError('VALIDATION_FAILED', 'There is no possible duplicate to continue past.', [{ path: 'requestId', message: 'no duplicate' }]);
    return saveAndView(ctx, db, draft, { ...draft.data, duplicateReason: reason }, {
      userId: caller!.userId,
      action: 'intake.duplicate',
      objectType: 'request',
      objectId: requestId,
      details: { duplicates: duplicates.map((duplicate) => duplicate.number), reason },
    });
  },

  prepare: ({ requestId }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    const content = buildContent(ctx, db, draft, caller!.userId);
    writePrepared(db, requestId, content);
    return content;
  },

  submit: ({ requestId, cms }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    const content = draft.prepared;
    if (!content) throw new ArmError('CONTENT_NOT_PREPARED', 'Prepare the request for signing first.');
    const operator = findById(db, caller!.userId);
    if (!operator) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    const signature = fromBase64(cms);
    if (!signature) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
    const verified = verifyOperatorSignature(db, ctx.crypto, signature, canonicalBytes(content), operator.iin, ctx.now());
    const now = ctx.now();
    const attachments = [...new Set(content.checklist.flatMap((item) => item.attachments))];
    const unverifiedPersons = [content.applicant, content.representative]
      .filter((person): person is PersonData => person?.source === 'manual')
      .map(({ iin, surname, name, patronymic, birthDate }) => ({ iin, surname, name, patronymic, birthDate }));
    if (content.channel === 'provider') {
      // Taken in at the provider's office: registered in its own inbox in the same transaction,
      // no gateway round trip (issue 17 item 1).
      const row = db.transaction(() => {
        writeSignedContent(db, requestId, { content, contentSha256: canonicalSha256(content), cms });
        moveRequest(db, requestId, 'signed', { userId: operator.id, actor: caller!.role }, now);
        registerAtOffice(db, requestId, content, { receiptNumber: content.number, receivedAt: now.toISOString(), signer: verified.signer, signingTime: verified.signingTime, crlIssuedAt: verified.crlIssuedAt, recheck: [], office: true });
        return moveRequest(db, requestId, 'registered', { userId: operator.id, actor: caller!.role }, now, { comment: 'office' });
      })();
      return { requestId, number: row.number, state: row.state, dueBy: content.dueBy };
    }
    // The signed request and its outbox message exist together or not at all.
    const row = db.transaction(() => {
      writeSignedContent(db, requestId, { content, contentSha256: canonicalSha256(content), cms });
      moveRequest(db, requestId, 'signed', { userId: operator.id, actor: caller!.role }, now);
      enqueue(
        db,
        {
          id: randomUUID(),
          kind: 'request',
          from: content.centre,
          to: content.provider,
          service: content.serviceId,
          createdAt: now.toISOString(),
          attachments,
          payload: content,
          ...(unverifiedPersons.length ? { unverifiedPersons } : {}),
          signature: { format: 'cms', value: cms },
        },
        requestId,
        now,
      );
      return moveRequest(db, requestId, 'queued', { userId: null, actor: 'system' }, now);
    })();
    // Deliver now if the gateway answers; the periodic sync retries otherwise.
    void ctx.sync?.run().catch((error: unknown) => ctx.log.error('outbox.sync_failed', { error: String(error) }));
    return { requestId, number: row.number, state: row.state, dueBy: content.dueBy };
  },

  refuse: ({ requestId, ...refusal }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    const lines = checklistLines(draft.variant, draft.data.represented ? draft.data.powerOfAttorney : null);
    const missing = missingDocuments(lines, alignChecklist(lines, draft.data.checklist));
    if (!lines.length) {
      // No list to check against: the operator's note names what is missing or expired.
      if (refusal.documents.length) throw new ArmError('VALIDATION_FAILED', 'This service has no document list.', [{ path: 'documents', message: 'no checklist' }]);
      if (refusal.comment.length < 5) throw new ArmError('REFUSAL_DOCUMENTS_UNNAMED', 'Name the missing or expired documents in the note.', [{ path: 'comment', message: 'required' }]);
    } else if (!refusal.documents.length) {
      throw new ArmError('VALIDATION_FAILED', 'Name at least one document.', [{ path: 'documents', message: 'required' }]);
    } else if (refusal.ground === 'incompletePackage' && !missing.length) throw new ArmError('DOCUMENTS_COMPLETE', 'Every required document is presented.');
    const named = refusal.documents.map((document) => lines.find((line) => line.document === document));
    const unknown = named.findIndex((line) => !line);
    if (unknown >= 0) throw new ArmError('VALIDATION_FAILED', 'No such document in the checklist.', [{ path: `documents.${unknown}`, message: 'unknown document' }]);
    const now = ctx.now();
    const row = db.transaction(() => {
      storeDraftData(db, requestId, { ...draft.data, refusal }, now);
      return moveRequest(db, requestId, 'refusedAtIntake', { userId: caller!.userId, actor: caller!.role }, now, {
        comment: `${refusal.ground}: ${named.map((line) => line!.name.ru).join('; ')}${refusal.comment ? ` (${refusal.comment})` : ''}`,
      });
    })();
    return { requestId, state: row.state };
  },
};

