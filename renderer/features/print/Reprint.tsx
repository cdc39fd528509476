import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, PrintedKind } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { useViewer } from './store';

/**
 * «Дубликат»: a second copy of a receipt or a result, given only with a reason (on the audit
 * entry); the core counts it and marks every page «ДУБЛИКАТ / ТЕЛНҰСҚА». Opens in the viewer.
 */
export function Reprint({ requestId, document, number }: { requestId: string; document: PrintedKind; number: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [language, setLanguage] = useState<Language>(i18n.language === 'kk' ? 'kk' : 'ru');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = t(`reprint.${document}`);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid={`reprint-${document}`}>
        {label}
      </button>
    );
  }
  return (
    <form
      className="reprint"
      aria-label={`${label} № ${number}`}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        void arm.print
          .reprint({ requestId, document, language, reason })
          .then(({ pdf, fileName, copy }) => {
            useViewer.getState().show({ pdf, fileName, kind: document, title: t('reprint.title', { number, copy }) });
            setOpen(false);
            setReason('');
          }, setError)
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor={`${id}-reason`}>{t('reprint.reason')}</label>
      <input id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} required minLength={3} maxLength={500} autoFocus data-testid="reprint-reason" />
      <label htmlFor={`${id}-language`}>{t('reprint.language')}</label>
      <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        <option value="ru">Русский</option>
        <option value="kk">Қазақша</option>
      </select>
      <button type="submit" className="primary" disabled={busy} data-testid="reprint-confirm">
        {t('reprint.confirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('reprint.cancel')}
      </button>
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
