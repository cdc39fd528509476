import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArmError, intakeRefusalGroundSchema, type ChecklistItem, type IntakeDraft, type IntakeRefusalGround, type Language, type PersonData } from '../../../shared/api';
import { checkIin } from '../../../shared/iin/iin';
import { ErrorText } from '../../ui/ErrorText';
import { DateField } from '../../ui/DateField';
import { formatDay } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { IinField } from '../../ui/IinField';
import { filterServices } from '../catalog/filter';
import { SigningDialog } from '../signing/SigningDialog';
import { TicketField } from '../visits/TicketField';
import { PageThumb } from './PageThumb';
import { CameraButton } from '../camera/CameraCapture';
import { useIntake, type ManualPerson } from './store';
import { useAuth } from '../auth/store';
import { formatDateTime } from '../../../shared/time';

function lang(language: string): Language {
  return language === 'kk' ? 'kk' : 'ru';
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
                <button type="button" onClick={() => void open(draft.requestId)}>
                  {t('intake.continue')}: {draft.number} · {draft.serviceName[lang(i18n.language)]} {draft.applicantName ? `· ${draft.applicantName}` : ''}
                </button>
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
              <button type="button" onClick={() => void start(service.id)} data-service={service.id}>
                {service.name[lang(i18n.language)]}
              </button>
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
        <button type="submit" disabled={!valid}>
          {t('intake.lookup')} <kbd>Enter</kbd>
        </button>
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
          <button type="submit" disabled={busy}>
            {t('intake.saveManual')}
          </button>
        </form>
      ) : null}
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
        <button type="submit" disabled={busy || !number || !date}>
          {t('intake.poaCheck')}
        </button>
      </form>
      {draft.representation.simpleAllowed ? (
        <button type="button" disabled={busy} onClick={() => void simple()}>
          {t('intake.poaSimple')}
        </button>
      ) : null}
      {poa?.kind === 'notarised' ? (
        <p className="ok" data-testid="poa-accepted">
          {t('intake.poaAccepted', { number: poa.number, date: formatDay(poa.issuedOn), validTo: formatDay(poa.validTo) })}
        </p>
      ) : null}
      {poa?.kind === 'simple' ? <p data-testid="poa-simple">{t('intake.poaSimpleChosen')}</p> : null}
    </div>
  );
}

function ChecklistStep({ draft }: { draft: IntakeDraft }) {
  const { t, i18n } = useTranslation();
  const { save, upload, scan, remove, move, assemble, loadScanners, rememberScanner, scanners, scanner, busy } = useIntake();
  const [picked, setDevice] = useState('');
  const [folder, setFolder] = useState('');
  // The workstation's remembered scanner until the operator picks another.
  const device = picked || scanner || '';
  const [resolution, setResolution] = useState<150 | 300>(150);
  const [mode, setMode] = useState<'Color' | 'Gray'>('Gray');
  const update = (document: number, change: Partial<ChecklistItem>) =>
    void save({ checklist: draft.checklist.map((item) => (item.document === document ? { ...item, ...change } : item)) });
  if (!draft.lines.length) return <p className="muted">{t('intake.noDocuments')}</p>;
  return (
    <>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void loadScanners()}>
          {t('intake.findScanners')}
        </button>
        {scanners ? (
          scanners.length ? (
            <>
              <label>
                {t('intake.scanner')}
                <select
                  value={device}
                  onChange={(event) => {
                    setDevice(event.target.value);
                    if (event.target.value) void rememberScanner(event.target.value);
                  }}
                  data-testid="scanner"
                >
                  <option value="">—</option>
                  {scanners.map((scanner) => (
                    <option key={scanner.device} value={scanner.device}>
                      {scanner.description} ({scanner.device})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('intake.resolution')}
                <select value={resolution} onChange={(event) => setResolution(Number(event.target.value) === 300 ? 300 : 150)}>
                  <option value={150}>150 dpi</option>
                  <option value={300}>300 dpi</option>
                </select>
              </label>
              <label>
                {t('intake.colour')}
                <select value={mode} onChange={(event) => setMode(event.target.value === 'Color' ? 'Color' : 'Gray')}>
                  <option value="Gray">{t('intake.gray')}</option>
                  <option value="Color">{t('intake.color')}</option>
                </select>
              </label>
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
            <label>
              {t('intake.scanFolder')}
              <input value={folder} onChange={(event) => setFolder(event.target.value)} data-testid="scan-folder" />
            </label>
            <button type="submit" disabled={busy || !folder.trim()} data-testid="use-scan-folder">
              {t('intake.useScanFolder')}
            </button>
          </form>
        ) : null}
      </div>
      <table className="checklist">
        <tbody>
          {draft.lines.map((line) => {
            const item = draft.checklist.find((candidate) => candidate.document === line.document)!;
            return (
              <tr key={line.document} data-testid={`document-${line.document}`}>
                <td>
                  <label>
                    <input type="checkbox" checked={item.presented} onChange={(event) => update(line.document, { presented: event.target.checked })} />
                    {line.name[lang(i18n.language)]} {line.required ? '*' : ''}
                  </label>
                </td>
                <td>
                  <select aria-label={t('intake.form')} value={item.form ?? ''} onChange={(event) => update(line.document, { form: event.target.value === 'copy' ? 'copy' : event.target.value === 'original' ? 'original' : null })}>
                    <option value="">—</option>
                    <option value="original">{t('intake.original')}</option>
                    <option value="copy">{t('intake.copy')}</option>
                  </select>
                </td>
                <td>
                  <label className="file">
                    {t('intake.attachFile')}
                    <input type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" disabled={busy} onChange={(event) => {
                      const file = event.target.files?.[0];
                      if (file) void upload(line.document, file);
                      event.target.value = '';
                    }} />
                  </label>
                  {device ? (
                    <button type="button" disabled={busy} onClick={() => void scan(line.document, device, resolution, mode)}>
                      {t('intake.scan')}
                    </button>
                  ) : null}
                  <CameraButton disabled={busy} onPage={(file) => void upload(line.document, file)} />
                  {busy ? <progress aria-label={t('intake.working')} /> : null}
                </td>
                <td>
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
                    <button type="button" disabled={busy} onClick={() => void assemble(line.document)} data-testid={`assemble-${line.document}`}>
                      {t('intake.assemble')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
          <label className="field">
            {t('intake.duplicate.reason')}
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} data-testid="duplicate-reason-input" />
          </label>
          <button type="submit" disabled={busy || reason.trim().length < 5} data-testid="duplicate-continue">
            {t('intake.duplicate.continue')}
          </button>
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
        <button type="button" disabled={busy} onClick={() => void print(draft.language)} autoFocus data-testid="print-receipt">
          {draft.state === 'refusedAtIntake' ? t('intake.printRefusal') : t('intake.printReceipt')}
        </button>
        <button type="button" onClick={close}>
          {t('intake.next')}
        </button>
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
    <div role="dialog" aria-modal="true" aria-labelledby="refusal-title" className="dialog" data-testid="refusal-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Without a document list (seed 001 R1/R5/R9) the note names the documents instead.
          if (draft.lines.length ? !documents.length : comment.trim().length < 5) return setEmpty(true);
          void refuse({ ground, documents, comment });
        }}
      >
        <h2 id="refusal-title">{t('intake.refuseTitle')}</h2>
        <fieldset>
          <legend>{t('intake.refuseGround')}</legend>
          {intakeRefusalGroundSchema.options.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="refusal-ground" value={value} checked={ground === value} onChange={() => setGround(value)} autoFocus={ground === value} /> {t(`intake.ground.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('intake.refuseDocuments')}</legend>
          {draft.lines.map((line) => (
            <label key={line.document} className="choice">
              <input
                type="checkbox"
                checked={documents.includes(line.document)}
                onChange={(event) => {
                  setEmpty(false);
                  setDocuments(event.target.checked ? [...documents, line.document].sort((a, b) => a - b) : documents.filter((document) => document !== line.document));
                }}
                data-document={line.document}
              />{' '}
              {line.name[lang(i18n.language)]}
            </label>
          ))}
          {draft.lines.length ? null : <p>{t('intake.refuseNoList')}</p>}
          {empty ? (
            <p role="alert" className="error">
              {t(draft.lines.length ? 'intake.refuseNoDocuments' : 'errors.REFUSAL_DOCUMENTS_UNNAMED')}
            </p>
          ) : null}
        </fieldset>
        <label className="field">
          {draft.lines.length ? t('intake.refuseComment') : t('intake.refuseCommentRequired')}
          <textarea value={comment} required={!draft.lines.length} data-testid="refusal-comment" maxLength={500} onChange={(event) => setComment(event.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy} data-testid="confirm-refusal">
            {t('intake.refuseConfirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('intake.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function DraftForm({ draft }: { draft: IntakeDraft }) {
  const { t, i18n } = useTranslation();
  const { save, prepare, submit, cancelSigning, content, close, busy } = useIntake();
  const [refusing, setRefusing] = useState(false);
  const represented = useRef<HTMLInputElement>(null);
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
        <label>
          {t('intake.applicantLanguage')}
          <select value={draft.language} onChange={(event) => void save({ language: event.target.value === 'kk' ? 'kk' : 'ru' })} data-testid="applicant-language">
            <option value="ru">Русский</option>
            <option value="kk">Қазақ тілі</option>
          </select>
        </label>
        <TicketField requestId={draft.requestId} />
      </section>
      <section aria-labelledby="applicant-title">
        <h2 id="applicant-title">{t('intake.applicant')}</h2>
        <PersonStep role="applicant" person={draft.applicant} />
        <DuplicateWarning draft={draft} />
      </section>
      {draft.representation.allowed ? (
        <section aria-labelledby="representative-title">
          <h2 id="representative-title">{t('intake.representative')}</h2>
          <label>
            <input type="checkbox" ref={represented} checked={draft.represented} onChange={(event) => void save({ represented: event.target.checked })} data-testid="represented" />
            {t('intake.represented')}
          </label>
          {draft.represented ? (
            <>
              <PersonStep role="representative" person={draft.representative} />
              {draft.representative ? <PowerOfAttorneyStep draft={draft} /> : null}
            </>
          ) : null}
        </section>
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
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('intake.documents')}</h2>
        <ChecklistStep draft={draft} />
        {draft.missing.length ? (
          <p className="error" data-testid="missing">
            {t('intake.missing')}: {draft.lines.filter((line) => draft.missing.includes(line.document)).map((line) => line.name[lang(i18n.language)]).join('; ')}
          </p>
        ) : null}
      </section>
      <ActionBar
        busy={busy}
        onSign={() => void prepare()}
        onRefuse={() => setRefusing(true)}
        onLater={close}
      />
      {refusing ? <RefusalDialog draft={draft} onCancel={() => setRefusing(false)} /> : null}
      {content ? (
        <div role="dialog" aria-modal="true" aria-labelledby="signing-title" className="dialog" data-testid="signing-dialog">
          <SigningDialog request={{ payload: content, onSigned: (signed) => void submit(signed.cms) }} />
          <button type="button" onClick={cancelSigning}>
            {t('intake.cancel')}
          </button>
        </div>
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
  const error = useIntake((state) => state.error);
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
        <button type="button" className="primary" disabled={busy} onClick={onSign} aria-keyshortcuts="F8" data-testid="to-signing">
          {t('intake.sign')} <kbd>F8</kbd>
        </button>
        {onRefuse ? (
          <button type="button" disabled={busy} onClick={onRefuse} aria-keyshortcuts="F7" data-testid="refuse">
            {t('intake.refuse')} <kbd>F7</kbd>
          </button>
        ) : null}
        <button type="button" onClick={onLater}>
          {t('intake.later')}
        </button>
      </div>
    </div>
  );
}

/** The counter (приём документов): service → applicant → representative → documents → sign → receipt. */
export function IntakeScreen() {
  const { t } = useTranslation();
  const { draft, error, load } = useIntake();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <main className="screen intake" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      {error && draft?.state !== 'draft' ? <ErrorText error={error} /> : null}
      {draft ? <DraftForm key={draft.requestId} draft={draft} /> : <ServicePicker />}
    </main>
  );
}
