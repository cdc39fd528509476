import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, PrintedKind } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import { useViewer } from './store';

/**
 * «Дубликат»: a second copy of a receipt or a result, given only with a reason (on the audit
 * entry); the core counts it and marks every page «ДУБЛИКАТ / ТЕЛНҰСҚА». Asked in a dialog named
 * after the document; the copy opens in the viewer.
 */
export function Reprint({ requestId, document, number }: { requestId: string; document: PrintedKind; number: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [language, setLanguage] = useState<Language>(i18n.language === 'kk' ? 'kk' : 'ru');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = t(`reprint.${document}`);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={`reprint-${document}`}>
        {label}
      </Button>
      {open ? (
        <Modal open title={`${label} № ${number}`} onCancel={() => setOpen(false)} footer={null} centered>
          <form
            className="form"
            data-testid="reprint-form"
            onSubmit={(event) => {
              event.preventDefault();
              setBusy(true);
              setError(null);
              void arm.print
                .reprint({ requestId, document, language, reason })
                .then(({ pdf, fileName, copy }) => {
                  setOpen(false);
                  setReason('');
                  useViewer.getState().show({ pdf, fileName, kind: document, title: t('reprint.title', { number, copy }) });
                }, setError)
                .finally(() => setBusy(false));
            }}
          >
            <Field label={t('reprint.reason')} value={reason} onChange={setReason} required minLength={3} maxLength={500} autoFocus data-testid="reprint-reason" />
            <SelectField<Language>
              label={t('reprint.language')}
              value={language}
              onChange={setLanguage}
              options={[
                { value: 'ru', label: 'Русский' },
                { value: 'kk', label: 'Қазақша' },
              ]}
            />
            {error ? <ErrorText error={error} /> : null}
            <div className="actions">
              <Button htmlType="submit" type="primary" disabled={busy} data-testid="reprint-confirm">
                {t('reprint.confirm')}
              </Button>
              <Button onClick={() => setOpen(false)}>{t('reprint.cancel')}</Button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
