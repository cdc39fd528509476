import { z } from 'zod';
import { channel } from './channel';
import { requestStateSchema } from './requests';
import { intakeRoles } from './roles';

// Results (справка or мотивированный отказ) as PDFs with the verifiable barcode, and at the counter.

const caption = z.string().trim().min(1).max(120);

/**
 * The captions of the generic layout (where no seed gives the text: generic.json) the supervisor
 * may reword, per language; a caption left out keeps the built-in one. Versioned by the settings
 * audit (from → to), and frozen into each result decided under it.
 */
export const genericWordingCaptionsSchema = z.strictObject({
  certificateTitle: caption,
  refusalTitle: caption,
  date: caption,
  applicant: caption,
  iin: caption,
  request: caption,
  grounds: caption,
  signer: caption,
}).partial();
export const genericWordingSchema = z.strictObject({ ru: genericWordingCaptionsSchema, kk: genericWordingCaptionsSchema }).partial();
export type GenericWording = z.infer<typeof genericWordingSchema>;

/** A result waiting at the counter (готово к выдаче / беруге дайын) or handed over. */
export const counterResultSchema = z.object({
  requestId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  applicantName: z.string(),
  state: requestStateSchema,
  outcome: z.enum(['certificate', 'refusal']),
  resultNumber: z.string(),
  signer: z.string(),
});

/** Who collects the result: the applicant, or the representative named in the request (with the power of attorney). */
export const issueInputSchema = z.strictObject({
  requestId: z.uuid(),
  collectorIin: z.string().regex(/^\d{12}$/),
  /** Number of the identity document shown at the counter (удостоверение личности). */
  documentNumber: z.string().trim().min(3).max(40),
});

export const resultsChannels = {
  pdf: channel({ input: z.strictObject({ requestId: z.uuid(), lang: z.enum(['ru', 'kk']) }), output: z.object({ base64: z.string() }), access: ['clerk', 'head', ...intakeRoles] }),
  /** The centre's results inbox (or, for the office worker, the provider office's): ready to hand over, and handed over. */
  counter: channel({ input: z.undefined(), output: z.array(counterResultSchema), access: intakeRoles }),
  /** Hands the result over: resultAtCentre → issued at the counter, resultSigned → issued at the provider's office. */
  issue: channel({ input: issueInputSchema, output: counterResultSchema, access: intakeRoles }),
  /** The generic layout's wording: the built-in captions and the supervisor's changes. */
  wording: channel({ input: z.undefined(), output: z.object({ builtIn: z.object({ ru: genericWordingCaptionsSchema.required(), kk: genericWordingCaptionsSchema.required() }), current: genericWordingSchema }), access: ['supervisor', 'clerk', 'head'] }),
  /** The supervisor rewords captions (audited through the settings store); {} restores the built-in ones. */
  setWording: channel({ input: genericWordingSchema, output: genericWordingSchema, access: ['supervisor'] }),
};
