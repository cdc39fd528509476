import { z } from 'zod';
import { isoDateSchema, personSchema, powerOfAttorneySchema } from '../gateway/api';
import { iinSchema } from './auth';
import { channel } from './channel';
import { counterRoles } from './roles';

/** ГБД ФЛ and ЕНИС through the gateway; every look-up is in the audit log with the IIN. */
export const lookupChannels = {
  person: channel({ input: z.object({ iin: iinSchema }), output: personSchema, access: [...counterRoles, 'clerk'] }),
  powerOfAttorney: channel({
    input: z.object({ number: z.string().trim().min(1).max(40), date: isoDateSchema }),
    output: powerOfAttorneySchema,
    access: [...counterRoles, 'clerk'],
  }),
};
