import { z } from 'zod';
import { channel } from './channel';
import { centreSettingSchema } from './intake';
import { counterRoles, roles } from './roles';

// Reach (охват): which regulation is in force in which district, and what this centre may take in.
// Each seed is a regional regulation (001 п.1 names the region's providers); a centre applies the
// one of its district, and a mobile centre only where that regulation names mobile centres.

const text = z.object({ ru: z.string(), kk: z.string() });

export const districtReachSchema = z.object({
  district: z.string(),
  /** The seed whose regulation is in force there (shared/seeds). */
  seed: z.string(),
  region: text,
  /** Services that regulation covers, and how many of them a mobile centre may take in. */
  services: z.number().int().nonnegative(),
  mobileServices: z.number().int().nonnegative(),
});
export type DistrictReach = z.infer<typeof districtReachSchema>;

/**
 * Why a service is missing from this centre's picker: no regulation of the district covers it,
 * the regulation does not take it in at this kind of centre (a mobile centre where it names none),
 * or no provider serves it in the district (the gateway's routes).
 */
export const missingReasonSchema = z.enum(['noRegulation', 'noChannel', 'noProvider']);
export type MissingReason = z.infer<typeof missingReasonSchema>;

export const serviceReachSchema = z.object({
  id: z.string(),
  name: text,
  variantId: z.string().nullable(),
  missing: missingReasonSchema.nullable(),
});
export type ServiceReach = z.infer<typeof serviceReachSchema>;

export const reachChannels = {
  /** The district → regulation mapping the supervisor checks a centre's setting against. */
  districts: channel({ input: z.undefined(), output: z.array(districtReachSchema), access: roles }),
  /** Every service with whether this centre (and the caller's kind of counter) may take it in. */
  services: channel({
    input: z.undefined(),
    output: z.object({ centre: centreSettingSchema.nullable(), channel: z.enum(['centre', 'mobileCentre']), services: z.array(serviceReachSchema) }),
    access: [...counterRoles, 'supervisor'],
  }),
};
