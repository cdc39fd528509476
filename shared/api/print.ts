import { z } from 'zod';
import { channel } from './channel';
import { languageSchema } from './intake';
import { intakeRoles } from './roles';

// Printed forms as PDF bytes (electron/core/print).

export const receiptInputSchema = z.object({ requestId: z.uuid(), language: languageSchema });
export const pdfSchema = z.object({ fileName: z.string(), pdf: z.base64() });

export const printChannels = {
  /** Расписка о приёме документов, or об отказе в приёме for a refused request. */
  receipt: channel({ input: receiptInputSchema, output: pdfSchema, access: intakeRoles }),
};
