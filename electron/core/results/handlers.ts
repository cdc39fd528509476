import { ArmError, resultContentSchema, type Contract } from '../../../shared/api';
import { barcodeFromCms, encodeBarcode } from '../../../shared/results/barcode';
import { fromBase64 } from '../../../shared/signing';
import { requireDb } from '../context';
import type { Db } from '../db/database';
import { findResult } from '../decision/repository';
import type { Handlers } from '../handler';
import { departmentRequest } from '../inbox/repository';
import { findRequest } from '../requests/repository';
import { renderResultPdf, type Language } from './pdf';

/** The printed result: a preview until the head signs, with the barcode once signed. */
export async function resultPdf(db: Db, requestId: string, lang: Language): Promise<Buffer> {
  const row = findResult(db, requestId);
  if (!row) throw new ArmError('NOT_FOUND', 'The request has no result yet.');
  const content = resultContentSchema.parse(JSON.parse(row.content));
  const cms = row.signature ? fromBase64(row.signature) : null;
  const barcode = cms ? encodeBarcode(barcodeFromCms(cms, content.number, row.content_sha256)) : null;
  return renderResultPdf(content, lang, barcode);
}

export const resultsHandlers: Handlers<Contract>['results'] = {
  pdf: async ({ requestId, lang }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // The department's own requests for the clerk and the head; the centre's own for the counter.
    if (caller!.role === 'clerk' || caller!.role === 'head') departmentRequest(db, requestId);
    else if (findRequest(db, requestId).side !== 'centre') throw new ArmError('FORBIDDEN', 'Not a request of this centre.');
    return { base64: (await resultPdf(db, requestId, lang)).toString('base64') };
  },
};
