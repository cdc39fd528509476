import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../../shared/time';
import { FileButton } from '../../ui/FileButton';
import { SelectField } from '../../ui/SelectField';
import { useAuth } from '../auth/store';
import { SignersForm } from './SignersForm';
import { useVerify } from './store';

const dmy = (date: string) => date.split('-').reverse().join('.');

/** Проверка документа: open a PDF or a photo of a printed result (or scan it at the counter) and see whether it is genuine. */
export function VerifyScreen() {
  const { t } = useTranslation();
  const { verdict, fileName, busy, error, scanners, check, loadScanners, scan } = useVerify();
  const role = useAuth((state) => state.status?.user?.role);
  const counter = role === 'operator' || role === 'mobileOperator';
  const [device, setDevice] = useState('');
  useEffect(() => {
    if (counter && !scanners) void loadScanners();
  }, [counter, scanners, loadScanners]);
  const result = verdict?.result;
  const headline = !verdict ? null : !verdict.valid ? `${t('verify.invalid')}: ${t(`errors.${verdict.code ?? 'SIGNATURE_INVALID'}`)}` : verdict.compared ? t('verify.valid') : t('verify.validImage');
  return (
    <main className="screen" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <div className="actions">
        <FileButton
          label={t('verify.open')}
          accept=".pdf,.png,.jpg,.jpeg,.bmp,.gif,application/pdf,image/png,image/jpeg"
          disabled={busy}
          onFile={(file) => void check(file)}
          data-testid="verify-file"
        />
        {counter && scanners?.length ? (
          <>
            <SelectField<string>
              label={t('verify.scanner')}
              value={device || undefined}
              onChange={setDevice}
              placeholder="—"
              options={scanners.map((scanner) => ({ value: scanner.device, label: scanner.description }))}
            />
            <Button disabled={busy || !device} onClick={() => void scan(device)}>
              {t('verify.scan')}
            </Button>
          </>
        ) : null}
      </div>
      {busy ? <p role="status">{t('verify.checking')}</p> : null}
      {error ? <ErrorText error={error} /> : null}
      {verdict ? (
        <section className="card" data-testid="verdict" data-valid={verdict.valid} data-code={verdict.code ?? ''} aria-live="polite">
          <h2 className={verdict.valid ? 'ok' : 'error'}>{headline}</h2>
          <p>{fileName}</p>
          {result ? (
            <dl>
              <dt>{t('verify.number')}</dt>
              <dd>
                {result.number} ({dmy(result.date)})
              </dd>
              <dt>{t('verify.applicant')}</dt>
              <dd>
                {result.applicant.fullName}, {t('verify.iin')} {result.applicant.iin}
              </dd>
              <dt>{t('verify.signer')}</dt>
              <dd>
                {result.signer.subject.commonName}, {t('verify.iin')} {result.signer.subject.iin ?? '—'} ({result.signer.issuer.commonName})
              </dd>
              <dt>{t('verify.signedAt')}</dt>
              <dd>{formatDateTime(new Date(result.signingTime))}</dd>
              {result.training ? <dd>{t('verify.training')}</dd> : null}
            </dl>
          ) : null}
          {verdict.missing.length ? (
            <>
              <p>{t('verify.missing')}</p>
              <ul data-testid="verify-missing">
                {verdict.missing.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result && !verdict.compared ? (
            <>
              <p>{t('verify.signed')}</p>
              <ul>
                {result.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {role === 'supervisor' ? <SignersForm /> : null}
    </main>
  );
}
