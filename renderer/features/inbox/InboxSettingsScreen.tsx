import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/time';
import { ErrorText } from '../../ui/ErrorText';
import { useInboxSettings } from './settingsStore';

async function fileText(file: File | undefined): Promise<string | undefined> {
  return file ? file.text() : undefined;
}

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
        onSubmit={(event) => {
          event.preventDefault();
          void save({ organisation: code, ...(rootsPem !== undefined ? { rootsPem } : {}), ...(crlsPem !== undefined ? { crlsPem } : {}) });
        }}
      >
        <label className="field">
          {t('inbox.settings.organisation')}
          <input value={code} onChange={(event) => setOrganisation(event.target.value)} data-testid="organisation" />
        </label>
        <label className="field">
          {t('inbox.settings.roots')}
          <input type="file" accept=".pem,.crt,.cer" onChange={(event) => void fileText(event.target.files?.[0]).then(setRootsPem)} data-testid="roots-file" />
        </label>
        <label className="field">
          {t('inbox.settings.crls')}
          <input type="file" accept=".pem,.crl" onChange={(event) => void fileText(event.target.files?.[0]).then(setCrlsPem)} data-testid="crls-file" />
        </label>
        <button type="submit" data-testid="save-settings">
          {t('inbox.settings.save')}
        </button>
        {saved ? <p role="status">{t('inbox.settings.saved')}</p> : null}
      </form>
      <dl className="facts" data-testid="trust">
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
