import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation, Service, Variant } from '../../../shared/catalog/schema';
import { languages, type Language } from '../../../shared/i18n';
import { useAuth } from '../auth/store';
import { DocumentsEditor } from './DocumentsEditor';
import { dueIfAcceptedAt, localNow, type DueToday } from './due';

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((language) => language === i18n.language) ?? 'ru';
}

/** Seed texts are Russian except 002 and 004; their words keep their own lang attribute. */
function seedLanguage(seed: string): Language {
  return seed.startsWith('002') || seed.startsWith('004') ? 'kk' : 'ru';
}

function Cites({ cites }: { cites: readonly Citation[] }) {
  if (!cites.length) return null;
  return (
    <span className="cites">
      {cites.map((cite, index) => (
        <cite key={index} title={cite.quote} lang={seedLanguage(cite.seed)}>
          {cite.seed.slice(0, 3)} · {cite.paragraph}
          {cite.line ? ` · L${cite.line}` : ''}
        </cite>
      ))}
    </span>
  );
}

function DueText({ due }: { due: DueToday }) {
  const { t } = useTranslation();
  if (due.kind === 'none') return null;
  const text = due.kind === 'due' ? t('catalog.dueIfNow', { due: due.text }) : t(`errors.${due.code}`);
  return <span className={due.kind === 'error' ? 'error' : 'due'}> → {text}</span>;
}

function VariantBlock({ variant, acceptedAt, serviceId }: { variant: Variant; acceptedAt: string; serviceId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const supervisor = useAuth((state) => state.status?.user?.role === 'supervisor');
  const [editing, setEditing] = useState(false);
  const source = seedLanguage(variant.seed);
  return (
    <section className="variant" aria-label={variant.region[language]}>
      <h3>
        {variant.region[language]} <span className="muted">({variant.id})</span>
      </h3>
      <dl className="facts">
        <dt>{t('catalog.act')}</dt>
        <dd lang={source}>
          {variant.act}
          {variant.repealed ? <span className="muted"> — {t('catalog.repealed', { by: variant.repealed })}</span> : null}
        </dd>
        <dt>{t('catalog.standard')}</dt>
        <dd lang={source}>{variant.standard}</dd>
        <dt>{t('catalog.provider')}</dt>
        <dd>
          {t(`catalog.providerKind.${variant.provider.kind}`)} — <span lang={source}>{variant.provider.name}</span> <Cites cites={variant.provider.cite} />
        </dd>
        <dt>{t('catalog.recipients')}</dt>
        <dd>
          {variant.recipients.kinds.map((kind) => t(`catalog.recipient.${kind}`)).join(', ')}
          {variant.recipients.note ? <span lang="ru"> ({variant.recipients.note})</span> : null} <Cites cites={variant.recipients.cite} />
        </dd>
      </dl>

      <h4>{t('catalog.channels')}</h4>
      <ul data-testid="channels">
        {variant.channels.map((channel) => (
          <li key={channel.kind}>
            <strong>{t(`catalog.channel.${channel.kind}`)}</strong>:{' '}
            {channel.term ? t(`catalog.unit.${channel.term.unit}`, { count: channel.term.value }) : t('catalog.noTerm')}
            {channel.term ? <Cites cites={channel.term.cite} /> : null}
            <DueText due={dueIfAcceptedAt(variant, channel.kind, acceptedAt)} />
            {channel.counter?.maxService ? (
              <>
                {' · '}
                {t('catalog.counterService', { minutes: channel.counter.maxService.minutes })} <Cites cites={channel.counter.maxService.cite} />
              </>
            ) : null}
            {channel.counter?.issue ? (
              <>
                {' · '}
                {t('catalog.counterIssue', { minutes: channel.counter.issue.minutes })} <Cites cites={channel.counter.issue.cite} />
              </>
            ) : null}
            {channel.counter?.maxWait ? <> · {t('catalog.counterWait', { minutes: channel.counter.maxWait.minutes })}</> : null}
            {channel.termNote ? (
              <div className="muted" lang="ru">
                {channel.termNote}
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      {variant.steps.length ? (
        <>
          <h4>{t('catalog.steps')}</h4>
          <ol>
            {variant.steps.map((step, index) => (
              <li key={index}>
                {t(`catalog.actor.${step.actor}`)}: {t(`catalog.unit.${step.duration.unit}`, { count: step.duration.value })} <Cites cites={step.cite} />
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h4>{t('catalog.documents')}</h4>
      {variant.documentsOverride ? (
        <Alert type="info" showIcon data-testid="documents-override" role="status" title={t('catalog.overridden', { version: variant.documentsOverride.version, basis: variant.documentsOverride.basis })} />
      ) : null}
      {supervisor && !editing ? (
        <Button onClick={() => setEditing(true)}>{t('catalog.editDocuments')}</Button>
      ) : null}
      {editing ? <DocumentsEditor variant={variant} serviceId={serviceId} onDone={() => setEditing(false)} /> : null}
      {variant.documents.listAbsent ? (
        <p>
          {t('catalog.listAbsent')} <span lang={source}>{variant.documents.listAbsent.standard}</span> <Cites cites={variant.documents.listAbsent.cite} />
        </p>
      ) : null}
      {variant.documents.items.length ? (
        <ul>
          {variant.documents.items.map((document, index) => (
            <li key={index}>
              {document.name[language]} — {t(`catalog.documentForm.${document.form}`)}, {t(`catalog.requirement.${document.requirement}`)}
              {document.condition ? `: ${document.condition[language]}` : ''} <Cites cites={document.cite} />
            </li>
          ))}
        </ul>
      ) : null}

      <h4>{t('catalog.refusalGrounds')}</h4>
      <ul>
        {variant.refusalGrounds.map((ground) => (
          <li key={ground.code}>
            {t(`catalog.refusal.${ground.code}`)} <Cites cites={ground.cite} />
          </li>
        ))}
      </ul>

      <h4>{t('catalog.representative')}</h4>
      <p>
        {variant.representative.allowed ? t('catalog.representativeAllowed') : t('catalog.representativeUnknown')} <Cites cites={variant.representative.cite} />
      </p>

      <h4>{t('catalog.form')}</h4>
      <p lang={source}>
        {variant.applicationForm.reference} <Cites cites={variant.applicationForm.cite} />
      </p>
      {variant.applicationForm.fields.length ? (
        <ul>
          {variant.applicationForm.fields.map((field) => (
            <li key={field.key}>
              {field.label[language]}
              {field.required ? '' : ` (${t('catalog.optional')})`}
            </li>
          ))}
        </ul>
      ) : null}

      <h4>{t('catalog.results')}</h4>
      <ul>
        {variant.results.map((result) => (
          <li key={result.templateId}>
            {t(`catalog.resultKind.${result.kind}`)}: {result.name[language]}
            {result.validity ? <span className="muted"> — {result.validity}</span> : null} <Cites cites={result.cite} />
          </li>
        ))}
        <li>
          {t('catalog.refusalResult')} <Cites cites={variant.refusal.cite} />
        </li>
      </ul>

      {variant.gaps.length ? (
        <>
          <h4>{t('catalog.gaps')}</h4>
          <ul lang="ru">
            {variant.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One service with every regional variant: terms, documents and the paragraphs they come from. */
export function ServiceCard({ service }: { service: Service }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Taken once when the card opens: the deadline "if accepted now" does not tick.
  const [acceptedAt] = useState(localNow);
  return (
    <div className="service-detail" data-testid="service-detail">
      {language === 'kk' && service.kkSource === 'translation' ? <p className="muted">{t('catalog.kkTranslation')}</p> : null}
      <p className="muted">
        {language === 'kk' ? service.name.ru : service.name.kk} <Cites cites={service.nameCite} />
      </p>
      {service.variants.map((variant) => (
        <VariantBlock key={variant.id} variant={variant} acceptedAt={acceptedAt} serviceId={service.id} />
      ))}
    </div>
  );
}
