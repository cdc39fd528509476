import { Button, Table, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { Complaint } from '../../../shared/api';
import { localDay } from '../../../shared/time';
import { arm } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { formatDay } from '../../ui/dates';
import { dataAttributes } from '../../ui/dataAttributes';

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
      className="form"
      data-testid="complaint-form"
      aria-labelledby="complaint-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void record({ receivedOn, applicant, requestNumber: requestNumber.trim() || null, subject, dueBy: dueBy || null }).then((ok) => {
          if (ok) [setApplicant, setRequestNumber, setSubject, setDueBy].forEach((reset) => reset(''));
        });
      }}
    >
      <h2 id="complaint-form-title">{t('complaints.record')}</h2>
      <div className="form grid-form">
        <DateField label={t('complaints.receivedOn')} value={receivedOn} onChange={setReceivedOn} required />
        <Field label={t('complaints.applicant')} value={applicant} onChange={setApplicant} required minLength={3} maxLength={200} />
        <Field label={t('complaints.requestNumber')} value={requestNumber} onChange={setRequestNumber} maxLength={100} />
        <DateField label={t('complaints.dueBy')} value={dueBy} onChange={setDueBy} />
      </div>
      <TextAreaField label={t('complaints.subject')} value={subject} onChange={setSubject} required minLength={5} maxLength={2000} />
      <p className="muted">{t('complaints.termNote')}</p>
      <div className="actions">
        <Button htmlType="submit" type="primary">
          {t('complaints.save')}
        </Button>
      </div>
    </form>
  );
}

function Actions({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const update = useComplaints((state) => state.update);
  const [answer, setAnswer] = useState('');
  if (complaint.status === 'answered' || complaint.status === 'rejected') return <>{complaint.answer}</>;
  return (
    <div className="form">
      <TextAreaField label={t('complaints.answer')} value={answer} onChange={setAnswer} maxLength={4000} />
      <div className="actions">
        {complaint.status === 'registered' ? (
          <Button size="small" onClick={() => void update({ id: complaint.id, status: 'inReview', answer: '' })}>
            {t('complaints.action.inReview')}
          </Button>
        ) : null}
        <Button size="small" type="primary" onClick={() => void update({ id: complaint.id, status: 'answered', answer })}>
          {t('complaints.action.answered')}
        </Button>
        <Button size="small" danger onClick={() => void update({ id: complaint.id, status: 'rejected', answer })}>
          {t('complaints.action.rejected')}
        </Button>
      </div>
    </div>
  );
}

/** Журнал жалоб: the supervisor records each complaint, its deadline, status and answer (audited). */
export function ComplaintsScreen() {
  const { t } = useTranslation();
  const { complaints, error, load } = useComplaints();
  const problem = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void load();
  }, [load]);
  // A refused change in a row far down the table: its reason comes into view.
  useEffect(() => {
    if (error) problem.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const columns: TableColumnsType<Complaint> = [
    { key: 'number', title: '№', dataIndex: 'number' },
    { key: 'receivedOn', title: t('complaints.receivedOn'), render: (_, complaint) => formatDay(complaint.receivedOn) },
    {
      key: 'applicant',
      title: t('complaints.applicant'),
      render: (_, complaint) => (
        <>
          {complaint.applicant}
          {complaint.requestNumber ? (
            <>
              <br />
              <small>{complaint.requestNumber}</small>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'subject', title: t('complaints.subject'), dataIndex: 'subject' },
    {
      key: 'dueBy',
      title: t('complaints.dueBy'),
      render: (_, complaint) => (
        <>
          {formatDay(complaint.dueBy)}
          {complaint.overdue ? <span className="error"> · {t('complaints.overdue')}</span> : null}
        </>
      ),
    },
    { key: 'state', title: t('complaints.state'), render: (_, complaint) => t(`complaints.status.${complaint.status}`) },
    { key: 'answer', title: t('complaints.answer'), width: '28%', render: (_, complaint) => <Actions complaint={complaint} /> },
  ];
  return (
    <main className="screen" aria-labelledby="complaints-title">
      <h1 id="complaints-title">{t('complaints.title')}</h1>
      <div ref={problem}>{error ? <ErrorText error={error} /> : null}</div>
      <RecordForm />
      {complaints && !complaints.length ? <p>{t('complaints.nothing')}</p> : null}
      {complaints?.length ? (
        <div data-testid="complaints">
          <Table<Complaint>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={complaints}
            pagination={false}
            rowClassName={(complaint) => (complaint.overdue ? 'overdue' : '')}
            onRow={(complaint) => dataAttributes({ 'data-status': complaint.status })}
          />
        </div>
      ) : null}
    </main>
  );
}
