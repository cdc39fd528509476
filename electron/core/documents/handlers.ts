import { ArmError, type Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { openDraft, saveAndView } from '../intake/drafts';
import { alignChecklist, checklistLines } from '../intake/form';
import { inspectFile } from './files';
import { allScanners, rememberedScanner, rememberScanner, scanPages } from './sources';
import { assemblePages, fileKind } from './assemble';
import { readAttachment, writeAttachment } from './store';

/** Stores the bytes content-addressed and adds their hash to the document's line of the checklist. */
function requireLine(ctx: CoreContext, requestId: string, document: number) {
  const { db, draft } = openDraft(ctx, requestId);
  const lines = checklistLines(draft.variant, draft.data.powerOfAttorney);
  if (!lines.some((line) => line.document === document)) throw new ArmError('VALIDATION_FAILED', 'No such document in the checklist.', [{ path: 'document', message: 'unknown document' }]);
  return { db, draft, lines };
}

async function attach(ctx: CoreContext, requestId: string, document: number, bytes: Uint8Array, userId: string, source: string) {
  // A closed draft or an unknown line is refused before the file is parsed.
  let { db, draft, lines } = requireLine(ctx, requestId, document);
  const inspected = inspectFile(bytes);
  // A PDF parses asynchronously, and the draft may change meanwhile: read it again after. An image
  // is checked synchronously, so the draft is read once.
  const { kind, pages } = inspected instanceof Promise ? await inspected : inspected;
  if (inspected instanceof Promise) ({ db, draft, lines } = requireLine(ctx, requestId, document));
  const sha256 = writeAttachment(ctx.dataDir, bytes);
  // The same page twice is said, not silently dropped (an operator scanning the same sheet again).
  const already = alignChecklist(lines, draft.data.checklist).find((item) => item.document === document)?.attachments.indexOf(sha256) ?? -1;
  if (already >= 0) throw new ArmError('DOCUMENT_PAGE_DUPLICATE', 'This page is already in the document.', undefined, { page: already + 1 });
  const checklist = alignChecklist(lines, draft.data.checklist).map((item) =>
    item.document === document ? { ...item, presented: true, attachments: [...item.attachments, sha256] } : item,
  );
  return saveAndView(ctx, db, draft, { ...draft.data, checklist }, { userId, action: 'document.attach', objectType: 'request', objectId: requestId, details: { document, sha256, source, size: bytes.length, kind, pages } });
}

export const documentsHandlers: Handlers<Contract>['documents'] = {
  upload: ({ requestId, document, bytes }, ctx, { caller }) => {
    return attach(ctx, requestId, document, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), caller!.userId, 'file');
  },

  scanners: (_input, ctx) => allScanners(requireDb(ctx), { training: ctx.gateway.mode === 'training' }),

  scanner: (_input, ctx) => rememberedScanner(requireDb(ctx)),

  setScanner: ({ device }, ctx, { caller }) => {
    const db = requireDb(ctx);
    rememberScanner(db, device, caller!, ctx.now());
    return rememberedScanner(db);
  },

  scan: async ({ requestId, document, device, resolution, mode }, ctx, { caller }) => {
    // Checked before the scanner runs, so a closed draft does not start a scan.
    openDraft(ctx, requestId);
    const scanned = await scanPages(device, { resolution, mode });
    let view = null;
    // One page after another: each attach rewrites the draft.
    for (const page of scanned.pages) view = await attach(ctx, requestId, document, page, caller!.userId, device.startsWith('folder:') ? 'folder' : 'scanner');
    scanned.done();
    return view!;
  },

  page: ({ requestId, document, sha256 }, ctx) => {
    const { draft, lines } = requireLine(ctx, requestId, document);
    const item = alignChecklist(lines, draft.data.checklist).find((candidate) => candidate.document === document);
    const bytes = item?.attachments.includes(sha256) ? readAttachment(ctx.dataDir, sha256) : null;
    if (!bytes) throw new ArmError('NOT_FOUND', 'No such scan on this document.');
    return { kind: fileKind(bytes), base64: Buffer.from(bytes).toString('base64') };
  },

  reorder: ({ requestId, document, attachments }, ctx, { caller }) => {
    const { db, draft, lines } = requireLine(ctx, requestId, document);
    const checklist = alignChecklist(lines, draft.data.checklist);
    const current = checklist.find((item) => item.document === document)!.attachments;
    if (attachments.length !== current.length || new Set(attachments).size !== current.length || attachments.some((hash) => !current.includes(hash))) {
      throw new ArmError('VALIDATION_FAILED', 'A new order names each page of the document once.', [{ path: 'attachments', message: 'not a permutation of the pages' }]);
    }
    const next = checklist.map((item) => (item.document === document ? { ...item, attachments } : item));
    return saveAndView(ctx, db, draft, { ...draft.data, checklist: next }, { userId: caller!.userId, action: 'document.reorder', objectType: 'request', objectId: requestId, details: { document, attachments } });
  },

  assemble: async ({ requestId, document }, ctx, { caller }) => {
    const before = requireLine(ctx, requestId, document);
    const pages = alignChecklist(before.lines, before.draft.data.checklist).find((item) => item.document === document)!.attachments;
    if (pages.length < 2) throw new ArmError('VALIDATION_FAILED', 'Two pages or more are assembled.', [{ path: 'document', message: 'fewer than two pages' }]);
    const pdf = await assemblePages(pages.map((sha256) => readAttachment(ctx.dataDir, sha256) ?? new Uint8Array()));
    // Read again after the await: the draft may have changed meanwhile.
    const { db, draft, lines } = requireLine(ctx, requestId, document);
    const sha256 = writeAttachment(ctx.dataDir, pdf);
    const checklist = alignChecklist(lines, draft.data.checklist).map((item) => (item.document === document ? { ...item, presented: true, attachments: [sha256] } : item));
    return saveAndView(ctx, db, draft, { ...draft.data, checklist }, { userId: caller!.userId, action: 'document.assemble', objectType: 'request', objectId: requestId, details: { document, from: pages, sha256 } });
  },

  remove: ({ requestId, document, sha256 }, ctx, { caller }) => {
    const { db, draft } = openDraft(ctx, requestId);
    const lines = checklistLines(draft.variant, draft.data.powerOfAttorney);
    const item = alignChecklist(lines, draft.data.checklist).find((candidate) => candidate.document === document);
    if (!item?.attachments.includes(sha256)) throw new ArmError('NOT_FOUND', 'No such scan on this document.');
    const checklist = alignChecklist(lines, draft.data.checklist).map((candidate) =>
      candidate.document === document ? { ...candidate, attachments: candidate.attachments.filter((hash) => hash !== sha256) } : candidate,
    );
    // The file stays: content-addressed, another document may share it, and a signed request may name it.
    return saveAndView(ctx, db, draft, { ...draft.data, checklist }, { userId: caller!.userId, action: 'document.detach', objectType: 'request', objectId: requestId, details: { document, sha256 } });
  },
};
