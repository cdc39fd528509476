import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerification } from '../../../shared/api';
import { ErrorText } from '../../ui/ErrorText';
import { DateField } from '../../ui/DateField';
import { auditActionLabel } from './actionLabel';
import { Field } from '../../ui/Field';
import { AUDIT_PAGE, useAudit, type AuditFilter } from './store';
import { formatDateTime, localDay } from '../../../shared/time';
import { dataAttributes } from '../../ui/dataAttributes';


function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function toCsv(entries: AuditEntry[]): string {
  const header = ['seq', 'at', 'user', 'workstation', 'action', 'objectType', 'objectId', 'details'];
  const rows = entries.map((entry) => [entry.seq, entry.at, entry.userLogin ?? entry.userId, entry.workstation, entry.action, entry.objectType, entry.objectId, entry.details].map(csvCell).join(','));
  return '\uFEFF' + [header.join(','), ...rows].join('\r\n');
}

/** The supervisor reads the audit log: filters, the chain check, and a CSV for inspections. */
export function AuditScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ login: '', action: '', iin: '', from: '', to: '' });
  const { entries, verification, error, query, verify } = useAudit();
  const set = (name: keyof AuditFilter) => (value: string) => setFilter((current) => ({ ...current, [name]: value }));

  // The newest page loads on opening; filters apply on submit.
  useEffect(() => {
    void query({ login: '', action: '', iin: '', from: '', to: '' });
  }, [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void query(filter);
  };

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([toCsv(entries)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `audit-${localDay(new Date())}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'seq', title: '№', dataIndex: 'seq' },
    { key: 'at', title: t('audit.time'), render: (_, entry) => formatDateTime(new Date(entry.at)) },
    { key: 'user', title: t('audit.user'), render: (_, entry) => entry.userLogin ?? '—' },
    { key: 'action', title: t('audit.action'), onCell: (entry) => dataAttributes({ 'data-action': entry.action }), render: (_, entry) => auditActionLabel(entry.action, t) },
    { key: 'object', title: t('audit.object'), render: (_, entry) => entry.objectId ?? '' },
  ];

  return (
    <main className="screen wide">
      <h1>{t('audit.title')}</h1>
      <form onSubmit={submit} className="form filter-form" aria-label={t('audit.title')}>
        <Field label={t('audit.user')} value={filter.login} onChange={set('login')} />
        <Field label={t('audit.action')} value={filter.action} onChange={set('action')} />
        <Field label={t('audit.iin')} value={filter.iin} onChange={set('iin')} inputMode="numeric" maxLength={12} />
        <DateField label={t('audit.from')} value={filter.from} onChange={set('from')} />
        <DateField label={t('audit.to')} value={filter.to} onChange={set('to')} />
        <Button htmlType="submit" type="primary">
          {t('audit.search')}
        </Button>
        <Button onClick={exportCsv} disabled={entries.length === 0}>
          {t('audit.export')}
        </Button>
        <Button onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {verification ? (
        <Alert
          type={verification.ok ? 'success' : 'error'}
          showIcon
          role="status"
          data-testid="audit-verification"
          title={verification.ok ? t('audit.intact', { count: verification.entries }) : t('audit.broken', { seq: verification.firstBad ?? 0 })}
        />
      ) : null}
      {verification ? <AnchorLine anchor={verification.anchor} /> : null}
      <Table<AuditEntry> size="small" rowKey="seq" columns={columns} dataSource={entries} pagination={false} className="audit-table" />
      {entries.length > 0 && entries.length % AUDIT_PAGE === 0 ? (
        <Button onClick={() => void query(filter, entries.at(-1)!.seq)}>
          {t('audit.more')}
        </Button>
      ) : null}
    </main>
  );
}

/** Where the chain stands against the head the gateway anchored (issue 14 item 7). */
function AnchorLine({ anchor }: { anchor: AuditVerification['anchor'] }) {
  const { t } = useTranslation();
  const seq = anchor?.seq ?? 0;
  const [text, problem] = !anchor || anchor.seq === null
    ? [anchor?.reanchorPending ? t('audit.reanchorPending') : t('audit.notAnchored'), false]
    : anchor.problem === 'shorter'
      ? [t('audit.anchorShorter', { seq }), true]
      : anchor.problem === 'diverged'
        ? [t('audit.anchorDiverged', { seq }), true]
        : anchor.reanchorPending
          ? [t('audit.reanchorPending'), false]
          : [t('audit.anchored', { seq, at: anchor.checkedAt ? formatDateTime(new Date(anchor.checkedAt)) : '—' }), false];
  return (
    <Alert type={problem ? 'error' : 'info'} showIcon role="status" data-testid="audit-anchor" data-problem={anchor?.problem ?? 'none'} title={text} />
  );
}
