import { useTranslation } from 'react-i18next';
import type { ReferenceStatus } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
/** Each reference dataset from the gateway: its version and age, why its last update failed, the due dates a calendar moved. */
export function ReferenceTable({ reference }: { reference: ReferenceStatus[] }) {
  const { t } = useTranslation();
  const age = (hours: number) => (hours >= 48 ? t('sync.reference.days', { days: Math.floor(hours / 24) }) : t('sync.reference.hours', { hours }));
  const moved = reference.find((entry) => entry.dataset === 'calendar')?.dueChanges ?? [];
  return (
    <section aria-labelledby="sync-reference" data-testid="sync-reference" className="stack">
      <h2 id="sync-reference">{t('sync.reference.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('sync.reference.dataset')}</th>
            <th>{t('sync.reference.version')}</th>
            <th>{t('sync.reference.issued')}</th>
            <th>{t('sync.reference.age')}</th>
            <th>{t('sync.reference.checked')}</th>
            <th>{t('sync.reference.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {reference.map((entry) => (
            <tr key={entry.dataset} data-dataset={entry.dataset}>
              <td>{t(`sync.reference.datasets.${entry.dataset}`)}</td>
              <td>{entry.version ?? t('sync.reference.bundled')}</td>
              <td>{entry.issuedAt ? formatDateTime(new Date(entry.issuedAt)) : ''}</td>
              <td>{entry.ageHours === null ? '' : age(entry.ageHours)}</td>
              <td>{entry.checkedAt ? formatDateTime(new Date(entry.checkedAt)) : ''}</td>
              <td className={entry.error ? 'error' : undefined}>
                {entry.error ? `${t(`errors.${entry.error.code}`)}${typeof entry.error.params.problem === 'string' ? ` (${entry.error.params.problem})` : ''}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
