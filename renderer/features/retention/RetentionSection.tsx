import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { when } from '../backup/when';
import type { RetentionTermsInput } from '../../../shared/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useRetention } from './store';

type Term = keyof RetentionTermsInput;
const TERMS: Term[] = ['issuedDays', 'refusedDays', 'withdrawnDays'];

function days(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

/** Supervisor: how long personal data of finished requests is kept, and the purge report. */
export function RetentionSection() {
  const { t } = useTranslation();
  const { terms, lastReport, busy, error, load, configure, purge } = useRetention();
  const [edited, setEdited] = useState<Partial<Record<Term, string>>>({});
  useEffect(() => {
    void load();
  }, [load]);
  const value = (term: Term) => edited[term] ?? (terms?.[term] === null || terms?.[term] === undefined ? '' : String(terms[term]));
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.hint')}</p>
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          void configure({ issuedDays: days(value('issuedDays')), refusedDays: days(value('refusedDays')), withdrawnDays: days(value('withdrawnDays')) }).then(() => setEdited({}));
        }}
      >
        {TERMS.map((term) => (
          <Field key={term} label={t(`retention.${term}`)} type="number" min={1} value={value(term)} onChange={(next) => setEdited({ ...edited, [term]: next })} data-testid={`retention-${term}`} />
        ))}
        <div className="actions">
          <Button htmlType="submit" type="primary" disabled={busy} data-testid="retention-save">
            {t('retention.save')}
          </Button>
          <Button disabled={busy} onClick={() => void purge()} data-testid="retention-purge">
            {t('retention.purgeNow')}
          </Button>
        </div>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {lastReport ? (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="retention-report"
          title={t('retention.report', {
            date: when(lastReport.at),
            issued: lastReport.requests.issued,
            refused: lastReport.requests.refusedAtIntake,
            withdrawn: lastReport.requests.withdrawn,
            scans: lastReport.scans,
          })}
        />
      ) : null}
    </section>
  );
}
