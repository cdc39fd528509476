import { z } from 'zod';
import { channel } from './channel';
import { counterRoles, roles } from './roles';

// Notices, returns and extensions (уведомления, возврат, продление срока) between the provider and
// the centre, and the centre's task list: what to tell the applicant and by when (issue 19 item 3;
// 003 п.15 «формы уведомлений, писем и напоминаний»; 004 App.1 T2 c7, c9).

const requestId = z.uuid();
const isoDate = z.iso.date();
const text = z.object({ ru: z.string(), kk: z.string() });

export const taskKindSchema = z.enum(['registered', 'inWork', 'extended', 'returned', 'resultReady']);
export type TaskKind = z.infer<typeof taskKindSchema>;

/** One text per kind in each language, with {number}, {service}, {date}, {reason} filled in. */
export const noticeTextsSchema = z.record(taskKindSchema, z.object({ ru: z.string().min(5).max(1000), kk: z.string().min(5).max(1000) }));
export type NoticeTexts = z.infer<typeof noticeTextsSchema>;

export const applicantTaskSchema = z.object({
  id: z.string(),
  requestId,
  number: z.string(),
  kind: taskKindSchema,
  service: text,
  applicantName: z.string(),
  /** What to tell the applicant, in each language, from the supervisor's texts. */
  message: text,
  reason: z.string().nullable(),
  newDueBy: z.string().nullable(),
  createdAt: z.string(),
  /** The local day by whose end the applicant is told; null where the regulation sets no term. */
  dueBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** overdue: past dueBy; remind: due today (напоминание). */
  urgency: z.enum(['ok', 'remind', 'overdue', 'done']),
});
export type ApplicantTask = z.infer<typeof applicantTaskSchema>;

/** The notice exactly as it will travel (shared/gateway/api.ts requestNoticeSchema), for the clerk to sign. */
const preparedNoticeSchema = z.object({ notice: z.record(z.string(), z.json()) });
/** When the notice was prepared (its `at`) and the clerk's detached CMS over it, base64. */
const signedNotice = { at: z.iso.datetime(), cms: z.base64().min(1) };
const extendInput = { requestId, dueBy: isoDate, reason: z.string().trim().max(1000) };
const returnInput = { requestId, reasons: z.string().trim().max(1000) };

export const noticesChannels = {
  /** The extension's notice to sign; the same checks as `extend` (EXTENSION_REASON_REQUIRED, …). */
  prepareExtend: channel({ input: z.strictObject(extendInput), output: preparedNoticeSchema, access: ['clerk', 'head'] }),
  /** The executor extends the term with a new date and a reason, signed with their ЭЦП. */
  extend: channel({
    input: z.strictObject({ ...extendInput, ...signedNotice }),
    output: z.object({ requestId, dueBy: z.string() }),
    access: ['clerk', 'head'],
  }),
  /** The return's notice to sign; the same checks as `returnToCentre`. */
  prepareReturn: channel({ input: z.strictObject(returnInput), output: preparedNoticeSchema, access: ['clerk', 'head'] }),
  /** The package goes back to the centre for defects with written reasons, within the norm (RETURN_TOO_LATE after it), signed. */
  returnToCentre: channel({
    input: z.strictObject({ ...returnInput, ...signedNotice }),
    output: z.object({ requestId, state: z.string() }),
    access: ['clerk', 'head'],
  }),
  /** The centre's task list, open tasks first by due day; done ones of the last days with includeDone. */
  tasks: channel({
    input: z.strictObject({ includeDone: z.boolean().default(false) }),
    output: z.object({ tasks: z.array(applicantTaskSchema), reminders: z.number().int().nonnegative() }),
    access: [...counterRoles, 'supervisor'],
  }),
  /** The operator told the applicant (audited). */
  done: channel({ input: z.strictObject({ taskId: z.uuid() }), output: applicantTaskSchema, access: counterRoles }),
  texts: channel({ input: z.undefined(), output: noticeTextsSchema, access: roles }),
  /** The supervisor edits the texts (settings store, audited as settings.change). */
  setTexts: channel({ input: noticeTextsSchema, output: noticeTextsSchema, access: ['supervisor'] }),
};
