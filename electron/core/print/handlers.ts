import { ArmError, requestContentSchema, type Contract, type PrintedKind, type Printers } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { withOverrides } from '../catalog/overrides';
import { findById } from '../auth/accounts';
import { requireDb } from '../context';
import type { Db } from '../db/database';
import { findResult } from '../decision/repository';
import type { DuplicateMark } from '../pdf/duplicate';
import type { Handlers } from '../handler';
import { readDirectory } from '../intake/centre';
import { intakeCatalog, loadDraft } from '../intake/drafts';
import { localDateTime } from '../../../shared/time';
import { alignChecklist, checklistLines, fullName, missingDocuments } from '../intake/form';
import { checkFile } from '../documents/files';
import { readAttachment } from '../documents/store';
import { findRequest } from '../requests/repository';
import { applicantInfo } from '../pdf/applicantInfo';
import { mayPrintResult, resultPdf } from '../results/printed';
import { readSetting, writeSettings } from '../settings/store';
import { renderReceipt, type ReceiptData } from './receipt';

function centreName(db: Db, code: string) {
  return readDirectory(db)?.organisations.find((organisation) => organisation.code === code)?.name ?? { ru: code, kk: code };
}

/**
 * Sheets of a document as the receipt counts them: an image is one, a PDF counts its pages, so
 * pages assembled into one PDF stay one document with its page count. A file this workstation
 * does not have (a portal request's scans still on the gateway) counts as one.
 */
async function sheets(dataDir: string, attachments: readonly string[]): Promise<number> {
  let total = 0;
  for (const sha256 of attachments) {
    const bytes = readAttachment(dataDir, sha256);
    total += bytes ? (await checkFile(bytes)).pages : 1;
  }
  return total;
}

/** What the receipt says, from the signed content (accepted) or the draft and its refusal event. */
export async function receiptData(db: Db, requestId: string, dataDir: string): Promise<ReceiptData> {
  const request = findRequest(db, requestId);
  const service = intakeCatalog().get(request.service_id);
  const serviceName = service?.name ?? { ru: request.service_id, kk: request.service_id };
  if (request.state === 'refusedAtIntake') {
    const draft = loadDraft(db, intakeCatalog(), requestId);
    const { data } = draft;
    const lines = checklistLines(draft.variant, data.represented ? data.powerOfAttorney : null);
    const event = db.prepare("SELECT at, actor_id FROM request_events WHERE request_id = ? AND to_state = 'refusedAtIntake'").get(requestId) as { at: string; actor_id: string };
    // Refusals from before the screen asked for a ground named the missing documents only.
    const refusal = data.refusal ?? { ground: 'incompletePackage', documents: missingDocuments(lines, alignChecklist(lines, data.checklist)).map((line) => line.document), comment: '' };
    return {
      kind: 'refusal',
      number: request.number,
      service: serviceName,
      applicant: data.applicant ? { name: fullName(data.applicant), iin: data.applicant.iin, unverified: data.applicant.source === 'manual' } : null,
      representative: data.represented && data.representative ? { name: fullName(data.representative), iin: data.representative.iin, powerOfAttorney: null } : null,
      documents: refusal.documents.map((document) => ({ name: lines.find((line) => line.document === document)!.name, form: null, pages: 0 })),
      refusal: { ground: refusal.ground, comment: refusal.comment },
      operator: findById(db, event.actor_id)?.full_name ?? '',
      centre: centreName(db, request.centre),
      at: localDateTime(new Date(event.at)),
      dueBy: null,
      info: applicantInfo(draft.variant.seed, request.number),
    };
  }
  const row = db.prepare('SELECT content FROM requests WHERE id = ?').get(requestId) as { content: string | null };
  if (!row.content) throw new ArmError('STATE_CONFLICT', 'The request is not signed yet: no receipt.', undefined, { from: request.state, to: 'signed' });
  const content = requestContentSchema.parse(JSON.parse(row.content));
  const poa = content.powerOfAttorney;
  const variant = service && withOverrides(db, service).variants.find((candidate) => candidate.id === content.variantId);
  const lines = variant ? checklistLines(variant, content.powerOfAttorney?.kind === 'simple' ? { kind: 'simple' } : null) : [];
  return {
    kind: 'acceptance',
    number: content.number,
    service: serviceName,
    applicant: { name: fullName(content.applicant), iin: content.applicant.iin, unverified: content.applicant.source === 'manual' },
    representative: content.representative
      ? { name: fullName(content.representative), iin: content.representative.iin, powerOfAttorney: poa?.kind === 'notarised' ? `№ ${poa.number}, ${poa.issuedOn.split('-').reverse().join('.')}` : null }
      : null,
    documents: await Promise.all(
      content.checklist.map(async (item) => ({
        name: item.name ?? lines.find((line) => line.document === item.document)?.name ?? { ru: `№ ${item.document + 1}`, kk: `№ ${item.document + 1}` },
        form: item.form,
        pages: await sheets(dataDir, item.attachments),
      })),
    ),
    // A portal request has no operator: the applicant filed and signed it themselves.
    operator: content.operator?.fullName ?? '',
    centre: centreName(db, content.centre),
    at: localDateTime(new Date(content.acceptedAt)),
    dueBy: content.dueBy,
    dueIndicative: content.dueIndicative === true,
    office: content.channel === 'provider',
    refusal: null,
    info: applicantInfo(variant?.seed ?? null, content.number),
  };
}

/** The copies given before this one: the original (1) and every audited reprint of that document. */
function copiesGiven(db: Db, requestId: string, document: PrintedKind): number {
  const row = db
    .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'print.reprint' AND object_type = 'request' AND object_id = ? AND json_extract(details, '$.document') = ?")
    .get(requestId, document) as { n: number };
  return 1 + row.n;
}

function printers(db: Db): Printers {
  return { receipt: readSetting(db, 'print.receiptPrinter'), result: readSetting(db, 'print.resultPrinter') };
}

export const printHandlers: Handlers<Contract>['print'] = {
  receipt: async ({ requestId, language }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const data = await receiptData(db, requestId, ctx.dataDir);
    const pdf = await renderReceipt(data, language, ctx.resources.fonts());
    appendAudit(db, { userId: caller!.userId, action: 'print.receipt', objectType: 'request', objectId: requestId, details: { kind: data.kind, language } }, ctx.now());
    return { fileName: `${data.number}-${data.kind}-${language}.pdf`, pdf: pdf.toString('base64') };
  },
  // Only a document already given can be duplicated: a receipt once the request is signed or
  // refused, a result once it exists. The audit entry is written with the copy's number before
  // the bytes leave, so a failed print asks for a new reprint rather than losing count.
  reprint: async ({ requestId, document, language, reason }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const request = findRequest(db, requestId);
    let render: (mark: DuplicateMark) => Promise<{ pdf: Buffer; fileName: string }>;
    if (document === 'receipt') {
      if (caller!.role === 'clerk' || caller!.role === 'head' || request.side !== 'centre') throw new ArmError('FORBIDDEN', 'Receipts are the centre’s.');
      const data = await receiptData(db, requestId, ctx.dataDir);
      render = async (mark) => ({ pdf: await renderReceipt(data, language, ctx.resources.fonts(), mark), fileName: `${data.number}-${data.kind}-${language}` });
    } else {
      mayPrintResult(db, requestId, caller!);
      const number = findResult(db, requestId)?.number;
      if (!number) throw new ArmError('NOT_FOUND', 'The request has no result yet.');
      render = async (mark) => ({ pdf: await resultPdf(db, requestId, language, ctx.resources.fonts(), mark), fileName: `${number}-${language}` });
    }
    const copy = copiesGiven(db, requestId, document) + 1;
    const mark = { copy, at: ctx.now() };
    const { pdf, fileName } = await render(mark);
    appendAudit(db, { userId: caller!.userId, action: 'print.reprint', objectType: 'request', objectId: requestId, details: { document, language, copy, reason } }, ctx.now());
    return { fileName: `${fileName}-copy${copy}.pdf`, pdf: pdf.toString('base64'), copy };
  },
  printers: (_input, ctx) => printers(requireDb(ctx)),
  setPrinters: ({ receipt, result }, ctx, { caller }) => {
    const db = requireDb(ctx);
    writeSettings(db, { 'print.receiptPrinter': receipt, 'print.resultPrinter': result }, { userId: caller!.userId }, ctx.now());
    return printers(db);
  },
};
