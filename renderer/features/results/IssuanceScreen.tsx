import { Button, Card } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Reprint } from '../print/Reprint';
import { CentreChainPanel } from '../chain/CentreChainPanel';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { IinField } from '../../ui/IinField';
import { useIssuance } from './store';
import { useAuth } from '../auth/store';

type Row = NonNullable<ReturnType<typeof useIssuance.getState>['results']>[number];

function IssueForm({ row }: { row: Row }) {
  const { t } = useTranslation();
  const issue = useIssuance((state) => state.issue);
  const [collectorIin, setCollectorIin] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  return (
    <form
      className="actions"
      onSubmit={(event) => {
        event.preventDefault();
        void issue({ requestId: row.requestId, collectorIin, documentNumber });
      }}
    >
      <IinField label={t('issuance.collectorIin')} value={collectorIin} onChange={setCollectorIin} />
      <Field label={t('issuance.documentNumber')} value={documentNumber} onChange={setDocumentNumber} data-testid="document-number" />
      <Button htmlType="submit" type="primary" data-testid="issue">
        {t('issuance.issue')}
      </Button>
    </form>
  );
}

/** Выдача результата at the centre: the results that came back, printed and handed over. */
export function IssuanceScreen() {
  const { t } = useTranslation();
  const { results, error, load, pull, print } = useIssuance();
  // The office issues what it took in itself: nothing to pull from the gateway.
  const office = useAuth((state) => state.status?.user?.role) === 'officeWorker';
  useEffect(() => {
    if (!results) void load();
  }, [results, load]);
  return (
    <main className="screen" aria-labelledby="issuance-title">
      <h1 id="issuance-title">{t('issuance.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      {office ? null : (
        <Button onClick={() => void pull()} data-testid="pull-results">
          {t('issuance.pull')}
        </Button>
      )}
      {results && !results.length ? <p>{t('issuance.nothing')}</p> : null}
      <ul className="cards">
        {results?.map((row) => (
          <li key={row.requestId} data-testid="counter-result" data-state={row.state}>
            <Card size="small" title={<h2>{t(`inbox.outcome.${row.outcome}`)} № {row.resultNumber} · {t(`requestState.${row.state}`)}</h2>}>
              <p>
                {t('inbox.request', { number: row.number })} · {row.applicantName} · {t('issuance.signer', { name: row.signer })}
              </p>
              <div className="actions">
                {/* Printed once handed over (the issuance is recorded first); again after a failed print. */}
                {(row.state === 'issued' ? (['ru', 'kk'] as const) : []).map((lang) => (
                  <Button key={lang} onClick={() => void print(row.requestId, lang, row.resultNumber)} data-testid={`print-result-${lang}`}>
                    {t('issuance.print', { lang: lang === 'ru' ? 'Рус' : 'Қаз' })}
                  </Button>
                ))}
                {row.state === 'issued' ? <Reprint requestId={row.requestId} document="result" number={row.resultNumber} /> : null}
              </div>
              {/* At the counter the result came back; at the provider's office it waits there once the head signed (001 п.5 пп.5). */}
              {row.state === 'resultAtCentre' || row.state === 'resultSigned' ? <IssueForm row={row} /> : null}
              {office ? null : <CentreChainPanel requestId={row.requestId} refresh={row.state} />}
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}
