import { createCatalog, type Catalog } from '../../../shared/catalog/catalog';
import type { Variant } from '../../../shared/catalog/schema';

let bundled: Catalog | null = null;

/** The catalog variant (regulation of the region) a request was taken under; null when unknown. */
export function findVariant(serviceId: string, variantId: string | null): Variant | null {
  bundled ??= createCatalog();
  return bundled.get(serviceId)?.variants.find((variant) => variant.id === variantId) ?? null;
}
