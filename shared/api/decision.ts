import { z } from 'zod';
import { refusalGroundCodeSchema } from '../catalog/schema';
import { codeSchema } from '../gateway/api';
import { channel } from './channel';
import { inboxRowSchema, requestIdSchema, requestViewSchema } from './inbox';
import { queueMarkSchema } from './queue';
import { genericWordingSchema } from './results';
import { requestStateSchema } from './requests';

// The clerk's certificate or motivated refusal; the head signs it or returns it.

/**
 * The result as the head signs it (RFC 8785 canonical JSON) and as it travels to the centre:
 * a certificate (справка / анықтама) or a motivated refusal (мотивированный ответ об отказе /
 * бас тарту туралы дәлелді жауап), tied to the request by its number and message id.
 */
export const resultContentSchema = z.object({
  kind: z.enum(['certificate', 'refusal']),
  number: z.string().min(1),
  date: z.iso.date(),
  request: z.object({ number: z.string(), messageId: z.uuid(), serviceId: z.string(), variantId: z.string() }),
  provider: codeSchema,
  centre: codeSchema,
  templateId: z.string(),
  applicant: z.object({ iin: z.string().regex(/^\d{12}$/), fullName: z.string(), address: z.string().nullable() }),
  fields: z.record(z.string(), z.string().max(2000)),
  refusal: z.object({ grounds: z.array(refusalGroundCodeSchema).min(1), text: z.string() }).nullable(),
  preparedBy: z.object({ fullName: z.string() }),
  signer: z.object({ fullName: z.string(), iin: z.string().regex(/^\d{12}$/), position: z.object({ ru: z.string(), kk: z.string() }), organisation: z.string() }).nullable(),
  /** The last day the result is valid, from the regulation's term (validFor): printed as an expiry date. */
  validUntil: z.iso.date().optional(),
  /** A queue notice: the register's journal number and the place in it on the day of the decision. */
  queue: queueMarkSchema.optional(),
  /** Further documents of the same decision (001 Reg.6, Reg.12 issue two), signed with this one. */
  also: z.array(z.object({ templateId: z.string(), fields: z.record(z.string(), z.string().max(2000)) })).max(3).optional(),
  /**
   * The supervisor's wording of the generic layout at the time of the decision (only the captions
   * changed from the built-in ones): signed with the result, so a print made later, or verified on
   * another workstation, says what was signed.
   */
  wording: genericWordingSchema.optional(),
  /**
   * The result is an outside act itself (001 Рег.3 п.3: «Результатом … является постановление
   * акимата района»): its number, date and the scan's hash, so the head's signature over this
   * content is the authorised person's ЭЦП over the act's electronic copy.
   */
  act: z.object({ number: z.string(), date: z.iso.date(), scanSha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  /** Decided in training mode: printed «УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ», refused by verify outside training. Signed, so it cannot be cut off. */
  training: z.literal(true).optional(),
});
export type ResultContent = z.infer<typeof resultContentSchema>;

const fieldsInput = z.record(z.string(), z.string().trim().min(1).max(2000));

export const decideInputSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    requestId: z.uuid(),
    outcome: z.literal('certificate'),
    /** Which result, where the regulation gives a choice (resultsIssued: oneOf); else its first. */
    templateId: z.string().max(80).optional(),
    fields: fieldsInput,
    /** The other documents where one decision issues several (resultsIssued: together). */
    also: z.array(z.strictObject({ templateId: z.string().max(80), fields: fieldsInput })).max(3).optional(),
  }),
  z.strictObject({
    requestId: z.uuid(),
    outcome: z.literal('refusal'),
    grounds: z.array(refusalGroundCodeSchema).min(1).max(9),
    text: z.string().trim().min(10).max(4000),
    /** What the seed's refusal form asks besides the reason (003 Reg.3: the child; Reg.7: the family size). */
    fields: fieldsInput.optional(),
  }),
]);

export const returnInputSchema = z.strictObject({ requestId: z.uuid(), comment: z.string().trim().min(3).max(1000) });
export const approveInputSchema = z.strictObject({ requestId: z.uuid(), cms: z.base64().max(64 * 1024) });

export const resultViewSchema = z.object({
  requestId: z.string(),
  state: requestStateSchema,
  content: resultContentSchema,
  contentSha256: z.string(),
  signed: z.boolean(),
});
export type ResultView = z.infer<typeof resultViewSchema>;

export const decisionChannels = {
  decide: channel({ input: decideInputSchema, output: resultViewSchema, access: ['clerk'] }),
  result: channel({ input: requestIdSchema, output: resultViewSchema, access: ['clerk', 'head'] }),
  queue: channel({ input: z.undefined(), output: z.array(inboxRowSchema), access: ['head'] }),
  prepare: channel({ input: requestIdSchema, output: resultViewSchema, access: ['head'] }),
  approve: channel({ input: approveInputSchema, output: resultViewSchema, access: ['head'] }),
  return: channel({ input: returnInputSchema, output: requestViewSchema, access: ['head'] }),
};
