import { Button, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainView, RequestView } from '../../../shared/api';
import { arm } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { FilePick } from '../../ui/FilePick';
import { formatDay } from '../../ui/dates';
import { dataAttributes } from '../../ui/dataAttributes';

// The provider's chain as the regulation gives it (seed 001 п.5): each step with its norm and its
// own clock, and the outside decision stage (akimat's resolution, commission) with its act. The
// akimat's resolution is the result itself (001 Рег.3 п.3): recorded with its scan, it is shown as
// the result the office delivers (п.5 пп.5), not decided again.

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const dash = (value: string | null) => (value ? formatDay(value) : '—');
type Step = ChainView['steps'][number];

function StageForm({ chain, onChange }: { chain: ChainView; onChange: (chain: ChainView) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const resolution = chain.stage?.kind === 'akimatResolution';
  const run = (call: () => Promise<ChainView>) =>
    call().then(
      (next) => {
        setError(null);
        onChange(next);
      },
      (failed: unknown) => setError(failed),
    );
  if (!chain.stage || chain.stage.act) return null;
  return (
    <div className="actions" data-testid="stage-form">
      {error ? <ErrorText error={error} /> : null}
      {!chain.stage.sentAt ? (
        <Button onClick={() => void run(() => arm.chain.sendToStage({ requestId: chain.requestId }))} data-testid="stage-send">
          {t(`chain.send.${chain.stage.kind}`)}
        </Button>
      ) : (
        <form
          className="form grid-form"
          aria-label={t('chain.recordAct')}
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () =>
              arm.chain.recordAct({ requestId: chain.requestId, number, date, ...(scan ? { scan: { fileName: scan.name, bytes: base64(new Uint8Array(await scan.arrayBuffer())) } } : {}) }),
            );
          }}
        >
          <Field label={t('chain.actNumber')} value={number} onChange={setNumber} data-testid="act-number" />
          <DateField label={t('chain.actDate')} value={date} onChange={setDate} />
          {resolution ? (
            <FilePick label={t('chain.actScan')} accept="application/pdf,image/jpeg,image/png" onFile={setScan} data-testid="act-scan" />
          ) : null}
          <Button htmlType="submit" type="primary" disabled={!number.trim() || !date || (resolution && !scan)} data-testid="act-record">
            {t('chain.recordAct')}
          </Button>
        </form>
      )}
    </div>
  );
}

export function ChainPanel({ view, role }: { view: RequestView; role: 'clerk' | 'head' }) {
  const { t } = useTranslation();
  const [chain, setChain] = useState<ChainView | null>(null);
  useEffect(() => {
    void arm.chain.get({ requestId: view.id }).then(setChain, () => setChain(null));
  }, [view.id, view.state, view.assignee?.userId]);
  if (!chain || (!chain.steps.length && !chain.stage)) return null;
  const stage = chain.stage;
  const columns: TableColumnsType<Step> = [
    {
      key: 'step',
      title: t('chain.step'),
      render: (_, step, index) => (
        <>
          {index + 1}. {t(`catalog.actor.${step.actor}`)} <span className="muted">({step.paragraph})</span>
        </>
      ),
    },
    { key: 'norm', title: t('chain.norm'), render: (_, step) => t(`catalog.unit.${step.norm.unit}`, { count: step.norm.value }) },
    { key: 'started', title: t('chain.started'), render: (_, step) => dash(step.startedAt) },
    { key: 'due', title: t('chain.due'), render: (_, step) => dash(step.due) },
    { key: 'done', title: t('chain.done'), render: (_, step) => dash(step.doneAt) },
    {
      key: 'status',
      title: t('chain.status'),
      render: (_, step) => <span className={step.status === 'late' || step.status === 'overdue' ? 'error' : undefined}>{t(`chain.state.${step.status}`)}</span>,
    },
  ];
  return (
    <section aria-labelledby="chain-title" data-testid="chain">
      <h3 id="chain-title">{t('chain.title')}</h3>
      {chain.indicative ? <p className="muted" data-testid="chain-indicative">{t('chain.indicative', { due: dash(chain.dueBy) })}</p> : null}
      {chain.steps.length ? (
        <Table<Step>
          size="small"
          rowKey={(step) => chain.steps.indexOf(step)}
          columns={columns}
          dataSource={chain.steps}
          pagination={false}
          onRow={(step) => dataAttributes({ 'data-testid': 'chain-step', 'data-status': step.status })}
        />
      ) : null}
      {stage ? (
        <div data-testid="chain-stage">
          <h4>{t(`chain.stage.${stage.kind}`)}</h4>
          <p className="muted">
            {stage.norm ? t('chain.stageNorm', { norm: t(`catalog.unit.${stage.norm.unit}`, { count: stage.norm.value }) }) : t('chain.stageNoNorm')} · {stage.paragraph}: «{stage.quote}»
          </p>
          <p>
            {stage.sentAt ? t('chain.sent', { at: dash(stage.sentAt), due: dash(stage.due) }) : t('chain.notSent')}
            {stage.act ? ` · ${t('chain.act', { number: stage.act.number, date: dash(stage.act.date) })}` : ''}
          </p>
          {role === 'clerk' && view.state === 'inWork' ? <StageForm chain={chain} onChange={setChain} /> : null}
          {stage.kind === 'akimatResolution' && stage.act ? (
            <div data-testid="act-delivery">
              <h4>{t('chain.deliver.title')}</h4>
              <p>{t('chain.deliver.body', { number: stage.act.number, date: dash(stage.act.date) })}</p>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
