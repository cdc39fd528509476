import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { formatDate } from '../../../shared/time';
import { TextAreaField } from '../../ui/TextAreaField';

type Signer = Awaited<ReturnType<typeof arm.verify.signers>>[number];

/**
 * The heads' certificates as reference data (supervisor): pasted PEM, so this workstation verifies
 * a head's print without ever having received one of that head's results.
 */
export function SignersForm() {
  const { t } = useTranslation();
  const [signers, setSigners] = useState<Signer[] | null>(null);
  const [pem, setPem] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    arm.verify.signers().then(setSigners, setError);
  }, []);
  return (
    <form
      className="stack-form"
      aria-label={t('verify.signersTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        arm.verify.setSigners({ pem }).then(setSigners, setError);
      }}
    >
      <h3>{t('verify.signersTitle')}</h3>
      <p className="muted">{t('verify.signersHint')}</p>
      <ul data-testid="signers">
        {signers?.map((signer) => (
          <li key={signer.sha256}>
            {signer.subject} {signer.iin ? `(${signer.iin})` : ''} — {formatDate(new Date(signer.notAfter))}
          </li>
        ))}
      </ul>
      <TextAreaField label={t('verify.signersPem')} value={pem} onChange={setPem} className="mono" data-testid="signers-pem" />
      {error ? <ErrorText error={error} /> : null}
      <Button htmlType="submit">{t('verify.signersSave')}</Button>
    </form>
  );
}
