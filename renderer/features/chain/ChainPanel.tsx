import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainView, RequestView } from '../../../shared/api';
import { arm } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorText } from '../../ui/ErrorText';
import { formatDay } from '../../ui/dates';

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
        <button type="button" onClick={() => void run(() => arm.chain.sendToStage({ requestId: chain.requestId }))} data-testid="stage-send">
          {t(`chain.send.${chain.stage.kind}`)}
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () =>
              arm.chain.recordAct({ requestId: chain.requestId, number, date, ...(scan ? { scan: { fileName: scan.name, bytes: base64(new Uint8Array(await scan.arrayBuffer())) } } : {}) }),
            );
          }}
        >
          <label className="field">
            {t('chain.actNumber')}
            <input value={number} onChange={(event) => setNumber(event.target.value)} data-testid="act-number" />
          </label>
          <DateField label={t('chain.actDate')} value={date} onChange={setDate} />
          {resolution ? (
            <label className="field">
              {t('chain.actScan')}
              <input type="file" accept="application/pdf,image/jpeg,image/png" onChange={(event) => setScan(event.target.files?.[0] ?? null)} data-testid="act-scan" />
            </label>
          ) : null}
          <button type="submit" disabled={!number.trim() || !date || (resolution && !scan)} data-testid="act-record">
            {t('chain.recordAct')}
          </button>
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
  return (
    <section aria-labelledby="chain-title" data-testid="chain">
      <h3 id="chain-title">{t('chain.title')}</h3>
      {chain.indicative ? <p className="muted" data-testid="chain-indicative">{t('chain.indicative', { due: dash(chain.dueBy) })}</p> : null}
      {chain.steps.length ? (
        <table>
          <thead>
            <tr>
              <th>{t('chain.step')}</th>
              <th>{t('chain.norm')}</th>
              <th>{t('chain.started')}</th>
              <th>{t('chain.due')}</th>
              <th>{t('chain.done')}</th>
              <th>{t('chain.status')}</th>
            </tr>
          </thead>
          <tbody>
            {chain.steps.map((step, index) => (
              <tr key={index} data-testid="chain-step" data-status={step.status}>
                <td>
                  {index + 1}. {t(`catalog.actor.${step.actor}`)} <span className="muted">({step.paragraph})</span>
                </td>
                <td>{t(`catalog.unit.${step.norm.unit}`, { count: step.norm.value })}</td>
                <td>{dash(step.startedAt)}</td>
                <td>{dash(step.due)}</td>
                <td>{dash(step.doneAt)}</td>
                <td className={step.status === 'late' || step.status === 'overdue' ? 'error' : undefined}>{t(`chain.state.${step.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
