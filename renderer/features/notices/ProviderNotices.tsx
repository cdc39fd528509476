import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import { returnNorm } from '../../../shared/catalog/returns';
import { arm } from '../../app/api';
import { Button } from 'antd';
import { DateField } from '../../ui/DateField';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
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
        <DateField label={t('notices.newDueBy')} value={dueBy} onChange={setDueBy} required data-field="extend-date" />
        <Field label={t('notices.extendReason')} value={reason} onChange={setReason} maxLength={1000} data-testid="extend-reason" />
        <Button htmlType="submit" disabled={!dueBy}>
          {t('notices.extend')}
        </Button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = { requestId: view.id, reasons };
          void prepare(arm.notices.prepareReturn(input), (signed) => arm.notices.returnToCentre({ ...input, ...signed }));
        }}
      >
        <TextAreaField label={t('notices.returnReasons')} value={reasons} onChange={setReasons} maxLength={1000} data-testid="return-reasons" />
        <p className="muted" data-testid="return-norm" title={norm?.cite}>
          {norm ? t('notices.returnNorm', { days: norm.value }) : t('notices.returnNormNone')}
        </p>
        <Button htmlType="submit">{t('notices.returnToCentre')}</Button>
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
