import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import { localDay } from '../../../shared/time';
import { ErrorText } from '../../ui/ErrorText';
import { DateField } from '../../ui/DateField';
import { useJournal } from '../journal/store';
import { useReport } from './reportStore';

const COLUMNS = ['accepted', 'refusedAtIntake', 'issued', 'refused', 'overdue', 'averageDays'] as const;

function monthStart(): string {
  return `${localDay(new Date()).slice(0, 7)}-01`;
}

/** Отчёты: per service for a period, on screen, as CSV and as a PDF in ru or kk. */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(() => localDay(new Date()));
  const { report, error, load, download } = useReport();
  const { services, loadChoices } = useJournal();

  useEffect(() => {
    void loadChoices();
  }, [loadChoices]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(from, to);
  };
  const percent = new Intl.NumberFormat(language === 'kk' ? 'kk-KZ' : 'ru-RU', { style: 'percent', maximumFractionDigits: 0 });
  const serviceName = new Map(services.map((service) => [service.id, service.name[language]]));
  return (
    <main className="screen wide">
      <h1>{t('reports.title')}</h1>
      <form className="form filter-form" onSubmit={submit}>
        <DateField label={t('reports.from')} value={from} onChange={setFrom} required />
        <DateField label={t('reports.to')} value={to} onChange={setTo} required />
        <button type="submit" className="primary">
          {t('reports.show')}
        </button>
        <button type="button" disabled={!report} onClick={() => void download(from, to, 'csv', language)}>
          {t('reports.csv')}
        </button>
        <button type="button" disabled={!report} onClick={() => void download(from, to, 'pdf', language)}>
          {t('reports.pdf')}
        </button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {report && report.rows.length === 0 ? <p role="status">{t('reports.empty')}</p> : null}
      {report && report.rows.length > 0 ? (
        <table className="table" data-testid="report">
          <thead>
            <tr>
              <th>{t('reports.service')}</th>
              {COLUMNS.map((column) => (
                <th key={column}>{t(`reports.columns.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.serviceId}>
                <td>{serviceName.get(row.serviceId) ?? row.serviceId}</td>
                {COLUMNS.map((column) => (
                  <td key={column}>{row[column] ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report && report.questionnaire.length > 0 ? (
        <>
          <h2>{t('questionnaire.shares')}</h2>
          <table className="table" data-testid="questionnaire-shares">
            <thead>
              <tr>
                <th>{t('reports.service')}</th>
                <th>{t('questionnaire.answers')}</th>
                {(['q1', 'q2'] as const).flatMap((question) => [1, 2, 3].map((answer) => <th key={`${question}${answer}`} title={t(`questionnaire.${question}`)}>{`${question === 'q1' ? 1 : 2}. ${answer}) ${t(`questionnaire.a${answer}`)}`}</th>))}
              </tr>
            </thead>
            <tbody>
              {report.questionnaire.map((row) => (
                <tr key={row.serviceId}>
                  <td>{serviceName.get(row.serviceId) ?? row.serviceId}</td>
                  <td>{row.answers}</td>
                  {[...row.quality, ...row.information].map((count, index) => (
                    <td key={index}>{percent.format(count / row.answers)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {report && report.counter.length > 0 ? (
        <>
          <h2>{t('reach.counterTitle')}</h2>
          <table className="table" data-testid="counter-metrics">
            <thead>
              <tr>
                <th>{t('reports.service')}</th>
                <th>{t('reach.visits')}</th>
                <th>{t('reach.averageWait')}</th>
                <th>{t('reach.averageService')}</th>
              </tr>
            </thead>
            <tbody>
              {report.counter.map((row) => (
                <tr key={row.serviceId} className={row.overWait || row.overService ? 'overdue' : undefined}>
                  <td>{serviceName.get(row.serviceId) ?? row.serviceId}</td>
                  <td>{row.visits}</td>
                  <td>
                    {row.averageWait ?? '—'} ({row.maxWait ?? '—'}){row.overWait ? ` · ${t('reach.overNorm', { count: row.overWait })}` : ''}
                  </td>
                  <td>
                    {row.averageService ?? '—'} ({row.maxService ?? '—'}){row.overService ? ` · ${t('reach.overNorm', { count: row.overService })}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </main>
  );
}
