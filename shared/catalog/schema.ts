import { z } from 'zod';
import { termUnitSchema } from '../calendar/term';

// The service catalog (реестр/каталог государственных услуг) as data. A service is one public
// service by its name; a variant is how one regulation (регламент) of one region renders it.
// Every fact carries the seed file and paragraph it comes from, with the words quoted.

export const seedFiles = [
  '000_4ca51d69da8029f0.txt',
  '001_00054b1e3eac58b3.txt',
  '002_6753f846e4ac5b78.txt',
  '003_1f0aa295ea31cb42.txt',
  '004_fb5181694af341c1.txt',
] as const;
export const seedFileSchema = z.enum(seedFiles);

export const citationSchema = z.object({
  seed: seedFileSchema,
  /** Paragraph in the regulation's own numbering, e.g. "Рег.5 п.9 пп.1" or "R2 қосымша 1, 2-кесте, 7-баған". */
  paragraph: z.string().min(1),
  /** Line in the seed file, for quick lookup. */
  line: z.number().int().positive().optional(),
  /** The words of the regulation, verbatim (typos and all). */
  quote: z.string().min(1).optional(),
});
export type Citation = z.infer<typeof citationSchema>;

const cites = z.array(citationSchema).min(1);
const text = z.object({ ru: z.string().min(1), kk: z.string().min(1) });
/** Kazakh taken from a kk seed, or translated by us (a native editor should review those). */
export const kkSourceSchema = z.enum(['seed', 'translation']);
/** Set where the seed is Kazakh only (002, 004) and the Russian is ours. */
const ruSource = z.literal('translation').optional();
const serviceId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id');

export const providerKindSchema = z.enum([
  /** Отдел образования / білім бөлімі. */
  'educationDepartment',
  /** Education organisations (schools) next to the department (001 Рег.1). */
  'educationOrganisation',
  /** Отдел занятости и социальных программ. */
  'employmentDepartment',
  /** Отдел жилищно-коммунального хозяйства… */
  'housingDepartment',
  /** МИО района (города областного значения), the text names no department. */
  'districtExecutiveBody',
  /** Аким поселка, села, сельского округа. */
  'ruralAkim',
  /** The regulation leaves the provider blank (001 Рег.10). */
  'unspecified',
]);
export type ProviderKind = z.infer<typeof providerKindSchema>;

export const channelKindSchema = z.enum([
  /** ЦОН / Государственная корпорация / ХҚО: the operator's counter, where the АРМ runs. */
  'centre',
  /** Mobile centres for remote settlements (Мобильные центры, 000 п.1, 004 §1). */
  'mobileCentre',
  /** The provider's own office (канцелярия услугодателя). */
  'provider',
  /** egov.kz portal (ПЭП / ЭҮП). */
  'portal',
]);
export type ChannelKind = z.infer<typeof channelKindSchema>;

export const recipientKindSchema = z.enum(['individuals', 'legalEntities']);

export const termSchema = z.object({
  value: z.number().int().positive(),
  unit: termUnitSchema,
  cite: cites,
});

const minutesLimit = z.object({ minutes: z.number().positive(), cite: cites });

export const stepSchema = z.object({
  /** applicant and system (ШЭП, ГБД ФЛ, ЕНИС, АРМ РШЭП) act only in the centre's steps. */
  actor: z.enum(['clerk', 'head', 'executor', 'akimat', 'specialist', 'centreOperator', 'provider', 'applicant', 'system']),
  duration: z.object({ value: z.number().positive(), unit: z.enum(['minutes', 'workingDays']) }),
  cite: cites,
});

/**
 * What ends a centre step in the АРМ's records: intake (the call → signed or refused), the
 * request's registration by the provider's АРМ (sent → registered), the provider's check of the
 * package (registered → in work or returned), handing the result over (→ issued).
 */
export const centrePhaseSchema = z.enum(['intake', 'registration', 'check', 'handover']);
export type CentrePhase = z.infer<typeof centrePhaseSchema>;

/**
 * A step of the centre's own procedure with its minutes (001 п.9–10, 000 Прил.1 Табл.2, 002 п.10).
 * `only`: a branch the regulation times but that runs only when ГБД ФЛ / ЕНИС had no data (the
 * person typed by hand) or the package was returned for defects.
 */
export const centreStepSchema = stepSchema.extend({
  phase: centrePhaseSchema,
  only: z.enum(['noRegistryData', 'returned']).optional(),
});
export type CentreStep = z.infer<typeof centreStepSchema>;

export const channelSchema = z
  .object({
    kind: channelKindSchema,
    cite: cites,
    /** The term of the service on this channel, in the regulation's own unit; null when it gives none. */
    term: termSchema.nullable(),
    /** Why there is no term, or what else the text says about time on this channel. */
    termNote: z.string().min(1).optional(),
    /** Maximum waiting time in the queue and service time at the counter, where the regulation gives them. */
    counter: z
      .object({
        maxWait: minutesLimit.nullable(),
        maxService: minutesLimit.nullable(),
        /** Handing the result over, where the regulation gives its steps' minutes (001 п.10); maxService is then the intake's (п.9). */
        issue: minutesLimit.optional(),
        note: z.string().min(1).optional(),
      })
      .optional(),
    /** The centre's steps with their minutes, in the regulation's order (the centre channel only). */
    steps: z.array(centreStepSchema).min(1).optional(),
  })
  .refine((channel) => channel.term !== null || channel.termNote, { message: 'a channel without a term says why (termNote)', path: ['termNote'] })
  .refine((channel) => !channel.steps || channel.kind === 'centre', { message: 'only the centre channel has centre steps', path: ['steps'] });

export const documentSchema = z.object({
  name: text,
  kkSource: kkSourceSchema,
  form: z.enum(['original', 'copy', 'electronicCopy']),
  requirement: z.enum(['required', 'conditional']),
  condition: text.optional(),
  cite: cites,
}).refine((document) => document.requirement === 'required' || document.condition, { message: 'a conditional document names its condition', path: ['condition'] });

export const documentsSchema = z
  .object({
    items: z.array(documentSchema),
    /** Where the seed only points to a Standard that is not in the seeds. */
    listAbsent: z.object({ standard: z.string().min(1), cite: cites }).optional(),
  })
  .refine((documents) => documents.items.length > 0 || documents.listAbsent, { message: 'no documents and no note that the list is absent', path: ['listAbsent'] });

/**
 * A document the supervisor lists where the regulation only points to a Standard that is not in
 * the seeds (catalog overrides, versioned and audited in the АРМ's database).
 */
export const documentOverrideItemSchema = z
  .object({
    name: z.object({ ru: z.string().trim().min(1).max(300), kk: z.string().trim().min(1).max(300) }),
    form: z.enum(['original', 'copy', 'electronicCopy']),
    requirement: z.enum(['required', 'conditional']),
    condition: z.object({ ru: z.string().trim().min(1).max(300), kk: z.string().trim().min(1).max(300) }).optional(),
  })
  .refine((document) => document.requirement === 'required' || document.condition, { message: 'a conditional document names its condition', path: ['condition'] });
export type DocumentOverrideItem = z.infer<typeof documentOverrideItemSchema>;

export const documentsOverrideSchema = z.object({
  version: z.number().int().positive(),
  /** Where the supervisor took the list from, e.g. the Standard's number and paragraph. */
  basis: z.string().min(1),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});

export const refusalGroundCodeSchema = z.enum([
  'incompletePackage',
  'expiredDocuments',
  'documentViolations',
  'noRegistryData',
  'signatureNotConfirmed',
  'authorisationRefused',
  'guardianshipRegisterNoRecord',
  'commissionConclusion',
  'standardGrounds',
]);

export const refusalGroundSchema = z.object({
  code: refusalGroundCodeSchema,
  cite: cites,
});
export type RefusalGround = z.infer<typeof refusalGroundSchema>;

export const representativeSchema = z.object({
  /** null: the regulation does not say. */
  allowed: z.boolean().nullable(),
  /** The seeds never require notarisation: a notarised power of attorney is checked in ЕНИС, any other is accepted without entering its data. */
  notarisationRequired: z.boolean().nullable(),
  enisCheck: z.boolean(),
  cite: z.array(citationSchema),
  note: z.string().min(1).optional(),
});

export const formFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: text,
  kkSource: kkSourceSchema,
  ruSource,
  type: z.enum(['iin', 'text', 'date', 'phone', 'address', 'number', 'choice']),
  required: z.boolean(),
  cite: cites,
});

export const resultSchema = z.object({
  kind: z.enum(['certificate', 'decision', 'resolution', 'referral', 'notification', 'contract', 'permission', 'conclusion']),
  name: text,
  kkSource: kkSourceSchema,
  ruSource,
  /** Print template the documents slice renders; one id per layout. */
  templateId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
  validity: z.string().min(1).optional(),
  /** The validity as a term from the day of issue, printed as an expiry date (validity is its seed quote). */
  validFor: z.object({ value: z.number().int().positive(), unit: z.enum(['days', 'months']) }).optional(),
  /** A queue notice: the request enters this kind of register (003 Reg.3 preschool, Reg.7 housing). */
  queue: z.enum(['preschool', 'housing']).optional(),
  cite: cites,
});

export const variantSchema = z.object({
  /** Stable: "<seed number>-<regulation>", e.g. "001-r5". */
  id: z.string().regex(/^\d{3}(-r\d+)?$/),
  serviceId,
  seed: seedFileSchema,
  region: text,
  act: z.string().min(1),
  repealed: z.string().min(1).nullable(),
  standard: z.string().min(1),
  provider: z.object({ kind: providerKindSchema, also: z.array(providerKindSchema).optional(), name: z.string().min(1), cite: cites }),
  recipients: z.object({ kinds: z.array(recipientKindSchema).min(1), cite: cites, note: z.string().min(1).optional() }),
  channels: z.array(channelSchema).min(1),
  /** The provider's internal chain with its time norms (001, 002), where given. */
  steps: z.array(stepSchema),
  documents: documentsSchema,
  /** Present when the supervisor's list replaces the regulation's (see documentOverrideItemSchema). */
  documentsOverride: documentsOverrideSchema.optional(),
  refusalGrounds: z.array(refusalGroundSchema).min(1),
  representative: representativeSchema,
  applicationForm: z.object({ reference: z.string().min(1), fields: z.array(formFieldSchema), cite: cites }),
  results: z.array(resultSchema).min(1),
  /**
   * How several results are issued: `oneOf` — the clerk chooses one (003 Reg.3: направление в ДДО
   * либо уведомление о постановке на очередь); `together` — one decision issues all of them
   * (001 Reg.6, Reg.12). A single result needs neither.
   */
  resultsIssued: z.enum(['oneOf', 'together']).optional(),
  refusal: z.object({ templateId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/), form: z.enum(['reasonedResponse', 'freeLetter']), cite: cites }),
  /** What the text leaves open or gets wrong; shown to the supervisor. */
  gaps: z.array(z.string().min(1)),
});
export type Variant = z.infer<typeof variantSchema>;
export type VariantInput = z.input<typeof variantSchema>;

export const serviceSchema = z.object({
  id: serviceId,
  name: text,
  kkSource: kkSourceSchema,
  /** A seed typo the Kazakh name corrects, said so (kkSource seed: the rest is verbatim). */
  kkCorrected: z.object({ seed: z.string().min(1), ours: z.string().min(1) }).optional(),
  nameCite: cites,
});
export type ServiceIdentity = z.infer<typeof serviceSchema>;

export type Service = ServiceIdentity & { variants: Variant[] };

/** What catalog.list answers: enough for the browser's list and filters. */
export const serviceSummarySchema = z.object({
  id: serviceId,
  name: text,
  kkSource: kkSourceSchema,
  providerKinds: z.array(providerKindSchema),
  channels: z.array(channelKindSchema),
  regions: z.array(text),
  variantCount: z.number().int().positive(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

export const serviceEntrySchema = serviceSchema.extend({ variants: z.array(variantSchema).min(1) });
