import { ArmError, type Contract } from '../../../shared/api';
import { createCatalog, type Catalog } from '../../../shared/catalog/catalog';
import type { Handlers } from '../handler';

/** The bundled catalog, validated once on first use (a broken data file fails loudly there). */
export function catalogHandlers(catalog: () => Catalog = bundledCatalog): Handlers<Contract>['catalog'] {
  return {
    list: () => catalog().list(),
    get: ({ id }) => {
      const service = catalog().get(id);
      if (!service) throw new ArmError('NOT_FOUND', `No service ${id} in the catalog.`);
      return service;
    },
  };
}

let bundled: Catalog | null = null;
function bundledCatalog(): Catalog {
  bundled ??= createCatalog();
  return bundled;
}
