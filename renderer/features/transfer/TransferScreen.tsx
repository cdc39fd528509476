import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useTransfer } from './store';

/** A mobile centre back from the road hands its unsent requests to a connected АРМ on a USB stick. */
export function TransferScreen() {
  const { t } = useTranslation();
  const fileId = useId();
  const [exportPassword, setExportPassword] = useState('');
  const [importPassword, setImportPassword] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { exported, imported, busy, error, exportFile, importFile } = useTransfer();

  const submitExport = (event: FormEvent) => {
    event.preventDefault();
    void exportFile(exportPassword);
  };
  const submitImport = (event: FormEvent) => {
    event.preventDefault();
    if (file) void importFile(file, importPassword);
  };

  return (
    <main className="screen">
      <h1>{t('transfer.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      {exported !== null ? (
        <p role="status" className="notice">
          {t('transfer.exported', { count: exported })}
        </p>
      ) : null}
      {imported ? (
        <p role="status" className="notice">
          {t('transfer.imported', { imported: imported.imported, present: imported.alreadyPresent, by: imported.exportedBy })}
        </p>
      ) : null}
      <form className="form" onSubmit={submitExport} aria-label={t('transfer.exportTitle')}>
        <h2>{t('transfer.exportTitle')}</h2>
        <p className="muted">{t('transfer.exportHint')}</p>
        <Field label={t('transfer.password')} type="password" value={exportPassword} onChange={setExportPassword} autoComplete="off" />
        <button type="submit" className="primary" disabled={busy || exportPassword.length === 0}>
          {t('transfer.export')}
        </button>
      </form>
      <form className="form" onSubmit={submitImport} aria-label={t('transfer.importTitle')}>
        <h2>{t('transfer.importTitle')}</h2>
        <div className="field">
          <label htmlFor={fileId}>{t('transfer.file')}</label>
          <input id={fileId} type="file" accept=".armt" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <Field label={t('transfer.password')} type="password" value={importPassword} onChange={setImportPassword} autoComplete="off" />
        <button type="submit" className="primary" disabled={busy || !file || importPassword.length === 0}>
          {t('transfer.import')}
        </button>
      </form>
    </main>
  );
}
