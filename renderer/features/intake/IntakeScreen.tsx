import { App as AntApp, Button, Card, Checkbox, Modal, Progress, Radio, Select, Table, Tag, type CheckboxRef, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArmError, intakeRefusalGroundSchema, type ChecklistItem, type ChecklistLine, type IntakeDraft, type IntakeRefusalGround, type Language, type PersonData } from '../../../shared/api';
import { checkIin } from '../../../shared/iin/iin';
import { ErrorText, errorMessage } from '../../ui/ErrorText';
import { DateField } from '../../ui/DateField';
import { formatDay } from '../../ui/dates';
import { dataAttributes } from '../../ui/dataAttributes';
import { Field } from '../../ui/Field';
import { FileButton } from '../../ui/FileButton';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { IinField } from '../../ui/IinField';
import { filterServices } from '../catalog/filter';
import { SigningDialog } from '../signing/SigningDialog';
import { TicketField } from '../visits/TicketField';
import { PageThumb } from './PageThumb';
import { CameraButton } from '../camera/CameraCapture';
import { useIntake, type ErrorPlace, type ManualPerson } from './store';
import { useAuth } from '../auth/store';
import { formatDateTime } from '../../../shared/time';

function lang(language: string): Language {
  return language === 'kk' ? 'kk' : 'ru';
}

/**
 * The last error, next to the card or field whose action failed: brought into view and focused
 * when it appears (the action bar shows the draft's own errors, BarError).
 */
function PlacedError({ at }: { at: ErrorPlace }) {
  const error = useIntake((state) => (state.errorAt === at ? state.error : null));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    box.current?.scrollIntoView({ block: 'center' });
    box.current?.focus();
  }, [error]);
  return error ? (
    <div ref={box} tabIndex={-1} className="placed-error" data-testid={`error-${at}`}>
      <ErrorText error={error} />
    </div>
  ) : null;
}

type CardState = 'empty' | 'verified' | 'manual' | 'alone' | 'poaWaiting' | 'poaDone' | 'complete' | 'missing' | 'failed';
const CARD_COLOUR: Record<CardState, string> = { empty: 'default', verified: 'success', manual: 'warning', alone: 'default', poaWaiting: 'processing', poaDone: 'success', complete: 'success', missing: 'warning', failed: 'error' };

/** One part of the intake as a card with its state in the corner (заполнено, не хватает…). */
function IntakeCard({ id, title, state, count, children }: { id: string; title: string; state: CardState; count?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`} className="intake-card" data-testid={`${id}-card`} data-state={state}>
      <Card
        size="small"
        title={<h2 id={`${id}-title`}>{title}</h2>}
        extra={<Tag color={CARD_COLOUR[state]} data-testid={`${id}-state`}>{t(`intake.card.${state}`, { count })}</Tag>}
      >
        {children}
      </Card>
    </section>
  );
}


/** Step 1: the service, searched in Russian or Kazakh; open drafts to continue after a restart. */
function ServicePicker() {
  const { t, i18n } = useTranslation();
  const { services, reach, drafts, centre, start, open } = useIntake();
  // The provider's office worker takes in what the regulation lets its office take (channel «provider»).
  const office = useAuth((state) => state.status?.user?.role) === 'officeWorker';
  const [query, setQuery] = useState('');
  const found = filterServices(services ?? [], { query, provider: '', channel: office ? 'provider' : '' });
  // Only what this centre may take in is offered; the rest is named with the reason it is missing.
  // (The centre's reach: the office's own channel is filtered above.)
  const why = new Map(office ? [] : (reach ?? []).map((service) => [service.id, service.missing]));
  const offered = found.filter((service) => !why.get(service.id));
  const missing = found.filter((service) => why.get(service.id));
  return (
    <>
      {centre || office ? null : <ErrorText error={new ArmError('CENTRE_NOT_SET')} />}
      {office ? <p className="muted" data-testid="office-intake">{t('intake.officeChannel')}</p> : null}
      {drafts.length ? (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t('intake.drafts')}</h2>
          <ul className="list">
            {drafts.map((draft) => (
              <li key={draft.requestId}>
                <Button onClick={() => void open(draft.requestId)}>
                  {t('intake.continue')}: {draft.number} · {draft.serviceName[lang(i18n.language)]} {draft.applicantName ? `· ${draft.applicantName}` : ''}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="service-title">
        <h2 id="service-title">{t('intake.chooseService')}</h2>
        {/* Enter takes the first service found: the keyboard path needs no Tab through the list. */}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (offered[0]) void start(offered[0].id);
          }}
        >
          <Field label={t('intake.searchService')} value={query} onChange={setQuery} autoFocus data-testid="service-search" />
        </form>
        <ul className="list" data-testid="services">
          {offered.map((service) => (
            <li key={service.id}>
              <Button onClick={() => void start(service.id)} data-service={service.id}>
                {service.name[lang(i18n.language)]}
              </Button>
            </li>
          ))}
        </ul>
        {missing.length ? (
          <details data-testid="services-missing">
            <summary>{t('reach.missingTitle', { count: missing.length })}</summary>
            <ul className="list">
              {missing.map((service) => (
                <li key={service.id} data-missing={why.get(service.id)}>
                  {service.name[lang(i18n.language)]} — {t(`reach.missing.${why.get(service.id)}`)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </>
  );
}

function PersonCard({ person }: { person: PersonData }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="person-card" data-source={person.source}>
      <dt>{t('intake.fullName')}</dt>
      <dd>{[person.surname, person.name, person.patronymic].filter(Boolean).join(' ')}</dd>
      <dt>{t('account.iin')}</dt>
      <dd>{person.iin}</dd>
      <dt>{t('intake.birthDate')}</dt>
      <dd>{formatDay(person.birthDate)}</dd>
      {person.address ? (
        <>
          <dt>{t('intake.address')}</dt>
          <dd>{person.address}</dd>
        </>
      ) : null}
      {person.source === 'manual' ? <dd className="badge-unverified">{t('intake.unverified')}</dd> : null}
    </dl>
  );
}

const emptyManual = (iin: string): ManualPerson => ({ iin, surname: '', name: '', patronymic: '', birthDate: '', address: '' });

/** Applicant or representative: IIN with live checksum, Enter looks it up; offline, typed by hand. */
function PersonStep({ role, person }: { role: 'applicant' | 'representative'; person: PersonData | null }) {
  const { t } = useTranslation();
  const { lookup, manual, offline, busy } = useIntake();
  const [iin, setIin] = useState(person?.iin ?? '');
  const [typed, setTyped] = useState<ManualPerson>(emptyManual(''));
  const valid = checkIin(iin).valid;
  return (
    <div data-testid={`${role}-step`} aria-live="polite">
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void lookup(role, iin);
        }}
      >
        <IinField label={t(`intake.${role}Iin`)} value={iin} onChange={setIin} autoFocus={!person} />
        {/* Not disabled while a save runs: a disabled default button would swallow Enter; the store runs calls in order. */}
        <Button htmlType="submit" disabled={!valid}>
          {t('intake.lookup')} <kbd>Enter</kbd>
        </Button>
      </form>
      {offline === role ? (
        <form
          className="manual"
          aria-label={t('intake.manualTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            void manual(role, { ...typed, iin });
          }}
        >
          <p className="muted">{t('intake.manualExplain')}</p>
          <Field label={t('intake.surname')} value={typed.surname} onChange={(surname) => setTyped({ ...typed, surname })} required />
          <Field label={t('intake.name')} value={typed.name} onChange={(name) => setTyped({ ...typed, name })} required />
          <Field label={t('intake.patronymic')} value={typed.patronymic} onChange={(patronymic) => setTyped({ ...typed, patronymic })} />
          <DateField label={t('intake.birthDate')} value={typed.birthDate} onChange={(birthDate) => setTyped({ ...typed, birthDate })} required />
          <Field label={t('intake.address')} value={typed.address} onChange={(address) => setTyped({ ...typed, address })} />
          <Button htmlType="submit" disabled={busy}>
            {t('intake.saveManual')}
          </Button>
        </form>
      ) : null}
      <PlacedError at={role} />
      {person ? <PersonCard person={person} /> : null}
    </div>
  );
}

function PowerOfAttorneyStep({ draft }: { draft: IntakeDraft }) {
  const { t } = useTranslation();
  const { notarised, simple, busy } = useIntake();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const poa = draft.powerOfAttorney;
  return (
    <div data-testid="poa-step">
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void notarised(number, date);
        }}
      >
        <Field label={t('intake.poaNumber')} value={number} onChange={setNumber} required autoFocus={!poa} />
        <DateField label={t('intake.poaDate')} value={date} onChange={setDate} required />
        <Button htmlType="submit" disabled={busy || !number || !date}>
          {t('intake.poaCheck')}
        </Button>
      </form>
      {draft.representation.simpleAllowed ? (
        <Button disabled={busy} onClick={() => void simple()}>
          {t('intake.poaSimple')}
        </Button>
      ) : null}
      {poa?.kind === 'notarised' ? (
        <p className="ok" data-testid="poa-accepted">
          {t('intake.poaAccepted', { number: poa.number, date: formatDay(poa.issuedOn), validTo: formatDay(poa.validTo) })}
        </p>
      ) : null}
      {poa?.kind === 'simple' ? <p data-testid="poa-simple">{t('intake.poaSimpleChosen')}</p> : null}
      <PlacedError at="poa" />
    </div>
  );
}

function ChecklistStep({ draft }: { draft: IntakeDraft }) {
  const { t, i18n } = useTranslation();
  const { save, upload, scan, remove, move, assemble, loadScanners, rememberScanner, scanners, scanner, scanning, busy } = useIntake();
  const [picked, setDevice] = useState('');
  const [folder, setFolder] = useState('');
  // The workstation's remembered scanner until the operator picks another.
  const device = picked || scanner || '';
  const [resolution, setResolution] = useState<150 | 300>(150);
  const [mode, setMode] = useState<'Color' | 'Gray'>('Gray');
  const update = (document: number, change: Partial<ChecklistItem>) =>
    void save({ checklist: draft.checklist.map((item) => (item.document === document ? { ...item, ...change } : item)) });
  const itemOf = (line: ChecklistLine) => draft.checklist.find((candidate) => candidate.document === line.document)!;
  const columns: TableColumnsType<ChecklistLine> = [
    {
      key: 'presented',
      render: (_, line) => (
        <Checkbox checked={itemOf(line).presented} onChange={(event) => update(line.document, { presented: event.target.checked })}>
          {line.name[lang(i18n.language)]} {line.required ? '*' : ''}
        </Checkbox>
      ),
    },
    {
      key: 'form',
      render: (_, line) => (
        <Select<'original' | 'copy' | ''>
          aria-label={t('intake.form')}
          value={itemOf(line).form ?? ''}
          onChange={(form) => update(line.document, { form: form || null })}
          popupMatchSelectWidth={false}
          options={[
            { value: '', label: '—' },
            { value: 'original', label: t('intake.original') },
            { value: 'copy', label: t('intake.copy') },
          ]}
        />
      ),
    },
    {
      key: 'add',
      render: (_, line) => (
        <div className="actions">
          <FileButton label={t('intake.attachFile')} accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" disabled={busy} onFile={(file) => void upload(line.document, file)} />
          {device ? (
            <Button disabled={busy} loading={scanning === line.document} onClick={() => void scan(line.document, device, resolution, mode)}>
              {t('intake.scan')}
            </Button>
          ) : null}
          <CameraButton disabled={busy} onPage={(file) => void upload(line.document, file)} />
          {/* A scanner takes seconds a page: the operator sees it working, and where. */}
          {scanning === line.document ? (
            <div role="status" data-testid="scan-progress">
              <Progress percent={100} status="active" showInfo={false} size="small" aria-label={t('intake.scanning')} />
              <span className="muted">{t('intake.scanning')}</span>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'pages',
      render: (_, line) => {
        const item = itemOf(line);
        return (
          <>
            <ol className="scans">
              {item.attachments.map((sha256, page) => (
                <PageThumb
                  key={sha256}
                  requestId={draft.requestId}
                  document={line.document}
                  sha256={sha256}
                  page={page + 1}
                  pages={item.attachments.length}
                  busy={busy}
                  onMove={(by) => void move(line.document, sha256, by)}
                  onRemove={() => void remove(line.document, sha256)}
                />
              ))}
            </ol>
            {item.attachments.length > 1 ? (
              <Button disabled={busy} onClick={() => void assemble(line.document)} data-testid={`assemble-${line.document}`}>
                {t('intake.assemble')}
              </Button>
            ) : null}
            <PlacedError at={`document-${line.document}`} />
          </>
        );
      },
    },
  ];
  if (!draft.lines.length) return <p className="muted">{t('intake.noDocuments')}</p>;
  return (
    <>
      <div className="row">
        <Button disabled={busy} onClick={() => void loadScanners()}>
          {t('intake.findScanners')}
        </Button>
        {scanners ? (
          scanners.length ? (
            <>
              <SelectField<string>
                label={t('intake.scanner')}
                value={device || undefined}
                placeholder="—"
                onChange={(next) => {
                  setDevice(next);
                  void rememberScanner(next);
                }}
                options={[
                  ...scanners.map((scanner) => ({ value: scanner.device, label: `${scanner.description} (${scanner.device})` })),
                  // The watched folder of an MFP, chosen below, is named as it was typed.
                  ...(device.startsWith('folder:') ? [{ value: device, label: device.slice('folder:'.length) }] : []),
                ]}
                data-testid="scanner"
              />
              <SelectField<150 | 300>
                label={t('intake.resolution')}
                value={resolution}
                onChange={setResolution}
                options={[
                  { value: 150, label: '150 dpi' },
                  { value: 300, label: '300 dpi' },
                ]}
              />
              <SelectField<'Color' | 'Gray'>
                label={t('intake.colour')}
                value={mode}
                onChange={setMode}
                options={[
                  { value: 'Gray', label: t('intake.gray') },
                  { value: 'Color', label: t('intake.color') },
                ]}
              />
            </>
          ) : (
            <span className="muted">{t('intake.noScanners')}</span>
          )
        ) : null}
        {scanners ? (
          <form
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              setDevice(`folder:${folder.trim()}`);
              void rememberScanner(`folder:${folder.trim()}`);
            }}
          >
            <Field label={t('intake.scanFolder')} value={folder} onChange={setFolder} data-testid="scan-folder" />
            <Button htmlType="submit" disabled={busy || !folder.trim()} data-testid="use-scan-folder">
              {t('intake.useScanFolder')}
            </Button>
          </form>
        ) : null}
      </div>
      <Table<ChecklistLine>
        className="checklist"
        size="small"
        rowKey="document"
        pagination={false}
        showHeader={false}
        dataSource={draft.lines}
        columns={columns}
        onRow={(line) => dataAttributes({ 'data-testid': `document-${line.document}` })}
      />
    </>
  );
}

/** An open request of the same applicant for the same service: continue only with a reason. */
function DuplicateWarning({ draft }: { draft: IntakeDraft }) {
  const { t } = useTranslation();
  const { continueDuplicate, busy } = useIntake();
  const [reason, setReason] = useState('');
  if (!draft.duplicates.length) return null;
  return (
    <section className="card warning" role="alert" aria-label={t('intake.duplicate.title')} data-testid="duplicate-warning">
      <h3>{t('intake.duplicate.title')}</h3>
      <ul>
        {draft.duplicates.map((duplicate) => (
          <li key={duplicate.number}>
            {t('intake.duplicate.line', { number: duplicate.number, state: t(`requestState.${duplicate.state}`), centre: duplicate.centre })}
          </li>
        ))}
      </ul>
      {draft.duplicateReason ? (
        <p data-testid="duplicate-reason">{t('intake.duplicate.continued', { reason: draft.duplicateReason })}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void continueDuplicate(reason);
          }}
        >
          <TextAreaField label={t('intake.duplicate.reason')} value={reason} onChange={setReason} data-testid="duplicate-reason-input" />
          <Button htmlType="submit" disabled={busy || reason.trim().length < 5} data-testid="duplicate-continue">
            {t('intake.duplicate.continue')}
          </Button>
        </form>
      )}
    </section>
  );
}

function ReceiptStep({ draft }: { draft: IntakeDraft }) {
  const { t } = useTranslation();
  const { print, close, busy } = useIntake();
  return (
    <section aria-labelledby="receipt-title" data-testid="receipt-step">
      <h2 id="receipt-title">{draft.state === 'refusedAtIntake' ? t('intake.refused') : t(draft.channel === 'provider' ? 'intake.registeredAtOffice' : 'intake.queued', { number: draft.number })}</h2>
      <div className="row">
        <Button disabled={busy} onClick={() => void print(draft.language)} autoFocus data-testid="print-receipt">
          {draft.state === 'refusedAtIntake' ? t('intake.printRefusal') : t('intake.printReceipt')}
        </Button>
        <Button onClick={close}>
          {t('intake.next')}
        </Button>
      </div>
    </section>
  );
}

/**
 * Отказ в приёме: never one click. The operator confirms the ground and the documents it concerns
 * (the missing ones preselected), with an optional note; all of it goes on the refusal receipt.
 */
function RefusalDialog({ draft, onCancel }: { draft: IntakeDraft; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { refuse, busy } = useIntake();
  const [ground, setGround] = useState<IntakeRefusalGround>(draft.missing.length ? 'incompletePackage' : 'expiredDocuments');
  const [documents, setDocuments] = useState<number[]>(draft.missing);
  const [comment, setComment] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <Modal open title={t('intake.refuseTitle')} onCancel={onCancel} footer={null} width={640} centered>
      <form
        data-testid="refusal-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // Without a document list (seed 001 R1/R5/R9) the note names the documents instead.
          if (draft.lines.length ? !documents.length : comment.trim().length < 5) return setEmpty(true);
          void refuse({ ground, documents, comment });
        }}
      >
        <fieldset>
          <legend>{t('intake.refuseGround')}</legend>
          <Radio.Group className="choices" name="refusal-ground" value={ground} onChange={(event) => setGround(event.target.value as IntakeRefusalGround)}>
            {intakeRefusalGroundSchema.options.map((value) => (
              <Radio key={value} value={value} autoFocus={ground === value}>
                {t(`intake.ground.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
        <fieldset>
          <legend>{t('intake.refuseDocuments')}</legend>
          <div className="choices">
            {draft.lines.map((line) => (
              <Checkbox
                key={line.document}
                checked={documents.includes(line.document)}
                onChange={(event) => {
                  setEmpty(false);
                  setDocuments(event.target.checked ? [...documents, line.document].sort((a, b) => a - b) : documents.filter((document) => document !== line.document));
                }}
                data-document={line.document}
              >
                {line.name[lang(i18n.language)]}
              </Checkbox>
            ))}
          </div>
          {draft.lines.length ? null : <p>{t('intake.refuseNoList')}</p>}
          {empty ? (
            <p role="alert" className="error">
              {t(draft.lines.length ? 'intake.refuseNoDocuments' : 'errors.REFUSAL_DOCUMENTS_UNNAMED')}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label={draft.lines.length ? t('intake.refuseComment') : t('intake.refuseCommentRequired')}
          value={comment}
          required={!draft.lines.length}
          data-testid="refusal-comment"
          maxLength={500}
          onChange={setComment}
        />
        <div className="actions">
          <Button htmlType="submit" type="primary" danger disabled={busy} data-testid="confirm-refusal">
            {t('intake.refuseConfirm')}
          </Button>
          <Button onClick={onCancel}>
            {t('intake.cancel')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function DraftForm({ draft }: { draft: IntakeDraft }) {
  const { t, i18n } = useTranslation();
  const { save, prepare, submit, cancelSigning, content, close, busy, error, errorAt } = useIntake();
  const failedAt = (place: ErrorPlace) => Boolean(error) && errorAt === place;
  const [refusing, setRefusing] = useState(false);
  const represented = useRef<CheckboxRef>(null);
  // After each look-up the focus moves to the next thing to do: the representative's checkbox,
  // then (after the PoA is settled) the signature.
  const applicant = draft.applicant?.iin;
  const poaKind = draft.powerOfAttorney?.kind;
  useEffect(() => {
    if (!applicant) return;
    if (draft.representation.allowed && !draft.represented) represented.current?.focus();
    else if (!draft.represented) document.querySelector<HTMLElement>('[data-testid="to-signing"]')?.focus();
    // Only when the applicant changes, not at every save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applicant]);
  useEffect(() => {
    if (poaKind) document.querySelector<HTMLElement>('[data-testid="to-signing"]')?.focus();
  }, [poaKind]);
  if (draft.state !== 'draft') return <ReceiptStep draft={draft} />;
  return (
    <>
      <section aria-labelledby="draft-title">
        <h2 id="draft-title">
          {draft.serviceName[lang(i18n.language)]} · <span data-testid="request-number">{draft.number}</span>
        </h2>
        <p className="muted" data-testid="due-preview">
          {draft.dueBy ? t(draft.dueIndicative ? 'intake.dueIndicative' : 'intake.dueIfToday', { due: formatDay(draft.dueBy) }) : t('intake.noTerm')} · {t('intake.savedAt', { time: formatDateTime(new Date(draft.updatedAt)).slice(11) })}
        </p>
        <SelectField<Language>
          label={t('intake.applicantLanguage')}
          value={draft.language}
          onChange={(language) => void save({ language })}
          options={[
            { value: 'ru', label: 'Русский' },
            { value: 'kk', label: 'Қазақ тілі' },
          ]}
          data-testid="applicant-language"
          className="narrow"
        />
        <TicketField requestId={draft.requestId} />
      </section>
      <IntakeCard id="applicant" title={t('intake.applicant')} state={failedAt('applicant') ? 'failed' : !draft.applicant ? 'empty' : draft.applicant.source === 'manual' ? 'manual' : 'verified'}>
        <PersonStep role="applicant" person={draft.applicant} />
        <DuplicateWarning draft={draft} />
      </IntakeCard>
      {draft.representation.allowed ? (
        <IntakeCard
          id="representative"
          title={t('intake.representative')}
          state={failedAt('representative') || failedAt('poa') ? 'failed' : !draft.represented ? 'alone' : draft.powerOfAttorney ? 'poaDone' : 'poaWaiting'}
        >
          <Checkbox ref={represented} checked={draft.represented} onChange={(event) => void save({ represented: event.target.checked })} data-testid="represented">
            {t('intake.represented')}
          </Checkbox>
          {draft.represented ? (
            <>
              <PersonStep role="representative" person={draft.representative} />
              {draft.representative ? <PowerOfAttorneyStep draft={draft} /> : null}
            </>
          ) : null}
        </IntakeCard>
      ) : null}
      {draft.formFields.length ? (
        <section aria-labelledby="fields-title">
          <h2 id="fields-title">{t('intake.fields')}</h2>
          {draft.formFields.map((field) => {
            const Input = field.type === 'date' ? DateField : Field;
            return (
              <Input
                key={field.key}
                label={`${field.label[lang(i18n.language)]}${field.required ? ' *' : ''}`}
                value={draft.fields[field.key] ?? ''}
                onChange={(value) => void save({ fields: { ...draft.fields, [field.key]: value } })}
              />
            );
          })}
        </section>
      ) : null}
      <IntakeCard
        id="documents"
        title={t('intake.documents')}
        state={errorAt.startsWith('document-') && failedAt(errorAt) ? 'failed' : draft.missing.length ? 'missing' : 'complete'}
        count={draft.missing.length}
      >
        <ChecklistStep draft={draft} />
        {draft.missing.length ? (
          <p className="error" data-testid="missing">
            {t('intake.missing')}: {draft.lines.filter((line) => draft.missing.includes(line.document)).map((line) => line.name[lang(i18n.language)]).join('; ')}
          </p>
        ) : null}
      </IntakeCard>
      <ActionBar
        busy={busy}
        onSign={() => void prepare()}
        onRefuse={() => setRefusing(true)}
        onLater={close}
      />
      {refusing ? <RefusalDialog draft={draft} onCancel={() => setRefusing(false)} /> : null}
      {/* The signature in a modal named «Подписание ЭЦП»: the key file (or its password, with the key
          remembered) takes the focus; Esc or «Отмена» goes back to the draft. */}
      {content ? (
        <Modal
          open
          title={t('signing.signTitle')}
          onCancel={cancelSigning}
          footer={null}
          width={760}
          centered
          // Once open, the dialog's own focus (on its frame) gives way to the first thing to do.
          afterOpenChange={(opened) => {
            const dialog = document.querySelector('[data-testid="signing-dialog"]');
            if (opened && dialog) dialog.querySelector<HTMLElement>(`[data-testid="${dialog.querySelector('[data-testid="key-remembered"]') ? 'key-password' : 'key-file'}"]`)?.focus();
          }}
        >
          <div data-testid="signing-dialog">
            <SigningDialog heading={false} request={{ payload: content, onSigned: (signed) => void submit(signed.cms) }} />
            <Button onClick={cancelSigning}>{t('intake.cancel')}</Button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}

/** The intake's error where the eye is: in the sticky bar, brought into view and focused when it appears. */
function BarError({ error }: { error: unknown }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus();
  }, [error]);
  return error ? (
    <div ref={box} tabIndex={-1} className="bar-error" data-testid="bar-error">
      <ErrorText error={error} />
    </div>
  ) : null;
}

/**
 * The draft's actions, always visible (sticky at the bottom of the window at 1366×768 and up), with
 * their keys: F8 to sign, F7 to refuse to accept. The last error stands here too.
 */
function ActionBar({ busy, onSign, onRefuse, onLater }: { busy: boolean; onSign(): void; onRefuse: (() => void) | null; onLater(): void }) {
  const { t } = useTranslation();
  const error = useIntake((state) => (state.errorAt === 'bar' ? state.error : null));
  useEffect(() => {
    const press = (event: KeyboardEvent) => {
      if (busy || document.querySelector('[aria-modal="true"]')) return;
      if (event.key === 'F8') {
        event.preventDefault();
        onSign();
      } else if (event.key === 'F7' && onRefuse) {
        event.preventDefault();
        onRefuse();
      }
    };
    window.addEventListener('keydown', press);
    return () => window.removeEventListener('keydown', press);
  }, [busy, onSign, onRefuse]);
  return (
    <div className="action-bar" role="region" aria-label={t('intake.actions')} data-testid="action-bar">
      <BarError error={error} />
      <div className="actions">
        <Button type="primary" disabled={busy} onClick={onSign} aria-keyshortcuts="F8" data-testid="to-signing">
          {t('intake.sign')} <kbd>F8</kbd>
        </Button>
        {onRefuse ? (
          <Button disabled={busy} onClick={onRefuse} aria-keyshortcuts="F7" data-testid="refuse">
            {t('intake.refuse')} <kbd>F7</kbd>
          </Button>
        ) : null}
        <Button onClick={onLater}>
          {t('intake.later')}
        </Button>
      </div>
    </div>
  );
}

/** The counter (приём документов): service → applicant → representative → documents → sign → receipt. */
export function IntakeScreen() {
  const { t } = useTranslation();
  const { draft, error, load } = useIntake();
  const { notification } = AntApp.useApp();
  useEffect(() => {
    void load();
  }, [load]);
  // Every error is also said in a notification in the corner (role=status: the placed error is the alert).
  useEffect(() => {
    if (error) notification.error({ key: 'intake-error', title: errorMessage(t, error), role: 'status', placement: 'topRight', duration: 8 });
    else notification.destroy('intake-error');
  }, [error, notification, t]);
  return (
    <main className="screen intake" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      {error && draft?.state !== 'draft' ? <ErrorText error={error} /> : null}
      {draft ? <DraftForm key={draft.requestId} draft={draft} /> : <ServicePicker />}
    </main>
  );
}
