import { Alert, Button } from 'antd';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/time';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { FilePick } from '../../ui/FilePick';
import { useInboxSettings } from './settingsStore';

/** Supervisor: which organisation this workstation is, which roots and CRLs it trusts. */
export function InboxSettingsScreen() {
  const { t } = useTranslation();
  const { settings, saved, error, load, save } = useInboxSettings();
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [rootsPem, setRootsPem] = useState<string | undefined>();
  const [crlsPem, setCrlsPem] = useState<string | undefined>();

  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);

  // The form waits for the saved settings: typing into a field the load then overwrites would
  // merge both values (seen as «edu-kokpektyedu-uralsk»).
  if (!settings)
    return (
      <main className="screen" aria-labelledby="inbox-settings-title">
        <h1 id="inbox-settings-title">{t('inbox.settings.title')}</h1>
        {error ? <ErrorText error={error} /> : <p>{t('app.loading')}</p>}
      </main>
    );
  const code = organisation ?? settings.organisation ?? '';
  return (
    <main className="screen" aria-labelledby="inbox-settings-title">
      <h1 id="inbox-settings-title">{t('inbox.settings.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <form
        className="form"
        aria-labelledby="inbox-settings-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ organisation: code, ...(rootsPem !== undefined ? { rootsPem } : {}), ...(crlsPem !== undefined ? { crlsPem } : {}) });
        }}
      >
        <Field label={t('inbox.settings.organisation')} value={code} onChange={setOrganisation} data-testid="organisation" />
        <FilePick label={t('inbox.settings.roots')} accept=".pem,.crt,.cer" onFile={(file) => void file.text().then(setRootsPem)} data-testid="roots-file" />
        <FilePick label={t('inbox.settings.crls')} accept=".pem,.crl" onFile={(file) => void file.text().then(setCrlsPem)} data-testid="crls-file" />
        <div className="actions">
          <Button htmlType="submit" type="primary" data-testid="save-settings">
            {t('inbox.settings.save')}
          </Button>
        </div>
        {saved ? <Alert type="success" showIcon role="status" title={t('inbox.settings.saved')} /> : null}
      </form>
      <dl className="facts trust" data-testid="trust">
        {settings.roots.map((root) => (
          // A fragment, not a wrapper: a <dl> holds only dt/dd (and div) groups (axe definition-list).
          <Fragment key={root.subject}>
            <dt>{t('inbox.settings.root')}</dt>
            <dd>
              {root.subject} · {formatDate(new Date(root.notAfter))}
            </dd>
          </Fragment>
        ))}
        <dt>{t('inbox.settings.crlCount')}</dt>
        <dd>{settings.crls}</dd>
      </dl>
    </main>
  );
}
