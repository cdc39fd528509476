import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { Complaint } from '../../../shared/api';
import { localDay } from '../../../shared/time';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { formatDay } from '../../ui/dates';

interface ComplaintsState {
  complaints: Complaint[] | null;
  error: unknown;
  load(): Promise<void>;
  record(input: Parameters<typeof arm.complaints.record>[0]): Promise<boolean>;
  update(input: Parameters<typeof arm.complaints.update>[0]): Promise<void>;
}

export const useComplaints = create<ComplaintsState>((set, get) => ({
  complaints: null,
  error: null,
  load: async () => {
    try {
      set({ complaints: await arm.complaints.list({}), error: null });
    } catch (error) {
      set({ error });
    }
  },
  record: async (input) => {
    try {
      await arm.complaints.record(input);
      await get().load();
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  },
  update: async (input) => {
    try {
      await arm.complaints.update(input);
      await get().load();
    } catch (error) {
      set({ error });
    }
  },
}));

function RecordForm() {
  const { t } = useTranslation();
  const record = useComplaints((state) => state.record);
  const [receivedOn, setReceivedOn] = useState(localDay(new Date()));
  const [applicant, setApplicant] = useState('');
  const [requestNumber, setRequestNumber] = useState('');
  const [subject, setSubject] = useState('');
  const [dueBy, setDueBy] = useState('');
  return (
    <form
      data-testid="complaint-form"
      onSubmit={(event) => {
        event.preventDefault();
        void record({ receivedOn, applicant, requestNumber: requestNumber.trim() || null, subject, dueBy: dueBy || null }).then((ok) => {
          if (ok) [setApplicant, setRequestNumber, setSubject, setDueBy].forEach((reset) => reset(''));
        });
      }}
    >
      <h2>{t('complaints.record')}</h2>
      <div className="actions">
        <label className="field">
          {t('complaints.receivedOn')}
          <input type="date" value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} required />
        </label>
        <label className="field">
          {t('complaints.applicant')}
          <input value={applicant} onChange={(event) => setApplicant(event.target.value)} required minLength={3} maxLength={200} />
        </label>
        <label className="field">
          {t('complaints.requestNumber')}
          <input value={requestNumber} onChange={(event) => setRequestNumber(event.target.value)} maxLength={100} />
        </label>
        <label className="field">
          {t('complaints.dueBy')}
          <input type="date" value={dueBy} onChange={(event) => setDueBy(event.target.value)} />
        </label>
      </div>
      <label className="field">
        {t('complaints.subject')}
        <textarea rows={2} value={subject} onChange={(event) => setSubject(event.target.value)} required minLength={5} maxLength={2000} />
      </label>
      <p>{t('complaints.termNote')}</p>
      <button type="submit">{t('complaints.save')}</button>
    </form>
  );
}

function Actions({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const update = useComplaints((state) => state.update);
  const [answer, setAnswer] = useState('');
  if (complaint.status === 'answered' || complaint.status === 'rejected') return <>{complaint.answer}</>;
  return (
    <div>
      <textarea rows={2} value={answer} placeholder={t('complaints.answer')} onChange={(event) => setAnswer(event.target.value)} maxLength={4000} />
      <div className="actions">
        {complaint.status === 'registered' ? (
          <button type="button" onClick={() => void update({ id: complaint.id, status: 'inReview', answer: '' })}>
            {t('complaints.action.inReview')}
          </button>
        ) : null}
        <button type="button" onClick={() => void update({ id: complaint.id, status: 'answered', answer })}>
          {t('complaints.action.answered')}
        </button>
        <button type="button" onClick={() => void update({ id: complaint.id, status: 'rejected', answer })}>
          {t('complaints.action.rejected')}
        </button>
      </div>
    </div>
  );
}

/** Журнал жалоб: the supervisor records each complaint, its deadline, status and answer (audited). */
export function ComplaintsScreen() {
  const { t } = useTranslation();
  const { complaints, error, load } = useComplaints();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <main className="screen" aria-labelledby="complaints-title">
      <h1 id="complaints-title">{t('complaints.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <RecordForm />
      {complaints && !complaints.length ? <p>{t('complaints.nothing')}</p> : null}
      {complaints?.length ? (
        <table className="table" data-testid="complaints">
          <thead>
            <tr>
              <th>№</th>
              <th>{t('complaints.receivedOn')}</th>
              <th>{t('complaints.applicant')}</th>
              <th>{t('complaints.subject')}</th>
              <th>{t('complaints.dueBy')}</th>
              <th>{t('complaints.state')}</th>
              <th>{t('complaints.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((complaint) => (
              <tr key={complaint.id} className={complaint.overdue ? 'overdue' : undefined} data-status={complaint.status}>
                <td>{complaint.number}</td>
                <td>{formatDay(complaint.receivedOn)}</td>
                <td>
                  {complaint.applicant}
                  {complaint.requestNumber ? (
                    <>
                      <br />
                      <small>{complaint.requestNumber}</small>
                    </>
                  ) : null}
                </td>
                <td>{complaint.subject}</td>
                <td>
                  {formatDay(complaint.dueBy)}
                  {complaint.overdue ? <span className="error"> · {t('complaints.overdue')}</span> : null}
                </td>
                <td>{t(`complaints.status.${complaint.status}`)}</td>
                <td>
                  <Actions complaint={complaint} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
