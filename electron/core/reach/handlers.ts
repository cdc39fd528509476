import type { Contract, MissingReason } from '../../../shared/api';
import type { Service } from '../../../shared/catalog/schema';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { readCounterCentre, readDirectory } from '../intake/centre';
import { intakeCatalog } from '../intake/drafts';
import type { IntakeChannel } from '../../../shared/api';
import { DISTRICT_SEEDS } from '../../../shared/catalog/reach';

// Reach (охват): the district → regulation table (shared/catalog/reach.ts, the one list) as
// the supervisor sees it, and the counter's service picker limited to what this centre may take in.

/** What keeps a service from a centre of this district and kind, or null when it may be taken in. */
export function missingReason(service: Service, district: string, channel: IntakeChannel, routes: Array<{ service: string; district: string }> | null): MissingReason | null {
  const seed = DISTRICT_SEEDS[district];
  const inForce = service.variants.filter((variant) => seed && variant.seed.startsWith(seed));
  if (!inForce.length) return 'noRegulation';
  if (!inForce.some((variant) => variant.channels.some((c) => c.kind === channel))) return 'noChannel';
  // Only the cached directory is consulted: the picker must answer offline, and intake.start asks the gateway anyway.
  if (routes && !routes.some((route) => route.service === service.id && route.district === district)) return 'noProvider';
  return null;
}

export const reachHandlers: Handlers<Contract>['reach'] = {
  districts: () => {
    const services = intakeCatalog().services;
    return Object.entries(DISTRICT_SEEDS).map(([district, seed]) => {
      const variants = services.flatMap((service) => service.variants.filter((variant) => variant.seed.startsWith(seed)));
      return {
        district,
        seed,
        region: variants[0]?.region ?? { ru: '—', kk: '—' },
        services: new Set(variants.map((variant) => variant.serviceId)).size,
        mobileServices: new Set(variants.filter((variant) => variant.channels.some((c) => c.kind === 'mobileCentre')).map((variant) => variant.serviceId)).size,
      };
    });
  },

  services: (_input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const centre = readCounterCentre(db, caller!.role);
    const channel: IntakeChannel = caller!.role === 'mobileOperator' ? 'mobileCentre' : 'centre';
    const routes = readDirectory(db)?.routes ?? null;
    const services = intakeCatalog().services.map((service) => {
      const missing = centre ? missingReason(service, centre.district, channel, routes) : 'noRegulation';
      const seed = centre ? DISTRICT_SEEDS[centre.district] : undefined;
      const variant = missing ? null : service.variants.find((candidate) => seed && candidate.seed.startsWith(seed) && candidate.channels.some((c) => c.kind === channel));
      return { id: service.id, name: service.name, variantId: variant?.id ?? null, missing };
    });
    return { centre, channel, services };
  },
};
