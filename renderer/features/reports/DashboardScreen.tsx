import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorText } from '../../ui/ErrorText';
import { useDashboard } from './store';

/** Live: the supervisor keeps this open; a few cheap aggregate queries every ten seconds. */
export const DASHBOARD_POLL_MS = 10_000;

/** Панель руководителя: what is in the queue, what has not reached the gateway, what is due or late. */
export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const { board, error, load, checked, check } = useDashboard();

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), DASHBOARD_POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!board) return <main className="screen wide">{error ? <ErrorText error={error} /> : t('app.loading')}</main>;
  const time = new Intl.DateTimeFormat(i18n.language === 'kk' ? 'kk-KZ' : 'ru-RU', { timeStyle: 'medium', timeZone: 'Asia/Almaty' });
  const oldestMinutes = board.oldestUnsyncedAt ? Math.max(0, Math.floor((Date.parse(board.at) - Date.parse(board.oldestUnsyncedAt)) / 60_000)) : null;
  const states = board.byState.map((row) => ({ name: t(`requestState.${row.state}`), count: row.count }));
  return (
    <main className="screen wide">
      <h1>{t('dashboard.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <p className="muted">{t('dashboard.updated', { time: time.format(new Date(board.at)) })}</p>
      <p>
        <button type="button" onClick={() => void check()}>
          {t('dashboard.check')}
        </button>{' '}
        {checked ? (
          <span role="status" data-testid="dashboard-checked">
            {t(checked.consistent ? 'dashboard.checkedOk' : 'dashboard.checkedRepaired')}
          </span>
        ) : null}
      </p>
      <div className="tiles">
        <section className="tile" data-testid="dashboard-queue">
          <h2>{t('dashboard.queue')}</h2>
          <strong>{board.queue}</strong>
        </section>
        <section className="tile" data-testid="dashboard-unsynced">
          <h2>{t('dashboard.unsynced')}</h2>
          <strong>{board.unsynced}</strong>
          {oldestMinutes !== null ? <p>{t('dashboard.oldest', { minutes: oldestMinutes })}</p> : null}
        </section>
      </div>
      <h2>{t('dashboard.byState')}</h2>
      <BarChart width={720} height={260} data={states} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} fontSize={11} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="count" name={t('dashboard.count')} fill="#1f4e8c" isAnimationActive={false} />
      </BarChart>
      <h2>{t('dashboard.byProvider')}</h2>
      {board.byProvider.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <>
          <BarChart width={720} height={240} data={board.byProvider} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="provider" fontSize={11} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="dueToday" name={t('dashboard.dueToday')} fill="#c98a1b" isAnimationActive={false} />
            <Bar dataKey="overdue" name={t('dashboard.overdue')} fill="#a12a1e" isAnimationActive={false} />
          </BarChart>
          <table className="table" data-testid="dashboard-providers">
            <thead>
              <tr>
                <th>{t('dashboard.provider')}</th>
                <th>{t('dashboard.dueToday')}</th>
                <th>{t('dashboard.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {board.byProvider.map((row) => (
                <tr key={row.provider}>
                  <td>{row.provider}</td>
                  <td>{row.dueToday}</td>
                  <td>{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('dashboard.operatorsToday')}</h2>
      {board.operatorsToday.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <table className="table" data-testid="dashboard-operators">
          <thead>
            <tr>
              <th>{t('dashboard.operator')}</th>
              <th>{t('dashboard.count')}</th>
            </tr>
          </thead>
          <tbody>
            {board.operatorsToday.map((row) => (
              <tr key={row.operatorId}>
                <td>{row.fullName ?? row.operatorId}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
