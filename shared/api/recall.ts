import { z } from 'zod';
import { refusalGroundCodeSchema } from '../catalog/schema';
import { channel } from './channel';
import { errorCodeSchema } from './errors';
import { requestStateSchema } from './requests';

// The centre supervisor's recall list (список обзвона заявителей, issue 22 item 3): every request
// the gateway refused, the provider returned or the provider refused, with the reason and the
// applicant's phone where the form took one; each call back marked and audited.

const text = z.object({ ru: z.string(), kk: z.string() });

/** Why the applicant is called back: the gateway refused the message, the provider returned the package, or refused the service. */
export const recallCauseSchema = z.enum(['gatewayRefused', 'providerReturned', 'providerRefused']);
export type RecallCause = z.infer<typeof recallCauseSchema>;

/** «Сообщено», «Не дозвонились», «Исправлено и отправлено повторно» (only after a re-signed resend). */
export const recallMarkSchema = z.enum(['informed', 'unreachable', 'resent']);
export type RecallMark = z.infer<typeof recallMarkSchema>;

export const recallSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  number: z.string(),
  service: text,
  requestState: requestStateSchema,
  applicantName: z.string(),
  /** The phone typed on the application form where the regulation's form has one; null if not taken. */
  applicantPhone: z.string().nullable(),
  cause: recallCauseSchema,
  /** The reason in words: a stable code (translated), the refusal's grounds (translated) and the sender's own text. */
  code: errorCodeSchema.nullable(),
  grounds: z.array(refusalGroundCodeSchema),
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** open: nobody reached yet (no mark, or the last call did not get through). */
  state: z.enum(['open', 'informed', 'unreachable', 'resent']),
  /** The request was re-signed and resent after it came back: «resent» may be marked. */
  resent: z.boolean(),
  marks: z.array(z.object({ mark: recallMarkSchema, note: z.string().nullable(), by: z.string(), at: z.string() })),
});
export type Recall = z.infer<typeof recallSchema>;

export const recallChannels = {
  /** Open recalls first (oldest first); closed ones of the last 30 days with includeClosed. */
  list: channel({
    input: z.strictObject({ includeClosed: z.boolean().default(false) }),
    output: z.object({ recalls: z.array(recallSchema), open: z.number().int().nonnegative() }),
    access: ['supervisor'],
  }),
  /** One call back (audited); «resent» only once the operator re-signed and resent it (RECALL_NOT_RESENT). */
  mark: channel({
    input: z.strictObject({ recallId: z.uuid(), mark: recallMarkSchema, note: z.string().trim().max(500).optional() }),
    output: recallSchema,
    access: ['supervisor'],
  }),
};
