import { currentCatalog } from '../../../shared/catalog/catalog';
import type { Variant } from '../../../shared/catalog/schema';

/** The catalog variant (regulation of the region) a request was taken under; null when unknown. */
export function findVariant(serviceId: string, variantId: string | null): Variant | null {
  return currentCatalog().get(serviceId)?.variants.find((variant) => variant.id === variantId) ?? null;
}
