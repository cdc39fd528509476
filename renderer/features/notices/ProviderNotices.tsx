import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import { returnNorm } from '../../../shared/catalog/returns';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

const catalog = createCatalog();

/**
 * The executor's two notices to the centre: extend the term (new date and reason) or return the
 * package for defects with written reasons — within the regulation's own norm where it sets one
 * (004 App.1: 3 working days of receipt), said to be unset where it does not (shared/catalog/returns.ts).
 */
export function ProviderNotices({ view, onDone }: { view: Pick<RequestView, 'id' | 'state' | 'content'>; onDone: () => void }) {
  const { t } = useTranslation();
  const [dueBy, setDueBy] = useState('');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (view.state !== 'registered' && view.state !== 'inWork') return null;
  const variant = catalog.get(view.content.serviceId)?.variants.find((candidate) => candidate.id === view.content.variantId);
  const norm = variant ? returnNorm(variant) : null;
  const run = (call: Promise<unknown>) =>
    call.then(() => {
      setError(null);
      onDone();
    }, setError);
  return (
    <details data-testid="provider-notices">
      <summary>{t('notices.providerTitle')}</summary>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          void run(arm.notices.extend({ requestId: view.id, dueBy, reason }));
        }}
      >
        <label className="field">
          {t('notices.newDueBy')}
          <input type="date" value={dueBy} onChange={(event) => setDueBy(event.target.value)} required data-testid="extend-date" />
        </label>
        <label className="field">
          {t('notices.extendReason')}
          <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={1000} data-testid="extend-reason" />
        </label>
        <button type="submit">{t('notices.extend')}</button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(arm.notices.returnToCentre({ requestId: view.id, reasons }));
        }}
      >
        <label className="field">
          {t('notices.returnReasons')}
          <textarea rows={2} value={reasons} onChange={(event) => setReasons(event.target.value)} maxLength={1000} data-testid="return-reasons" />
        </label>
        <p className="muted" data-testid="return-norm" title={norm?.cite}>
          {norm ? t('notices.returnNorm', { days: norm.value }) : t('notices.returnNormNone')}
        </p>
        <button type="submit">{t('notices.returnToCentre')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </details>
  );
}
