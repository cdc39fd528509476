import { z } from 'zod';
import { channel } from './channel';

// The complaint register (журнал жалоб услугополучателей) the supervisor keeps: each complaint
// recorded with its deadline, its status and the answer (issue 19 item 6). The seeds give the right
// to appeal («вправе обжаловать», seed 003; seed 001 п.12 → раздел 3 Стандарта) but no term for
// the answer: the supervisor sets it, five working days offered by default.

export const complaintStatusSchema = z.enum(['registered', 'inReview', 'answered', 'rejected']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const complaintSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  receivedOn: z.string(),
  applicant: z.string(),
  requestNumber: z.string().nullable(),
  subject: z.string(),
  dueBy: z.string(),
  status: complaintStatusSchema,
  answer: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintsChannels = {
  list: channel({ input: z.strictObject({ open: z.boolean().default(false) }), output: z.array(complaintSchema), access: ['supervisor'] }),
  record: channel({
    input: z.strictObject({
      receivedOn: z.iso.date(),
      applicant: z.string().trim().min(3).max(200),
      requestNumber: z.string().trim().min(1).max(100).nullable(),
      subject: z.string().trim().min(5).max(2000),
      /** The answer's deadline; five working days from receipt when not given. */
      dueBy: z.iso.date().nullable(),
    }),
    output: complaintSchema,
    access: ['supervisor'],
  }),
  /** inReview, then answered or rejected with the answer (COMPLAINT_ANSWER_REQUIRED without one); a closed complaint stays closed. */
  update: channel({
    input: z.strictObject({ id: z.uuid(), status: complaintStatusSchema.exclude(['registered']), answer: z.string().trim().max(4000).default('') }),
    output: complaintSchema,
    access: ['supervisor'],
  }),
};
