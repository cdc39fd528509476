import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** One click: a zip for the support desk, with no personal data in it. */
export function SupportSection() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="support-title">
      <h2 id="support-title">{t('support.title')}</h2>
      <p className="muted">{t('support.hint')}</p>
      <Button
        loading={busy}
        data-testid="support-bundle"
        onClick={() => {
          setBusy(true);
          setError(null);
          void arm.support
            .bundle()
            .then(({ fileName, base64 }) => download(fileName, base64))
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('support.bundle')}
      </Button>
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
