import { Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreChain, CentreClockView } from '../../../shared/api';
import { arm } from '../../app/api';
import { formatDay } from '../../ui/dates';
import { dataAttributes } from '../../ui/dataAttributes';

// The centre's own steps (ЦОН) with the regulation's minutes (001 п.9–10, 000 Прил.1 Табл.2,
// 002 п.10 пп.2): one clock per phase the АРМ records the end of, its steps listed under it.

const COLOUR: Record<CentreClockView['status'], string> = { done: 'green', late: 'red', running: 'blue', overdue: 'red', pending: 'default' };

/** `refresh`: anything whose change moves the clocks (the request's state). */
export function CentreChainPanel({ requestId, refresh }: { requestId: string; refresh?: string }) {
  const { t } = useTranslation();
  const [chain, setChain] = useState<CentreChain | null>(null);
  useEffect(() => {
    void arm.chain.centre({ requestId }).then(setChain, () => setChain(null));
  }, [requestId, refresh]);
  if (!chain?.clocks.length) return null;
  const dash = (value: string | null) => (value ? formatDay(value) : '—');
  const columns: TableColumnsType<CentreClockView> = [
    {
      key: 'step',
      title: t('chain.step'),
      render: (_, clock) => (
        <>
          <strong>{t(`chain.phase.${clock.phase}`)}</strong>
          <div className="muted">
            {clock.parts.map((part) => `${part.paragraph} · ${t(`catalog.actor.${part.actor}`)} · ${t('catalog.unit.minutes', { count: part.minutes })}`).join('; ')}
          </div>
        </>
      ),
    },
    { key: 'norm', title: t('chain.norm'), render: (_, clock) => t('catalog.unit.minutes', { count: clock.norm.value }) },
    { key: 'started', title: t('chain.started'), render: (_, clock) => (clock.startedAt ? formatDay(clock.startedAt) : clock.phase === 'handover' && !clock.doneAt ? t('chain.handoverStart') : '—') },
    { key: 'due', title: t('chain.due'), render: (_, clock) => dash(clock.due) },
    { key: 'done', title: t('chain.done'), render: (_, clock) => dash(clock.doneAt) },
    {
      key: 'status',
      title: t('chain.status'),
      render: (_, clock) => (
        <Tag color={COLOUR[clock.status]} className={clock.status === 'late' || clock.status === 'overdue' ? 'error' : undefined}>
          {t(`chain.state.${clock.status}`)}
        </Tag>
      ),
    },
  ];
  return (
    <section aria-labelledby={`centre-chain-${requestId}`} data-testid="centre-chain">
      <h3 id={`centre-chain-${requestId}`}>{t('chain.centreTitle')}</h3>
      {chain.dueBy ? (
        <p className="muted" data-testid="centre-chain-due">
          {chain.indicative ? t('chain.indicative', { due: formatDay(chain.dueBy) }) : t('chain.centreDue', { due: formatDay(chain.dueBy) })}
        </p>
      ) : null}
      <Table<CentreClockView>
        size="small"
        rowKey="phase"
        columns={columns}
        dataSource={chain.clocks}
        pagination={false}
        onRow={(clock) => dataAttributes({ 'data-testid': 'centre-step', 'data-status': clock.status, 'data-phase': clock.phase })}
      />
    </section>
  );
}
