import { Button, Checkbox, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestStateSchema, type JournalRow } from '../../../shared/api';
import type { Language } from '../../../shared/i18n';
import { Reprint } from '../print/Reprint';
import { CentreChainPanel } from '../chain/CentreChainPanel';
import { ErrorText } from '../../ui/ErrorText';
import { DateField } from '../../ui/DateField';
import { formatDay } from '../../ui/dates';
import { useAuth } from '../auth/store';
import { Field } from '../../ui/Field';
import { QuestionnaireForm } from './QuestionnaireForm';
import { emptyForm, toFilter, useJournal, type JournalForm } from './store';
import { formatDateTime } from '../../../shared/time';

function Choice({ label, value, onChange, options }: { label: string; value: string; onChange(value: string): void; options: Array<{ value: string; label: string }> }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={onChange} options={[{ value: '', label: t('journal.any') }, ...options]} popupMatchSelectWidth={false} showSearch={{ optionFilterProp: 'label' }} />
    </div>
  );
}

/** Журнал заявлений: find a request in seconds when a person comes back, and export what was found. */
/** The gateway's re-check of persons typed by hand offline: a mismatch in red, with the fields. */
function Recheck({ verdicts }: { verdicts: JournalRow['recheck'] }) {
  const { t } = useTranslation();
  if (!verdicts) return null;
  const differing = verdicts.filter((verdict) => verdict.result !== 'match');
  if (differing.length === 0) return <span className="recheck-match"> · {t('journal.recheck.match')}</span>;
  return (
    <>
      {differing.map((verdict) => (
        <strong key={verdict.iin} className="error recheck-mismatch" data-testid="recheck-mismatch">
          {' · '}
          {verdict.result === 'not-found'
            ? t('journal.recheck.notFound', { iin: verdict.iin })
            : t('journal.recheck.mismatch', { iin: verdict.iin, fields: verdict.mismatches.map((field) => t(`journal.recheck.fields.${field}`)).join(', ') })}
        </strong>
      ))}
    </>
  );
}

export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [form, setForm] = useState<JournalForm>(emptyForm);
  const [asking, setAsking] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const role = useAuth((state) => state.status?.user?.role);
  const counter = role === 'operator' || role === 'mobileOperator';
  const { rows, next, services, operators, searched, busy, error, loadChoices, search, more, exportFile } = useJournal();
  const set = <K extends keyof JournalForm>(name: K) => (value: JournalForm[K]) => setForm((current) => ({ ...current, [name]: value }));

  // The newest requests show on opening; the filter applies on submit.
  useEffect(() => {
    void loadChoices();
    void search({});
  }, [loadChoices, search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(toFilter(form));
  };
  const reset = () => {
    setForm(emptyForm);
    void search({});
  };

  const serviceName = new Map(services.map((service) => [service.id, service.name[language]]));
  const columns: TableColumnsType<JournalRow> = [
    { key: 'number', title: t('journal.columns.number'), dataIndex: 'number' },
    { key: 'acceptedAt', title: t('journal.columns.acceptedAt'), render: (_, row) => formatDateTime(new Date(row.createdAt)) },
    { key: 'service', title: t('journal.columns.service'), render: (_, row) => serviceName.get(row.serviceId) ?? row.serviceId },
    {
      key: 'state',
      title: t('journal.columns.state'),
      render: (_, row) => (
        <>
          {t(`requestState.${row.state}`)}
          <Recheck verdicts={row.recheck} />
          {row.stampedAt ? <span className="stamped-at" data-testid="stamped-at"> · {t('journal.stampedAt', { at: formatDateTime(new Date(row.stampedAt)) })}</span> : null}
        </>
      ),
    },
    { key: 'applicantIin', title: t('journal.columns.applicantIin'), dataIndex: 'applicantIin' },
    { key: 'applicantName', title: t('journal.columns.applicantName'), render: (_, row) => row.applicantName ?? '' },
    { key: 'operator', title: t('journal.columns.operator'), render: (_, row) => row.operatorName ?? '' },
    {
      key: 'dueBy',
      title: t('journal.columns.dueBy'),
      render: (_, row) => (
        <>
          {row.dueBy ? formatDay(row.dueBy) : ''}
          {row.overdue ? <strong className="error"> · {t('journal.overdueMark')}</strong> : null}
        </>
      ),
    },
    {
      // The centre's step that runs now (001 п.9–10 …); the whole list opens with the row.
      key: 'centreStep',
      title: t('journal.columns.centreStep'),
      render: (_, row) =>
        row.centreStep ? (
          <span className={row.centreStep.status === 'overdue' ? 'error' : undefined} data-testid="centre-step-flag" data-status={row.centreStep.status}>
            {t(row.centreStep.status === 'overdue' ? 'journal.centreOverdue' : 'journal.centreStep', { phase: t(`chain.phase.${row.centreStep.phase}`), due: row.centreStep.due ? formatDay(row.centreStep.due) : '' })}
          </span>
        ) : null,
    },
    {
      key: 'actions',
      title: t('journal.columns.actions'),
      // The buttons in a flex box inside the cell: a cell made flex itself leaves the table's rows.
      render: (_, row) => (
        <span className="row-actions">
          {row.state !== 'draft' ? <Reprint requestId={row.id} document="receipt" number={row.number} /> : null}
          {row.state === 'resultAtCentre' || row.state === 'issued' ? <Reprint requestId={row.id} document="result" number={row.number} /> : null}
          {counter && row.questionnaireDue ? (
            <Button
              onClick={() => {
                setSaved(false);
                setAsking(row.id);
              }}
            >
              {t('questionnaire.open')}
            </Button>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <main className="screen wide">
      <h1>{t('journal.title')}</h1>
      <form onSubmit={submit} className="form filter-form" aria-label={t('journal.title')}>
        <Field label={t('journal.iin')} value={form.iin} onChange={(value) => set('iin')(value.trim())} inputMode="numeric" maxLength={12} autoComplete="off" />
        <Field label={t('journal.name')} value={form.name} onChange={set('name')} maxLength={200} autoComplete="off" />
        <Field label={t('journal.number')} value={form.number} onChange={set('number')} maxLength={40} autoComplete="off" />
        <Choice label={t('journal.service')} value={form.serviceId} onChange={set('serviceId')} options={services.map((service) => ({ value: service.id, label: service.name[language] }))} />
        <Choice
          label={t('journal.state')}
          value={form.state}
          onChange={(value) => set('state')(value as JournalForm['state'])}
          options={requestStateSchema.options.map((state) => ({ value: state, label: t(`requestState.${state}`) }))}
        />
        <Choice label={t('journal.operator')} value={form.operatorId} onChange={set('operatorId')} options={operators.map((operator) => ({ value: operator.id, label: operator.fullName }))} />
        <DateField label={t('journal.from')} value={form.from} onChange={set('from')} />
        <DateField label={t('journal.to')} value={form.to} onChange={set('to')} />
        <Checkbox className="check" checked={form.overdue} onChange={(event) => set('overdue')(event.target.checked)}>
          {t('journal.overdue')}
        </Checkbox>
        <Button htmlType="submit" type="primary" disabled={busy}>
          {t('journal.search')}
        </Button>
        <Button onClick={reset}>{t('journal.reset')}</Button>
        <Button onClick={() => void exportFile('csv', language)} disabled={rows.length === 0}>
          {t('journal.exportCsv')}
        </Button>
        <Button onClick={() => void exportFile('xlsx', language)} disabled={rows.length === 0}>
          {t('journal.exportXlsx')}
        </Button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t('questionnaire.saved')}
        </p>
      ) : null}
      {asking ? (
        <QuestionnaireForm
          requestId={asking}
          onDone={() => {
            setAsking(null);
            setSaved(true);
            void search(useJournal.getState().applied);
          }}
        />
      ) : null}
      {searched && rows.length === 0 && !error ? <p role="status">{t('journal.empty')}</p> : null}
      {rows.length > 0 ? (
        <p role="status" data-testid="journal-count">
          {t('journal.shown', { count: rows.length })}
        </p>
      ) : null}
      {/* Shown once something is found: the empty result is said above (role=status). */}
      {rows.length > 0 ? (
        <div data-testid="journal">
          <Table<JournalRow>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            rowClassName={(row) => (row.overdue ? 'overdue' : '')}
            expandable={{ expandedRowRender: (row) => <CentreChainPanel requestId={row.id} refresh={row.state} /> }}
          />
        </div>
      ) : null}
      {next ? (
        <Button onClick={() => void more()} disabled={busy}>
          {t('journal.more')}
        </Button>
      ) : null}
    </main>
  );
}
