import { Button, Table } from 'antd';
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
        <Button htmlType="submit" type="primary">
          {t('reports.show')}
        </Button>
        <Button disabled={!report} onClick={() => void download(from, to, 'csv', language)}>
          {t('reports.csv')}
        </Button>
        <Button disabled={!report} onClick={() => void download(from, to, 'pdf', language)}>
          {t('reports.pdf')}
        </Button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {report && report.rows.length === 0 ? <p role="status">{t('reports.empty')}</p> : null}
      {report && report.rows.length > 0 ? (
        <Table
          size="small"
          rowKey="serviceId"
          pagination={false}
          data-testid="report"
          dataSource={report.rows}
          columns={[
            { key: 'service', title: t('reports.service'), render: (_, row) => serviceName.get(row.serviceId) ?? row.serviceId },
            ...COLUMNS.map((column) => ({ key: column, title: t(`reports.columns.${column}`), render: (_: unknown, row: (typeof report.rows)[number]) => row[column] ?? '—' })),
          ]}
        />
      ) : null}
      {report && report.questionnaire.length > 0 ? (
        <>
          <h2>{t('questionnaire.shares')}</h2>
          <Table
            size="small"
            rowKey="serviceId"
            pagination={false}
            data-testid="questionnaire-shares"
            dataSource={report.questionnaire}
            columns={[
              { key: 'service', title: t('reports.service'), render: (_, row) => serviceName.get(row.serviceId) ?? row.serviceId },
              { key: 'answers', title: t('questionnaire.answers'), dataIndex: 'answers' },
              ...(['q1', 'q2'] as const).flatMap((question, asked) =>
                [1, 2, 3].map((answer) => ({
                  key: `${question}${answer}`,
                  title: <span title={t(`questionnaire.${question}`)}>{`${asked + 1}. ${answer}) ${t(`questionnaire.a${answer}`)}`}</span>,
                  render: (_: unknown, row: (typeof report.questionnaire)[number]) => percent.format((question === 'q1' ? row.quality : row.information)[answer - 1]! / row.answers),
                })),
              ),
            ]}
          />
        </>
      ) : null}
      {report && report.counter.length > 0 ? (
        <>
          <h2>{t('reach.counterTitle')}</h2>
          <Table
            size="small"
            rowKey="serviceId"
            pagination={false}
            data-testid="counter-metrics"
            dataSource={report.counter}
            rowClassName={(row) => (row.overWait || row.overService ? 'overdue' : '')}
            columns={[
              { key: 'service', title: t('reports.service'), render: (_, row) => serviceName.get(row.serviceId) ?? row.serviceId },
              { key: 'visits', title: t('reach.visits'), dataIndex: 'visits' },
              {
                key: 'wait',
                title: t('reach.averageWait'),
                render: (_, row) => `${row.averageWait ?? '—'} (${row.maxWait ?? '—'})${row.overWait ? ` · ${t('reach.overNorm', { count: row.overWait })}` : ''}`,
              },
              {
                key: 'service-time',
                title: t('reach.averageService'),
                render: (_, row) => `${row.averageService ?? '—'} (${row.maxService ?? '—'})${row.overService ? ` · ${t('reach.overNorm', { count: row.overService })}` : ''}`,
              },
            ]}
          />
        </>
      ) : null}
    </main>
  );
}
