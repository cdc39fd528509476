import type { ChannelKind, ProviderKind, ServiceSummary } from '../../../shared/catalog/schema';

export interface CatalogFilter {
  /** Words to find in the Russian or the Kazakh name, in any order. */
  query: string;
  provider: ProviderKind | '';
  channel: ChannelKind | '';
}

export const emptyFilter: CatalogFilter = { query: '', provider: '', channel: '' };

// Operators type «ё» as «е» and leave Kazakh letters out on a Russian keyboard less often than
// they mix case, so only case and ё are folded.
function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

export function filterServices(services: readonly ServiceSummary[], filter: CatalogFilter): ServiceSummary[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return services.filter((service) => {
    if (filter.provider && !service.providerKinds.includes(filter.provider)) return false;
    if (filter.channel && !service.channels.includes(filter.channel)) return false;
    const names = fold(`${service.name.ru} ${service.name.kk}`);
    return words.every((word) => names.includes(word));
  });
}
