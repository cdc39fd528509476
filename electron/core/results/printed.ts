import { ArmError, resultContentSchema, type Caller } from '../../../shared/api';
import { barcodeFromCms, encodeBarcode } from '../../../shared/results/barcode';
import { fromBase64 } from '../../../shared/signing';
import type { Db } from '../db/database';
import { findResult } from '../decision/repository';
import { departmentRequest } from '../inbox/repository';
import type { DuplicateMark } from '../pdf/duplicate';
import { findRequest } from '../requests/repository';
import type { Fonts } from '../resources';
import { renderResultPdf, type Language } from './pdf';

// The printed result as bytes and who may print it: results.pdf and print.reprint both use it.

/** The printed result: a preview until the head signs, with the barcode once signed. */
export async function resultPdf(db: Db, requestId: string, lang: Language, fonts: Fonts, duplicate?: DuplicateMark): Promise<Buffer> {
  const row = findResult(db, requestId);
  if (!row) throw new ArmError('NOT_FOUND', 'The request has no result yet.');
  const signed: unknown = JSON.parse(row.content);
  const content = resultContentSchema.parse(signed);
  const cms = row.signature ? fromBase64(row.signature) : null;
  // The barcode carries the content exactly as signed (its canonical bytes), not as re-parsed.
  const barcode = cms ? encodeBarcode(barcodeFromCms(cms, signed)) : null;
  return renderResultPdf(content, lang, barcode, fonts, duplicate);
}

/** A request this office took in itself, or FORBIDDEN. */
export function officeRequest(db: Db, requestId: string) {
  const request = departmentRequest(db, requestId);
  if (request.centre !== request.provider) throw new ArmError('FORBIDDEN', 'The request was taken in at a centre; its result is issued there.');
  return request;
}

/**
 * The department's own requests for the clerk and the head, the office's own for its worker, the
 * centre's own for the counter. Whoever hands results over prints one only once its issuance is
 * recorded (выдача before the paper): a failed print is printed again, never issued again.
 */
export function mayPrintResult(db: Db, requestId: string, caller: NonNullable<Caller>): void {
  if (caller.role === 'clerk' || caller.role === 'head') return void departmentRequest(db, requestId);
  const request = caller.role === 'officeWorker' ? officeRequest(db, requestId) : findRequest(db, requestId);
  if (caller.role !== 'officeWorker' && request.side !== 'centre') throw new ArmError('FORBIDDEN', 'Not a request of this centre.');
  if (!findResult(db, requestId)) throw new ArmError('NOT_FOUND', 'The request has no result yet.');
  if (request.state !== 'issued') throw new ArmError('STATE_CONFLICT', 'The result is printed once its issuance is recorded.', undefined, { from: request.state, to: 'issued' });
}
