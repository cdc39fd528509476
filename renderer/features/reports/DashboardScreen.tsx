import { Button, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorText } from '../../ui/ErrorText';
import { useDashboard } from './store';
import { formatDateTime } from '../../../shared/time';

/** Live: the supervisor keeps this open; a few cheap aggregate queries every ten seconds. */
export const DASHBOARD_POLL_MS = 10_000;

/** Панель руководителя: what is in the queue, what has not reached the gateway, what is due or late. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { board, error, load, checked, check } = useDashboard();

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), DASHBOARD_POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!board) return <main className="screen wide">{error ? <ErrorText error={error} /> : t('app.loading')}</main>;
  const oldestMinutes = board.oldestUnsyncedAt ? Math.max(0, Math.floor((Date.parse(board.at) - Date.parse(board.oldestUnsyncedAt)) / 60_000)) : null;
  const states = board.byState.map((row) => ({ name: t(`requestState.${row.state}`), count: row.count }));
  return (
    <main className="screen wide">
      <h1>{t('dashboard.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <p className="muted">{t('dashboard.updated', { time: formatDateTime(new Date(board.at)) })}</p>
      <p>
        <Button onClick={() => void check()}>{t('dashboard.check')}</Button>{' '}
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
          <Table
            size="small"
            rowKey="provider"
            pagination={false}
            data-testid="dashboard-providers"
            dataSource={board.byProvider}
            columns={[
              { key: 'provider', title: t('dashboard.provider'), dataIndex: 'provider' },
              { key: 'dueToday', title: t('dashboard.dueToday'), dataIndex: 'dueToday' },
              { key: 'overdue', title: t('dashboard.overdue'), dataIndex: 'overdue' },
            ]}
          />
        </>
      )}
      <h2>{t('dashboard.operatorsToday')}</h2>
      {board.operatorsToday.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <Table
          size="small"
          rowKey="operatorId"
          pagination={false}
          data-testid="dashboard-operators"
          dataSource={board.operatorsToday}
          columns={[
            { key: 'operator', title: t('dashboard.operator'), render: (_, row) => row.fullName ?? row.operatorId },
            { key: 'count', title: t('dashboard.count'), dataIndex: 'count' },
          ]}
        />
      )}
    </main>
  );
}
