import { Button, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useAuth } from '../auth/store';
import { useQueue } from './store';
import type { QueueEntry as Entry } from '../../../shared/api';
import { dataAttributes } from '../../ui/dataAttributes';

// «Очередь»: where a child or a family stands in a queue register (003 Reg.3 п.15 form: «имеют
// возможность осуществлять контроль продвижения своей очередности»). Anyone who serves the
// applicant looks it up by IIN or request number; the department's clerk sees a service's
// registers and records a referral or a withdrawal, after which those behind move up.

const QUEUE_SERVICES = ['preschool-queue', 'housing-queue'] as const;

export function QueueScreen() {
  const { t } = useTranslation();
  const role = useAuth((state) => state.status?.user?.role);
  const { entries, busy, error, lookup, list, leave } = useQueue();
  const [query, setQuery] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const departmental = role === 'clerk' || role === 'head' || role === 'supervisor';
  const columns: TableColumnsType<Entry> = [
    { key: 'register', title: t('queue.register'), dataIndex: 'register' },
    { key: 'number', title: t('queue.number'), dataIndex: 'number' },
    { key: 'position', title: t('queue.position'), render: (_, entry) => entry.position ?? '—' },
    { key: 'person', title: t('queue.person'), dataIndex: 'person' },
    { key: 'request', title: t('queue.request'), dataIndex: 'requestNumber' },
    { key: 'state', title: t('queue.state'), render: (_, entry) => `${t(`queue.states.${entry.state}`)}${entry.note ? ` — ${entry.note}` : ''}` },
  ];
  // The department's clerk records a referral or a withdrawal, with an optional note.
  if (role === 'clerk') {
    columns.push({
      key: 'actions',
      title: t('journal.columns.actions'),
      render: (_, entry) =>
        entry.state === 'waiting' ? (
          <div className="actions">
            <Input aria-label={t('queue.note')} placeholder={t('queue.note')} value={notes[entry.id] ?? ''} onChange={(event) => setNotes({ ...notes, [entry.id]: event.target.value })} />
            <Button disabled={busy} onClick={() => void leave(entry.id, 'referred', notes[entry.id] ?? '')}>
              {t('queue.refer')}
            </Button>
            <Button disabled={busy} onClick={() => void leave(entry.id, 'withdrawn', notes[entry.id] ?? '')}>
              {t('queue.withdraw')}
            </Button>
          </div>
        ) : null,
    });
  }
  return (
    <main className="screen">
      <h1>{t('queue.title')}</h1>
      <form
        aria-label={t('queue.lookup')}
        onSubmit={(event) => {
          event.preventDefault();
          void lookup(query.trim());
        }}
      >
        <Field label={t('queue.query')} value={query} onChange={setQuery} required data-testid="queue-query" />
        <Button htmlType="submit" type="primary" disabled={busy} data-testid="queue-lookup">
          {t('queue.lookup')}
        </Button>
      </form>
      {departmental ? (
        <div className="actions">
          {QUEUE_SERVICES.map((serviceId) => (
            <Button key={serviceId} onClick={() => void list(serviceId)} data-testid={`queue-list-${serviceId}`}>
              {t(`queue.service.${serviceId}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
      {entries ? (
        entries.length === 0 ? (
          <p role="status">{t('queue.none')}</p>
        ) : (
          <Table<Entry> size="small" rowKey="id" columns={columns} dataSource={entries} pagination={false} data-testid="queue-entries" onRow={(entry) => dataAttributes({ 'data-state': entry.state })} />
        )
      ) : null}
    </main>
  );
}
