import { z } from 'zod';
import { channel } from './channel';
import { languageSchema } from './intake';
import { intakeRoles, roles } from './roles';

// Printed forms as PDF bytes (electron/core/print), the reprint marked «ДУБЛИКАТ / ТЕЛНҰСҚА», and
// the workstation's printer per kind of document (the settings store's print.* keys).

export const receiptInputSchema = z.object({ requestId: z.uuid(), language: languageSchema });
export const pdfSchema = z.object({ fileName: z.string(), pdf: z.base64() });

/** What a workstation prints: the counter's receipts (расписка) and the results (справка, отказ). */
export const printedKindSchema = z.enum(['receipt', 'result']);
export type PrintedKind = z.infer<typeof printedKindSchema>;

export const reprintInputSchema = z.object({
  requestId: z.uuid(),
  document: printedKindSchema,
  language: languageSchema,
  /** Why a second copy is given (lost, damaged…): on the audit entry. */
  reason: z.string().trim().min(3).max(500),
});
/** copy: 2 for the first duplicate (the original was copy 1). */
export const reprintSchema = pdfSchema.extend({ copy: z.number().int().min(2) });

/** A printer's name as the operating system knows it; null: ask each time (the print dialog). */
export const printerNameSchema = z.string().trim().min(1).max(300).nullable();
export const printersSchema = z.object({ receipt: printerNameSchema, result: printerNameSchema });
export type Printers = z.infer<typeof printersSchema>;

export const printChannels = {
  /** Расписка о приёме документов, or об отказе в приёме for a refused request. */
  receipt: channel({ input: receiptInputSchema, output: pdfSchema, access: intakeRoles }),
  /** A second copy of a receipt or a result with a reason, counted and audited. */
  reprint: channel({ input: reprintInputSchema, output: reprintSchema, access: [...intakeRoles, 'supervisor', 'clerk', 'head'] }),
  /** This workstation's printer for each kind (everyone who prints reads it). */
  printers: channel({ input: z.undefined(), output: printersSchema, access: roles }),
  setPrinters: channel({ input: printersSchema, output: printersSchema, access: ['supervisor'] }),
};
