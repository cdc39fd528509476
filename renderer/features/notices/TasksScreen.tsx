import { Alert, Button, Checkbox, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { taskKindSchema, type ApplicantTask, type NoticeTexts } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
import { arm } from '../../app/api';
import { useAuth } from '../auth/store';
import { ErrorText } from '../../ui/ErrorText';
import { formatDay } from '../../ui/dates';
import { dataAttributes } from '../../ui/dataAttributes';
import { TextAreaField } from '../../ui/TextAreaField';

interface TasksState {
  tasks: ApplicantTask[] | null;
  reminders: number;
  includeDone: boolean;
  texts: NoticeTexts | null;
  saved: boolean;
  error: unknown;
  load(includeDone?: boolean): Promise<void>;
  done(taskId: string): Promise<void>;
  loadTexts(): Promise<void>;
  saveTexts(texts: NoticeTexts): Promise<void>;
}

export const useTasks = create<TasksState>((set, get) => ({
  tasks: null,
  reminders: 0,
  includeDone: false,
  texts: null,
  saved: false,
  error: null,
  load: async (includeDone = get().includeDone) => {
    try {
      const { tasks, reminders } = await arm.notices.tasks({ includeDone });
      set({ tasks, reminders, includeDone, error: null });
    } catch (error) {
      set({ error });
    }
  },
  done: async (taskId) => {
    try {
      await arm.notices.done({ taskId });
      await get().load();
    } catch (error) {
      set({ error });
    }
  },
  loadTexts: async () => {
    try {
      set({ texts: await arm.notices.texts(), error: null });
    } catch (error) {
      set({ error });
    }
  },
  saveTexts: async (texts) => {
    try {
      set({ texts: await arm.notices.setTexts(texts), saved: true, error: null });
      await get().load();
    } catch (error) {
      set({ error, saved: false });
    }
  },
}));

/** The supervisor's texts of each notice kind, ru and kk, with {number} {service} {date} {reason}. */
function TextsEditor({ texts }: { texts: NoticeTexts }) {
  const { t } = useTranslation();
  const { saveTexts, saved } = useTasks();
  const [draft, setDraft] = useState(texts);
  return (
    <details data-testid="notice-texts">
      <summary>{t('notices.textsTitle')}</summary>
      <p>{t('notices.textsHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveTexts(draft);
        }}
      >
        {taskKindSchema.options.map((kind) => (
          <fieldset key={kind}>
            <legend>{t(`notices.kind.${kind}`)}</legend>
            {(['ru', 'kk'] as const).map((language) => (
              <TextAreaField
                key={language}
                label={language === 'ru' ? 'Русский' : 'Қазақша'}
                value={draft[kind][language]}
                maxLength={1000}
                onChange={(text) => setDraft({ ...draft, [kind]: { ...draft[kind], [language]: text } })}
              />
            ))}
          </fieldset>
        ))}
        <Button htmlType="submit" type="primary">
          {t('notices.saveTexts')}
        </Button>
        {saved ? <Alert type="success" showIcon role="status" title={t('notices.textsSaved')} /> : null}
      </form>
    </details>
  );
}

/**
 * Что сообщить заявителю: every notice from the provider and every result that arrived, with the
 * text to tell and the day by which (004 App.1: a return within one working day); due today is a
 * reminder, past it overdue.
 */
export function TasksScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'kk' ? 'kk' : 'ru';
  const role = useAuth((state) => state.status?.user?.role);
  const { tasks, reminders, includeDone, texts, error, load, done, loadTexts } = useTasks();
  useEffect(() => {
    void load();
    void loadTexts();
  }, [load, loadTexts]);
  const counter = role === 'operator' || role === 'mobileOperator';
  const columns: TableColumnsType<ApplicantTask> = [
    {
      key: 'request',
      title: t('notices.request'),
      render: (_, task) => (
        <>
          {task.number}
          <br />
          <small>{task.service[language]}</small>
        </>
      ),
    },
    { key: 'applicant', title: t('notices.applicant'), dataIndex: 'applicantName' },
    {
      key: 'what',
      title: t('notices.what'),
      render: (_, task) => (
        <>
          <strong>{t(`notices.kind.${task.kind}`)}</strong>
          <br />
          {task.message[language]}
        </>
      ),
    },
    { key: 'dueBy', title: t('notices.dueBy'), onCell: () => dataAttributes({ 'data-testid': 'task-due' }), render: (_, task) => (task.dueBy ? formatDay(task.dueBy) : t('notices.noTellNorm')) },
    {
      key: 'state',
      title: t('notices.state'),
      render: (_, task) =>
        task.doneAt ? (
          t('notices.toldAt', { at: formatDateTime(new Date(task.doneAt)) })
        ) : (
          <>
            <span className={task.urgency === 'ok' ? undefined : 'error'}>{t(`notices.urgency.${task.urgency}`)}</span>
            {counter ? (
              <div className="actions">
                <Button onClick={() => void done(task.id)} data-testid="told">
                  {t('notices.told')}
                </Button>
              </div>
            ) : null}
          </>
        ),
    },
  ];
  return (
    <main className="screen" aria-labelledby="tasks-title">
      <h1 id="tasks-title">{t('notices.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <p data-testid="reminders" className={reminders ? 'error' : undefined}>
        {t('notices.reminders', { count: reminders })}
      </p>
      <Checkbox className="check" checked={includeDone} onChange={(event) => void load(event.target.checked)}>
        {t('notices.includeDone')}
      </Checkbox>
      {tasks && !tasks.length ? <p>{t('notices.nothing')}</p> : null}
      {tasks?.length ? (
        <Table<ApplicantTask>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tasks}
          pagination={false}
          data-testid="tasks"
          rowClassName={(task) => (task.urgency === 'overdue' ? 'overdue' : '')}
          onRow={(task) => dataAttributes({ 'data-kind': task.kind, 'data-urgency': task.urgency })}
        />
      ) : null}
      {role === 'supervisor' && texts ? <TextsEditor texts={texts} /> : null}
    </main>
  );
}
