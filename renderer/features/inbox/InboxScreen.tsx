import { Alert, Button, Card, Descriptions, Input, Select, Tag, type DescriptionsProps, Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow, RequestView } from '../../../shared/api';
import { languages, type Language } from '../../../shared/i18n';
import type { Variant } from '../../../shared/catalog/schema';
import { useCatalog } from '../catalog/store';
import { useAuth } from '../auth/store';
import { DecisionForm, HeadActions, ResultActions } from '../decision/DecisionPanel';
import { ProviderNotices } from '../notices/ProviderNotices';
import { ChainPanel } from '../chain/ChainPanel';
import { ErrorText } from '../../ui/ErrorText';
import { TextAreaField } from '../../ui/TextAreaField';
import { SelectField } from '../../ui/SelectField';
import { formatDay } from '../../ui/dates';
import { arm } from '../../app/api';
import { useInbox } from './store';
import { dataAttributes } from '../../ui/dataAttributes';

const URGENCIES = ['dueToday', 'overdue', 'ok', 'none'] as const;

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languages.find((candidate) => candidate === i18n.language) ?? 'ru';
}

/** Days, local deadlines and instants (received, signed) in Kazakhstan time (shared/time). */
function formatDate(value: string | null): string {
  return value ? formatDay(value) : '—';
}

function Rows({ rows, caption }: { rows: InboxRow[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const services = useCatalog((state) => state.services);
  const openRequest = useInbox((state) => state.openRequest);
  const name = (id: string) => services?.find((service) => service.id === id)?.name[language] ?? id;
  const columns: TableColumnsType<InboxRow> = [
    {
      key: 'number',
      title: t('inbox.number'),
      render: (_, row) => (
        <>
          <Button type="link" className="row-link" onClick={() => void openRequest(row.id)}>
            {row.number}
          </Button>
          {row.channel === 'portal' ? (
            <Tag color="blue" data-testid="channel-portal" title={t('inbox.channel.portalNote')}>
              {t('inbox.channel.portal')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { key: 'service', title: t('inbox.service'), render: (_, row) => name(row.serviceId) },
    {
      key: 'applicant',
      title: t('inbox.applicant'),
      render: (_, row) => (
        <>
          {row.applicantName}
          {row.possibleDuplicateOf.length ? (
            <strong className="error" data-testid="possible-duplicate">
              {' '}
              · {t('inbox.possibleDuplicate', { numbers: row.possibleDuplicateOf.join(', ') })}
            </strong>
          ) : null}
        </>
      ),
    },
    { key: 'received', title: t('inbox.received'), render: (_, row) => formatDate(row.receivedAt) },
    { key: 'deadline', title: t('inbox.deadline'), render: (_, row) => formatDate(row.dueBy) },
    {
      key: 'daysLeft',
      title: t('inbox.daysLeft'),
      render: (_, row) => (
        <>
          {row.daysLeft ?? '—'}
          {row.urgency === 'dueToday' || row.urgency === 'overdue' ? <strong> · {t(`inbox.urgency.${row.urgency}`)}</strong> : null}
        </>
      ),
    },
    { key: 'state', title: t('inbox.state'), render: (_, row) => t(`requestState.${row.state}`) },
    { key: 'assignee', title: t('inbox.assignee'), onCell: () => dataAttributes({ 'data-testid': 'assignee' }), render: (_, row) => row.assignee?.fullName ?? '—' },
  ];
  return (
    <div data-testid="inbox-table">
      <Table<InboxRow>
        size="small"
        rowKey="id"
        caption={caption}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <span className="muted">{t('inbox.empty')}</span> }}
        rowClassName={(row) => `urgency-${row.urgency}`}
        onRow={(row) => dataAttributes({ 'data-testid': 'inbox-row', 'data-urgency': row.urgency })}
      />
    </div>
  );
}

/** A person as the request carries them; the registry's address is Russian whatever the screen's language. */
function personText(t: TFunction, person: RequestView['content']['applicant']): ReactNode {
  return (
    <>
      {[person.surname, person.name, person.patronymic].filter(Boolean).join(' ')}, {t('inbox.iin')} {person.iin}, {formatDate(person.birthDate)}
      {person.address ? (
        <>
          , <span lang="ru">{person.address}</span>
        </>
      ) : null}{' '}
      — <span className={person.source === 'registry' ? undefined : 'error'}>{t(`inbox.source.${person.source}`)}</span>
    </>
  );
}

function Verification({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const { received } = view;
  const items: DescriptionsProps['items'] = [
    {
      key: 'signature',
      // A portal request is signed by the applicant with their own key, a counter's by the operator, an office's by the office worker.
      label: t(view.channel === 'portal' ? 'inbox.applicantSignature' : received.office ? 'inbox.officeSignature' : 'inbox.signature'),
      children: t('inbox.signatureVerified', { signer: received.signer.subject.commonName, iin: received.signer.subject.iin ?? '—', time: formatDate(received.signingTime) }),
    },
    { key: 'receipt', label: t(received.office ? 'inbox.officeRegistration' : 'inbox.receipt'), children: received.receiptNumber },
    ...received.recheck.map((recheck) => ({
      key: `recheck-${recheck.iin}`,
      label: t('inbox.recheck', { iin: recheck.iin }),
      children: (
        <span className={recheck.result === 'match' ? undefined : 'error'} data-testid="inbox-recheck" data-result={recheck.result}>
          {t(`inbox.recheckResult.${recheck.result}`)}
          {recheck.mismatches.length ? `: ${recheck.mismatches.map((field) => t(`journal.recheck.fields.${field}`)).join(', ')}` : null}
        </span>
      ),
    })),
  ];
  return (
    <div data-testid="verification">
      <Descriptions size="small" column={1} bordered items={items} />
    </div>
  );
}

function Scans({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const { scan, showScan } = useInbox();
  const hashes = [...new Set(view.content.checklist.flatMap((item) => item.attachments))];
  return (
    <section aria-label={t('inbox.scans')}>
      <h3>{t('inbox.scans')}</h3>
      <div className="actions">
        {hashes.map((sha256, index) => (
          <Button key={sha256} type={scan?.sha256 === sha256 ? 'primary' : 'default'} aria-pressed={scan?.sha256 === sha256} onClick={() => void showScan(sha256)}>
            {t('inbox.scan', { number: index + 1 })}
          </Button>
        ))}
      </div>
      {scan ? (
        <div className="viewer" data-testid="scan-viewer" data-mime={scan.mime}>
          {scan.mime.startsWith('image/') ? (
            <img src={scan.url} alt={t('inbox.scanAlt')} />
          ) : (
            <Button href={scan.url} target="_blank" rel="noreferrer" download={`${scan.sha256.slice(0, 12)}.pdf`}>
              {t('inbox.openPdf')}
            </Button>
          )}
        </div>
      ) : null}
    </section>
  );
}

function Checklist({ view, variant }: { view: RequestView; variant: Variant | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mark = useInbox((state) => state.mark);
  const editable = view.state === 'inWork';
  const lines = [...new Set([...(variant?.documents.items.map((_, index) => index) ?? []), ...view.content.checklist.map((item) => item.document)])].sort((a, b) => a - b);
  return (
    <section aria-label={t('inbox.checklist')}>
      <h3>{t('inbox.checklist')}</h3>
      {variant?.documents.listAbsent ? <p className="muted">{t('inbox.listAbsent', { standard: variant.documents.listAbsent.standard })}</p> : null}
      <ol className="checklist">
        {lines.map((document) => {
          const item = variant?.documents.items[document];
          const operator = view.content.checklist.find((line) => line.document === document);
          const current = view.marks.find((line) => line.document === document);
          return (
            <li key={document} data-testid="checklist-line">
              {/* The signed name first: the centre's checklist may be the supervisor's, unknown to this catalog. */}
              {operator?.name?.[language] ?? item?.name[language] ?? t('inbox.documentNumber', { number: document + 1 })}
              {item ? <span className="muted"> ({item.cite.map((cite) => cite.paragraph).join('; ')})</span> : null}
              {operator ? <span className="muted"> — {t(operator.presented ? 'inbox.presented' : 'inbox.notPresented')}</span> : null}
              {' '}
              <Select<'ok' | 'missing' | 'defective'>
                size="small"
                aria-label={t('inbox.mark')}
                disabled={!editable}
                value={current?.mark}
                placeholder={t('inbox.notChecked')}
                onChange={(value) => void mark(document, value, current?.note ?? '')}
                popupMatchSelectWidth={false}
                virtual={false}
                options={(['ok', 'missing', 'defective'] as const).map((value) => ({ value, label: t(`inbox.marks.${value}`) }))}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The head's resolution (резолюция): who executes the request; a reassignment says why. */
function Resolution({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const assign = useInbox((state) => state.assign);
  const [clerks, setClerks] = useState<Array<{ userId: string; fullName: string }>>([]);
  const [clerkId, setClerkId] = useState('');
  const [comment, setComment] = useState('');
  useEffect(() => {
    void arm.inbox.clerks().then(setClerks, () => setClerks([]));
  }, []);
  if (view.state !== 'registered' && view.state !== 'inWork') return null;
  return (
    <form
      className="form"
      aria-label={t('inbox.resolution')}
      onSubmit={(event) => {
        event.preventDefault();
        void assign(clerkId, comment).then((done) => done && setComment(''));
      }}
    >
      <SelectField<string>
        label={t('inbox.executor')}
        value={clerkId}
        onChange={setClerkId}
        placeholder="—"
        options={clerks.map((clerk) => ({ value: clerk.userId, label: clerk.fullName }))}
        data-testid="executor"
      />
      {view.assignee ? <TextAreaField label={t('inbox.reassignComment')} value={comment} onChange={setComment} /> : null}
      <div className="actions">
        <Button htmlType="submit" type="primary" disabled={!clerkId}>
          {view.assignee ? t('inbox.reassign') : t('inbox.appoint')}
        </Button>
      </div>
    </form>
  );
}

function RequestPanel({ view, role }: { view: RequestView; role: 'clerk' | 'head' }) {
  const { t } = useTranslation();
  const { service, take, close } = useInbox();
  const variant = service?.variants.find((candidate) => candidate.id === view.variantId) ?? null;
  const language = useLanguage();
  const returned = [...view.history].reverse().find((entry) => entry.from === 'decided' && entry.to === 'inWork');
  // Opened from a row far up the list: the request comes into view with its heading focused.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [view.id]);
  return (
    <section aria-label={t('inbox.request', { number: view.number })} data-testid="request-view" data-state={view.state}>
      <Card
        size="small"
        className="request-card"
        title={
          <h2 ref={heading} tabIndex={-1}>
            {t('inbox.request', { number: view.number })} · {t(`requestState.${view.state}`)}
          </h2>
        }
        extra={<Button onClick={close}>{t('inbox.close')}</Button>}
      >
        <p>
          {service?.name[language]} {variant ? <span className="muted">({variant.region[language]}, {variant.act})</span> : null}
        </p>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'applicant', label: t('inbox.applicant'), children: personText(t, view.content.applicant) },
            ...(view.content.representative ? [{ key: 'representative', label: t('inbox.representative'), children: personText(t, view.content.representative) }] : []),
            ...(view.content.powerOfAttorney
              ? [
                  {
                    key: 'powerOfAttorney',
                    label: t('inbox.powerOfAttorney'),
                    children:
                      view.content.powerOfAttorney.kind === 'notarised'
                        ? `№ ${view.content.powerOfAttorney.number}, ${formatDate(view.content.powerOfAttorney.issuedOn)} — ${t(`inbox.source.${view.content.powerOfAttorney.source}`)}`
                        : t('inbox.simplePowerOfAttorney'),
                  },
                ]
              : []),
            ...(view.channel
              ? [
                  {
                    key: 'channel',
                    label: t('inbox.channel.title'),
                    children: (
                      <span data-testid="view-channel">
                        {t(`inbox.channel.${view.channel}`)}
                        {view.channel === 'portal' ? <span className="muted"> — {t('inbox.channel.portalNote')}</span> : null}
                      </span>
                    ),
                  },
                ]
              : []),
            { key: 'deadline', label: t('inbox.deadline'), children: `${formatDate(view.dueBy)} · ${t('inbox.daysLeft')}: ${view.daysLeft ?? '—'}` },
            ...(view.possibleDuplicateOf.length
              ? [{ key: 'duplicate', label: t('inbox.possibleDuplicateTitle'), children: <span className="error">{t('inbox.possibleDuplicate', { numbers: view.possibleDuplicateOf.join(', ') })}</span> }]
              : []),
            { key: 'assignee', label: t('inbox.assignee'), children: <span data-testid="view-assignee">{view.assignee?.fullName ?? '—'}</span> },
          ]}
        />
        <Verification view={view} />
        {returned?.comment ? <Alert type="warning" showIcon title={t('inbox.returned', { comment: returned.comment })} /> : null}
        <Scans view={view} />
        <Checklist view={view} variant={variant} />
        <ChainPanel view={view} role={role} />
        {role === 'clerk' && view.state === 'registered' ? (
          <Button type="primary" onClick={() => void take()} data-testid="take">
            {t('inbox.take')}
          </Button>
        ) : null}
        {role === 'clerk' && view.state === 'inWork' && variant ? <DecisionForm view={view} variant={variant} /> : null}
        <ProviderNotices view={view} onDone={close} />
        <ResultActions view={view} />
        {role === 'head' ? <Resolution view={view} /> : null}
        {role === 'head' ? <HeadActions view={view} /> : null}
      </Card>
    </section>
  );
}

/** The department's inbox (clerk and head): pull, filter, open, decide, sign. */
export function InboxScreen() {
  const { t } = useTranslation();
  const role = useAuth((state) => state.status?.user?.role) === 'head' ? 'head' : 'clerk';
  const { rows, queue, refused, filter, open, error, load, pull, setFilter, retryRefused, returnRefused } = useInbox();
  const { services, load: loadCatalog } = useCatalog();

  useEffect(() => {
    void load(role);
  }, [load, role, filter]);
  useEffect(() => {
    if (!services) void loadCatalog();
  }, [services, loadCatalog]);

  return (
    <main className="screen wide" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <div className="filters" role="search">
        <Button type="primary" onClick={() => void pull(role)} data-testid="pull">
          {t('inbox.pull')}
        </Button>
        <Input
          type="search"
          className="filter-query"
          aria-label={t('inbox.search')}
          placeholder={t('inbox.search')}
          value={filter.query}
          onChange={(event) => setFilter({ query: event.target.value })}
          allowClear
        />
        <Select<typeof filter.urgency>
          aria-label={t('inbox.urgencyFilter')}
          value={filter.urgency}
          onChange={(urgency) => setFilter({ urgency })}
          popupMatchSelectWidth={false}
          virtual={false}
          options={[{ value: '', label: t('inbox.allUrgencies') }, ...URGENCIES.map((urgency) => ({ value: urgency, label: t(`inbox.urgency.${urgency}`) }))]}
        />
      </div>
      {role === 'head' && queue ? <Rows rows={queue} caption={t('inbox.queue')} /> : null}
      {rows ? <Rows rows={rows} caption={t('inbox.all')} /> : <p>{t('app.loading')}</p>}
      {refused.length ? (
        <section aria-label={t('inbox.refused')} data-testid="refused">
          <h2>{t('inbox.refused')}</h2>
          <ul>
            {refused.map((message) => (
              <li key={message.messageId} data-message={message.messageId}>
                {formatDate(message.receivedAt)} · {message.sender} · {t(`errors.${message.code}`)} — <span className="reason">{message.reason}</span>
                {message.returnedAt ? (
                  <> · {t('inbox.refusedReturned', { time: formatDate(message.returnedAt) })}</>
                ) : role === 'clerk' ? (
                  <>
                    {' '}
                    <Button size="small" onClick={() => void retryRefused(message.messageId)}>
                      {t('inbox.refusedRetry')}
                    </Button>{' '}
                    <Button size="small" onClick={() => void returnRefused(message.messageId)}>
                      {t('inbox.refusedReturn')}
                    </Button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {open ? <RequestPanel view={open} role={role} /> : null}
    </main>
  );
}
