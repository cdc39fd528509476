import { Alert, Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { useTransfer } from './store';

/** A mobile centre back from the road hands its unsent requests to a connected АРМ on a USB stick. */
export function TransferScreen() {
  const { t } = useTranslation();
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
        <Alert type="success" showIcon role="status" title={t('transfer.exported', { count: exported })} />
      ) : null}
      {imported ? (
        <Alert type="success" showIcon role="status" title={t('transfer.imported', { imported: imported.imported, present: imported.alreadyPresent, by: imported.exportedBy })} />
      ) : null}
      <form className="stack-form" onSubmit={submitExport} aria-label={t('transfer.exportTitle')}>
        <h2>{t('transfer.exportTitle')}</h2>
        <p className="muted">{t('transfer.exportHint')}</p>
        <Field label={t('transfer.password')} type="password" value={exportPassword} onChange={setExportPassword} autoComplete="off" />
        <Button htmlType="submit" type="primary" disabled={busy || exportPassword.length === 0}>
          {t('transfer.export')}
        </Button>
      </form>
      <form className="stack-form" onSubmit={submitImport} aria-label={t('transfer.importTitle')}>
        <h2>{t('transfer.importTitle')}</h2>
        <div>
          <FileButton label={t('transfer.file')} accept=".armt" onFile={setFile} chosen={file?.name} data-testid="transfer-file" />
        </div>
        <Field label={t('transfer.password')} type="password" value={importPassword} onChange={setImportPassword} autoComplete="off" />
        <Button htmlType="submit" type="primary" disabled={busy || !file || importPassword.length === 0}>
          {t('transfer.import')}
        </Button>
      </form>
    </main>
  );
}
