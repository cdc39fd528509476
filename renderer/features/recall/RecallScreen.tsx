import { Button, Checkbox, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { recallMarkSchema, type Recall, type RecallMark } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
import { arm } from '../../app/api';
import { dataAttributes } from '../../ui/dataAttributes';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

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
          <Field label={t('recall.note')} value={note} maxLength={500} onChange={setNote} data-testid="recall-note" />
          {/* A refusal of the service is final: nothing to correct and resend. */}
          {recallMarkSchema.options.filter((option) => option !== 'resent' || recall.cause !== 'providerRefused').map((option) => (
            <Button
              key={option}
              data-mark={option}
              // «Resent» only after the operator re-signed and resent it; the core refuses it otherwise.
              disabled={option === 'resent' && !recall.resent}
              title={option === 'resent' && !recall.resent ? t('recall.notResent') : undefined}
              onClick={() => void mark(recall.id, option, note).then((done) => done && setNote(''))}
            >
              {t(`recall.mark.${option}`)}
            </Button>
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
  const columns: TableColumnsType<Recall> = [
    {
      key: 'request',
      title: t('recall.request'),
      render: (_, recall) => (
        <>
          {recall.number}
          <br />
          <small>{recall.service[language]}</small>
          <br />
          <small>{t(`requestState.${recall.requestState}`)}</small>
        </>
      ),
    },
    {
      key: 'applicant',
      title: t('recall.applicant'),
      render: (_, recall) => (
        <>
          {recall.applicantName}
          <br />
          {recall.applicantPhone ? <a href={`tel:${recall.applicantPhone.replace(/[^\d+]/g, '')}`}>{recall.applicantPhone}</a> : <small>{t('recall.noPhone')}</small>}
        </>
      ),
    },
    {
      key: 'reason',
      title: t('recall.reason'),
      render: (_, recall) => (
        <>
          <Reason recall={recall} />
          <br />
          <small>{formatDateTime(new Date(recall.createdAt))}</small>
        </>
      ),
    },
    { key: 'state', title: t('recall.state'), render: (_, recall) => <Marks recall={recall} /> },
  ];
  return (
    <main className="screen" aria-labelledby="recall-title">
      <h1 id="recall-title">{t('recall.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <p data-testid="recall-open" className={open ? 'error' : undefined}>
        {t('recall.open', { count: open })}
      </p>
      <Checkbox className="check" checked={includeClosed} onChange={(event) => void load(event.target.checked)}>
        {t('recall.includeClosed')}
      </Checkbox>
      {recalls && !recalls.length ? <p>{t('recall.nothing')}</p> : null}
      {recalls?.length ? (
        <Table<Recall>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={recalls}
          pagination={false}
          data-testid="recalls"
          onRow={(recall) => dataAttributes({ 'data-number': recall.number, 'data-cause': recall.cause, 'data-state': recall.state })}
        />
      ) : null}
    </main>
  );
}
