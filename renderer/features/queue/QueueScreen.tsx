import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useAuth } from '../auth/store';
import { useQueue } from './store';

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
  return (
    <main className="screen">
      <h2>{t('queue.title')}</h2>
      <form
        aria-label={t('queue.lookup')}
        onSubmit={(event) => {
          event.preventDefault();
          void lookup(query.trim());
        }}
      >
        <Field label={t('queue.query')} value={query} onChange={setQuery} required data-testid="queue-query" />
        <button type="submit" disabled={busy} data-testid="queue-lookup">
          {t('queue.lookup')}
        </button>
      </form>
      {departmental ? (
        <div className="actions">
          {QUEUE_SERVICES.map((serviceId) => (
            <button key={serviceId} type="button" onClick={() => void list(serviceId)} data-testid={`queue-list-${serviceId}`}>
              {t(`queue.service.${serviceId}`)}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
      {entries ? (
        entries.length === 0 ? (
          <p role="status">{t('queue.none')}</p>
        ) : (
          <table data-testid="queue-entries">
            <thead>
              <tr>
                <th>{t('queue.register')}</th>
                <th>{t('queue.number')}</th>
                <th>{t('queue.position')}</th>
                <th>{t('queue.person')}</th>
                <th>{t('queue.request')}</th>
                <th>{t('queue.state')}</th>
                {role === 'clerk' ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-state={entry.state}>
                  <td>{entry.register}</td>
                  <td>{entry.number}</td>
                  <td>{entry.position ?? '—'}</td>
                  <td>{entry.person}</td>
                  <td>{entry.requestNumber}</td>
                  <td>
                    {t(`queue.states.${entry.state}`)}
                    {entry.note ? ` — ${entry.note}` : ''}
                  </td>
                  {role === 'clerk' ? (
                    <td>
                      {entry.state === 'waiting' ? (
                        <>
                          <input aria-label={t('queue.note')} value={notes[entry.id] ?? ''} onChange={(event) => setNotes({ ...notes, [entry.id]: event.target.value })} />
                          <button type="button" disabled={busy} onClick={() => void leave(entry.id, 'referred', notes[entry.id] ?? '')}>
                            {t('queue.refer')}
                          </button>
                          <button type="button" disabled={busy} onClick={() => void leave(entry.id, 'withdrawn', notes[entry.id] ?? '')}>
                            {t('queue.withdraw')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </main>
  );
}
