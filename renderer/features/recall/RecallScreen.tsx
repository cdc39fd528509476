import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { recallMarkSchema, type Recall, type RecallMark } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

interface RecallState {
  recalls: Recall[] | null;
  open: number;
  includeClosed: boolean;
  error: unknown;
  load(includeClosed?: boolean): Promise<void>;
  mark(recallId: string, mark: RecallMark, note: string): Promise<boolean>;
}

export const useRecall = create<RecallState>((set, get) => ({
  recalls: null,
  open: 0,
  includeClosed: false,
  error: null,
  load: async (includeClosed = get().includeClosed) => {
    try {
      const { recalls, open } = await arm.recall.list({ includeClosed });
      set({ recalls, open, includeClosed, error: null });
    } catch (error) {
      set({ error });
    }
  },
  mark: async (recallId, mark, note) => {
    try {
      await arm.recall.mark({ recallId, mark, ...(note.trim() ? { note } : {}) });
      await get().load();
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  },
}));

/** The reason in words: the cause, a stable code or the refusal's grounds (translated), and the sender's own text. */
function Reason({ recall }: { recall: Recall }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t(`recall.cause.${recall.cause}`)}</strong>
      {recall.code ? <div data-code={recall.code}>{t(`errors.${recall.code}`)}</div> : null}
      {recall.grounds.map((ground) => (
        <div key={ground}>{t(`catalog.refusal.${ground}`)}</div>
      ))}
      {recall.reason ? <div>«{recall.reason}»</div> : null}
    </>
  );
}

function Marks({ recall }: { recall: Recall }) {
  const { t } = useTranslation();
  const mark = useRecall((state) => state.mark);
  const [note, setNote] = useState('');
  const closed = recall.state === 'informed' || recall.state === 'resent';
  return (
    <>
      <span className={recall.state === 'open' || recall.state === 'unreachable' ? 'error' : undefined} data-testid="recall-state">
        {t(`recall.status.${recall.state}`)}
      </span>
      <ul>
        {recall.marks.map((entry) => (
          <li key={entry.at + entry.mark}>
            {t('recall.marked', { mark: t(`recall.mark.${entry.mark}`), by: entry.by, at: formatDateTime(new Date(entry.at)) })}
            {entry.note ? ` — ${entry.note}` : null}
          </li>
        ))}
      </ul>
      {closed ? null : (
        <div className="actions">
          <label className="field">
            {t('recall.note')}
            <input value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} data-testid="recall-note" />
          </label>
          {/* A refusal of the service is final: nothing to correct and resend. */}
          {recallMarkSchema.options.filter((option) => option !== 'resent' || recall.cause !== 'providerRefused').map((option) => (
            <button
              key={option}
              type="button"
              data-mark={option}
              // «Resent» only after the operator re-signed and resent it; the core refuses it otherwise.
              disabled={option === 'resent' && !recall.resent}
              title={option === 'resent' && !recall.resent ? t('recall.notResent') : undefined}
              onClick={() => void mark(recall.id, option, note).then((done) => done && setNote(''))}
            >
              {t(`recall.mark.${option}`)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/**
 * Обзвон заявителей: every request the gateway refused, the provider returned or refused, with the
 * reason and the applicant's phone, for the centre's supervisor to call back and mark.
 */
export function RecallScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'kk' ? 'kk' : 'ru';
  const { recalls, open, includeClosed, error, load } = useRecall();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <main className="screen" aria-labelledby="recall-title">
      <h1 id="recall-title">{t('recall.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <p data-testid="recall-open" className={open ? 'error' : undefined}>
        {t('recall.open', { count: open })}
      </p>
      <label className="choice">
        <input type="checkbox" checked={includeClosed} onChange={(event) => void load(event.target.checked)} /> {t('recall.includeClosed')}
      </label>
      {recalls && !recalls.length ? <p>{t('recall.nothing')}</p> : null}
      {recalls?.length ? (
        <table className="table" data-testid="recalls">
          <thead>
            <tr>
              <th>{t('recall.request')}</th>
              <th>{t('recall.applicant')}</th>
              <th>{t('recall.reason')}</th>
              <th>{t('recall.state')}</th>
            </tr>
          </thead>
          <tbody>
            {recalls.map((recall) => (
              <tr key={recall.id} data-number={recall.number} data-cause={recall.cause} data-state={recall.state}>
                <td>
                  {recall.number}
                  <br />
                  <small>{recall.service[language]}</small>
                  <br />
                  <small>{t(`requestState.${recall.requestState}`)}</small>
                </td>
                <td>
                  {recall.applicantName}
                  <br />
                  {recall.applicantPhone ? <a href={`tel:${recall.applicantPhone.replace(/[^\d+]/g, '')}`}>{recall.applicantPhone}</a> : <small>{t('recall.noPhone')}</small>}
                </td>
                <td>
                  <Reason recall={recall} />
                  <br />
                  <small>{formatDateTime(new Date(recall.createdAt))}</small>
                </td>
                <td>
                  <Marks recall={recall} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
