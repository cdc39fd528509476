import { Button, Card, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { channelKindSchema, providerKindSchema, type ChannelKind, type ProviderKind } from '../../../shared/catalog/schema';
import { languages, type Language } from '../../../shared/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { useAuth } from '../auth/store';
import { WordingForm } from '../results/WordingForm';
import { filterServices } from './filter';
import { ServiceCard } from './ServiceCard';
import { useCatalog } from './store';

export function CatalogScreen() {
  const { t, i18n } = useTranslation();
  const language: Language = languages.find((candidate) => candidate === i18n.language) ?? 'ru';
  const { services, filter, opened, openId, error, load, setFilter, toggle } = useCatalog();
  const role = useAuth((state) => state.status?.user?.role);

  useEffect(() => {
    if (!services) void load();
  }, [services, load]);

  const shown = useMemo(() => (services ? filterServices(services, filter) : []), [services, filter]);

  return (
    <main className="screen" aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t('catalog.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <div className="filters" role="search">
        <Input
          type="search"
          className="filter-query"
          aria-label={t('catalog.search')}
          placeholder={t('catalog.search')}
          value={filter.query}
          onChange={(event) => setFilter({ query: event.target.value })}
          allowClear
        />
        <Select<ProviderKind | ''>
          aria-label={t('catalog.provider')}
          value={filter.provider}
          onChange={(provider) => setFilter({ provider })}
          popupMatchSelectWidth={false}
          virtual={false}
          options={[{ value: '', label: t('catalog.allProviders') }, ...providerKindSchema.options.map((kind) => ({ value: kind, label: t(`catalog.providerKind.${kind}`) }))]}
        />
        <Select<ChannelKind | ''>
          aria-label={t('catalog.channels')}
          value={filter.channel}
          onChange={(channel) => setFilter({ channel })}
          popupMatchSelectWidth={false}
          virtual={false}
          options={[{ value: '', label: t('catalog.allChannels') }, ...channelKindSchema.options.map((kind) => ({ value: kind, label: t(`catalog.channel.${kind}`) }))]}
        />
      </div>
      {services ? <p className="muted" data-testid="catalog-count">{t('catalog.count', { count: shown.length })}</p> : <p>{t('app.loading')}</p>}
      {services && !shown.length ? <p>{t('catalog.nothing')}</p> : null}
      <ul className="cards">
        {shown.map((service) => (
          <li key={service.id} data-testid="service-card" data-service={service.id}>
            <Card
              size="small"
              title={<h2>{service.name[language]}</h2>}
              extra={
                <Button aria-expanded={openId === service.id} onClick={() => void toggle(service.id)}>
                  {openId === service.id ? t('catalog.close') : t('catalog.open')}
                </Button>
              }
            >
              <p className="muted">
                {service.providerKinds.map((kind) => t(`catalog.providerKind.${kind}`)).join(', ')} ·{' '}
                {service.channels.map((kind) => t(`catalog.channel.${kind}`)).join(', ')} · {service.regions.map((region) => region[language]).join('; ')}
              </p>
              {openId === service.id && opened[service.id] ? <ServiceCard service={opened[service.id]!} /> : null}
            </Card>
          </li>
        ))}
      </ul>
      {role === 'supervisor' ? <WordingForm /> : null}
    </main>
  );
}
