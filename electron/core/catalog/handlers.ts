import { ArmError, type Contract } from '../../../shared/api';
import { currentCatalog, type Catalog } from '../../../shared/catalog/catalog';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { documentsHistory, saveDocuments, withOverrides } from './overrides';

/** The catalog in force (bundled, or the gateway's reference data), validated once on first use. */
export function catalogHandlers(catalog: () => Catalog = currentCatalog): Handlers<Contract>['catalog'] {
  return {
    list: () => catalog().list(),
    get: ({ id }, ctx) => {
      const service = catalog().get(id);
      if (!service) throw new ArmError('NOT_FOUND', `No service ${id} in the catalog.`);
      return withOverrides(ctx.db, service);
    },
    setDocuments: ({ variantId, items, basis }, ctx, { caller }) => {
      const service = catalog().services.find((candidate) => candidate.variants.some((variant) => variant.id === variantId));
      return saveDocuments(requireDb(ctx), service, variantId, items, basis, caller!.userId, ctx.now());
    },
    documentsHistory: ({ variantId }, ctx) => documentsHistory(requireDb(ctx), variantId),
  };
}


