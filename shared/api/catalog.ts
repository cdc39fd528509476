import { z } from 'zod';
import { documentOverrideItemSchema, documentsOverrideSchema, serviceEntrySchema, serviceSummarySchema } from '../catalog/schema';
import { channel } from './channel';
import { roles } from './roles';

// Реестр государственных услуг: every role looks services up — the operator at intake, the clerk
// and the head deciding, the supervisor. Schemas live with the catalog itself (shared/catalog).

export const catalogChannels = {
  list: channel({ input: z.undefined(), output: z.array(serviceSummarySchema), access: roles }),
  get: channel({ input: z.object({ id: z.string().min(1).max(100) }), output: serviceEntrySchema, access: roles }),
  /** The supervisor's document list for a variant whose regulation only points to a Standard. */
  setDocuments: channel({
    input: z.object({
      variantId: z.string().min(1).max(40),
      items: z.array(documentOverrideItemSchema).min(1).max(60),
      basis: z.string().trim().min(3).max(300),
    }),
    output: documentsOverrideSchema,
    access: ['supervisor'],
  }),
  documentsHistory: channel({
    input: z.object({ variantId: z.string().min(1).max(40) }),
    output: z.array(documentsOverrideSchema.extend({ items: z.array(documentOverrideItemSchema) })),
    access: ['supervisor'],
  }),
};
