import { ArmError, type CentreSetting, type Role } from '../../../shared/api';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import type { ReferencePayload } from '../../../shared/gateway/reference';
import { readReference } from '../refdata/store';
import { readSetting } from '../settings/store';

// The workstation's centre (ЦОН) and its district, set by the supervisor, and the gateway's
// organisations reference kept for routing while the gateway cannot be reached (settings store).

export function readCentre(db: Db): CentreSetting | null {
  return readSetting(db, 'workstation.centre');
}

/** The centre a counter role takes requests in for: the mobile centre's for its operator where one is set. */
export function readCounterCentre(db: Db, role: Role): CentreSetting | null {
  return (role === 'mobileOperator' ? readSetting(db, 'workstation.mobileCentre') : null) ?? readCentre(db);
}

export function requireCentre(db: Db, role: Role | null = null): CentreSetting {
  const centre = role ? readCounterCentre(db, role) : readCentre(db);
  if (!centre) throw new ArmError('CENTRE_NOT_SET', 'The supervisor has not set this workstation’s centre.');
  return centre;
}

/**
 * The organisations and routes to use offline: the gateway's signed reference data (the refdata
 * job keeps it current), else the directory cached when the supervisor set the centre.
 */
export function readDirectory(db: Db): Pick<ReferencePayload<'organisations'>, 'organisations' | 'routes'> | null {
  return readReference(db, 'organisations') ?? readSetting(db, 'reference.organisations');
}

/**
 * The provider (услугодатель) of a service in the centre's district: the gateway's /routing when it
 * answers, else the cached reference; with neither, ROUTE_OFFLINE. ROUTE_NOT_FOUND is the
 * gateway's (or the cache's) word that no provider serves it there.
 */
export async function routeProvider(ctx: CoreContext, db: Db, service: string, district: string): Promise<string> {
  if (ctx.gatewayClient) {
    try {
      return (await ctx.gatewayClient.route({ service, district })).provider.code;
    } catch (error) {
      if (!(error instanceof ArmError) || error.code !== 'GATEWAY_UNAVAILABLE') throw error;
    }
  }
  const reference = readDirectory(db);
  if (!reference) throw new ArmError('ROUTE_OFFLINE', 'The gateway is unreachable and no organisations reference is cached.');
  const route = reference.routes.find((candidate) => candidate.service === service && candidate.district === district);
  if (!route) throw new ArmError('ROUTE_NOT_FOUND', `No provider of ${service} in ${district}.`);
  return route.provider;
}

/**
 * The district of this workstation's own organisation, for intake at the provider's office: the
 * gateway's directory when it answers, else the cached reference; ROUTE_OFFLINE with neither.
 */
export async function organisationDistrict(ctx: CoreContext, db: Db, code: string): Promise<string> {
  if (ctx.gatewayClient) {
    try {
      return (await ctx.gatewayClient.organisation({ code })).district;
    } catch (error) {
      if (!(error instanceof ArmError) || error.code !== 'GATEWAY_UNAVAILABLE') throw error;
    }
  }
  const reference = readDirectory(db);
  if (!reference) throw new ArmError('ROUTE_OFFLINE', 'The gateway is unreachable and no organisations reference is cached.');
  const organisation = reference.organisations.find((candidate) => candidate.code === code);
  if (!organisation) throw new ArmError('ORGANISATION_NOT_FOUND', `${code} is not in the organisations reference.`);
  return organisation.district;
}
