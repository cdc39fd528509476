import { z } from 'zod';
import { ArmError, centreSettingSchema, type CentreSetting } from '../../../shared/api';
import { organisationsReferenceSchema } from '../../../shared/gateway/api';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';

// The workstation's centre (ЦОН) and its district, set by the supervisor, and the gateway's
// organisations reference kept for routing while the gateway cannot be reached.

const CENTRE_KEY = 'intake.centre';
const REFERENCE_KEY = 'intake.organisations';

function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function readCentre(db: Db): CentreSetting | null {
  return readSetting(db, CENTRE_KEY, centreSettingSchema);
}

export function requireCentre(db: Db): CentreSetting {
  const centre = readCentre(db);
  if (!centre) throw new ArmError('CENTRE_NOT_SET', 'The supervisor has not set this workstation’s centre.');
  return centre;
}

export function saveCentre(db: Db, centre: CentreSetting): void {
  writeSetting(db, CENTRE_KEY, centre);
}

export function readReference(db: Db) {
  return readSetting(db, REFERENCE_KEY, organisationsReferenceSchema);
}

export function saveReference(db: Db, reference: z.infer<typeof organisationsReferenceSchema>): void {
  writeSetting(db, REFERENCE_KEY, reference);
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
  const reference = readReference(db);
  if (!reference) throw new ArmError('ROUTE_OFFLINE', 'The gateway is unreachable and no organisations reference is cached.');
  const route = reference.routes.find((candidate) => candidate.service === service && candidate.district === district);
  if (!route) throw new ArmError('ROUTE_NOT_FOUND', `No provider of ${service} in ${district}.`);
  return route.provider;
}
