import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceStatus } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
import { dataAttributes } from '../../ui/dataAttributes';

/** Each reference dataset from the gateway: its version and age, why its last update failed, the due dates a calendar moved. */
export function ReferenceTable({ reference }: { reference: ReferenceStatus[] }) {
  const { t } = useTranslation();
  const age = (hours: number) => (hours >= 48 ? t('sync.reference.days', { days: Math.floor(hours / 24) }) : t('sync.reference.hours', { hours }));
  const moved = reference.find((entry) => entry.dataset === 'calendar')?.dueChanges ?? [];
  return (
    <section aria-labelledby="sync-reference" data-testid="sync-reference" className="stack">
      <h2 id="sync-reference">{t('sync.reference.title')}</h2>
      <Table<ReferenceStatus>
        size="small"
        rowKey="dataset"
        pagination={false}
        dataSource={reference}
        onRow={(entry) => dataAttributes({ 'data-dataset': entry.dataset })}
        columns={[
          { key: 'dataset', title: t('sync.reference.dataset'), render: (_, entry) => t(`sync.reference.datasets.${entry.dataset}`) },
          { key: 'version', title: t('sync.reference.version'), render: (_, entry) => entry.version ?? t('sync.reference.bundled') },
          { key: 'issued', title: t('sync.reference.issued'), render: (_, entry) => (entry.issuedAt ? formatDateTime(new Date(entry.issuedAt)) : '') },
          { key: 'age', title: t('sync.reference.age'), render: (_, entry) => (entry.ageHours === null ? '' : age(entry.ageHours)) },
          { key: 'checked', title: t('sync.reference.checked'), render: (_, entry) => (entry.checkedAt ? formatDateTime(new Date(entry.checkedAt)) : '') },
          {
            key: 'problem',
            title: t('sync.reference.problem'),
            onCell: (entry) => ({ className: entry.error ? 'error' : undefined }),
            render: (_, entry) => (entry.error ? `${t(`errors.${entry.error.code}`)}${typeof entry.error.params.problem === 'string' ? ` (${entry.error.params.problem})` : ''}` : ''),
          },
        ]}
      />
      {moved.length ? (
        <>
          <p>{t('sync.reference.dueChanges')}</p>
          <ul data-testid="sync-due-changes">
            {moved.map((change) => (
              <li key={change.number}>{t('sync.reference.dueChange', { request: change.number, from: change.from, to: change.to })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
