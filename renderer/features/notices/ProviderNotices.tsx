import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import { returnNorm } from '../../../shared/catalog/returns';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { SigningDialog } from '../signing/SigningDialog';

const catalog = createCatalog();
type Notice = Awaited<ReturnType<typeof arm.notices.prepareExtend>>['notice'];

/**
 * The executor's two notices to the centre: extend the term (new date and reason) or return the
 * package for defects with written reasons — within the regulation's own norm where it sets one
 * (004 App.1: 3 working days of receipt), said to be unset where it does not (shared/catalog/returns.ts).
 * The person who decides signs: the core prepares the exact notice, the signing dialog signs it
 * (key file or NCALayer), and the core verifies the signature before it sends the notice.
 */
export function ProviderNotices({ view, onDone }: { view: Pick<RequestView, 'id' | 'state' | 'content'>; onDone: () => void }) {
  const { t } = useTranslation();
  const [dueBy, setDueBy] = useState('');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<{ notice: Notice; send: (signed: { at: string; cms: string }) => Promise<unknown> } | null>(null);
  if (view.state !== 'registered' && view.state !== 'inWork') return null;
  const variant = catalog.get(view.content.serviceId)?.variants.find((candidate) => candidate.id === view.content.variantId);
  const norm = variant ? returnNorm(variant) : null;
  const run = (call: Promise<unknown>) =>
    call.then(() => {
      setError(null);
      setPending(null);
      onDone();
    }, setError);
  /** Prepared by the core (its checks run now), then signed in the dialog and sent. */
  const prepare = (call: Promise<{ notice: Notice }>, send: (signed: { at: string; cms: string }) => Promise<unknown>) =>
    call.then(({ notice }) => {
      setError(null);
      setPending({ notice, send });
    }, setError);
  return (
    <details data-testid="provider-notices">
      <summary>{t('notices.providerTitle')}</summary>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          const input = { requestId: view.id, dueBy, reason };
          void prepare(arm.notices.prepareExtend(input), (signed) => arm.notices.extend({ ...input, ...signed }));
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
          const input = { requestId: view.id, reasons };
          void prepare(arm.notices.prepareReturn(input), (signed) => arm.notices.returnToCentre({ ...input, ...signed }));
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
      {pending ? (
        <div data-testid="notice-signing">
          <p className="muted">{t('notices.signNotice')}</p>
          <SigningDialog request={{ payload: pending.notice, onSigned: (signed) => void run(pending.send({ at: pending.notice.at as string, cms: signed.cms })) }} />
        </div>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
    </details>
  );
}
