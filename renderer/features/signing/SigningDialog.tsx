import { Button, Checkbox, Input, type InputRef } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SignedPayload, TrustStatus } from '../../../shared/api';
import type { CertificateCard } from '../../../shared/signing/card';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { FileButton } from '../../ui/FileButton';
import { useAuth } from '../auth/store';
import { createNcaLayerSigner } from './ncalayer';
import { createSigningStore, type SignablePayload, type SigningApi } from './store';
import { formatDateTime } from '../../../shared/time';

// Kazakhstan time as dd.mm.yyyy hh:mm whatever the machine's zone (shared/time).
function useDate() {
  return (iso: string) => formatDateTime(new Date(iso));
}

/** Регистрационное свидетельство ЭЦП: what the user checks before typing the password for a signature. */
export function CertificateCardView({ card }: { card: CertificateCard }) {
  const { t } = useTranslation();
  const date = useDate();
  // Judged when the card is shown; the dialog lives for minutes, not across a certificate's expiry.
  const [shownAt] = useState(() => Date.now());
  const expired = new Date(card.notAfter).getTime() < shownAt;
  // NCA keys live a year: within the policy's warning days the card says how many are left.
  const warningDays = useAuth((state) => state.status?.keyWarningDays ?? 30);
  const daysLeft = Math.floor((new Date(card.notAfter).getTime() - shownAt) / 86_400_000);
  const purpose = { sign: t('signing.card.purposeSign'), auth: t('signing.card.purposeAuth'), other: t('signing.card.purposeOther') }[card.purpose];
  return (
    <section className="certificate" aria-label={t('signing.card.title')} data-testid="certificate-card">
      <h2>{t('signing.card.title')}</h2>
      <dl className="facts">
        <dt>{t('signing.card.owner')}</dt>
        <dd>{[card.subject.commonName, card.subject.givenName].filter(Boolean).join(' ')}</dd>
        <dt>{t('signing.card.iin')}</dt>
        <dd data-testid="certificate-iin">{card.subject.iin ?? '—'}</dd>
        {card.subject.organisation ? (
          <>
            <dt>{t('signing.card.organisation')}</dt>
            <dd>
              {card.subject.organisation}
              {card.subject.bin ? ` (${t('signing.card.bin')} ${card.subject.bin})` : null}
            </dd>
          </>
        ) : null}
        <dt>{t('signing.card.issuer')}</dt>
        <dd>{card.issuer.commonName}</dd>
        <dt>{t('signing.card.validity')}</dt>
        <dd className={expired ? 'error' : undefined}>
          {t('signing.card.validityRange', { from: date(card.notBefore), to: date(card.notAfter) })}
          {expired ? ` — ${t('signing.card.expired')}` : null}
          {!expired && daysLeft < warningDays ? (
            <span className="error" data-testid="certificate-expires-in">
              {` — ${t('signing.card.expiresIn', { days: daysLeft })}`}
            </span>
          ) : null}
        </dd>
        <dt>{t('signing.card.purpose')}</dt>
        <dd className={card.purpose === 'sign' ? undefined : 'error'}>{purpose}</dd>
        <dt>{t('signing.card.fingerprint')}</dt>
        <dd className="muted">{card.fingerprintSha256}</dd>
      </dl>
    </section>
  );
}

/** Age in the largest whole unit: minutes under an hour, hours under two days, then days. */
function age(t: (key: string, values: Record<string, number>) => string, minutes: number): string {
  if (minutes < 60) return t('signing.trust.ageMinutes', { n: minutes });
  if (minutes < 48 * 60) return t('signing.trust.ageHours', { n: Math.floor(minutes / 60) });
  return t('signing.trust.ageDays', { n: Math.floor(minutes / (24 * 60)) });
}

/** How fresh the revocation list (список отозванных регистрационных свидетельств) the core checks against is. */
function TrustLine({ trust }: { trust: TrustStatus }) {
  const { t } = useTranslation();
  const date = useDate();
  if (!trust.crl) return <p className="error" data-testid="crl-status" data-stale="none">{t('signing.trust.crlNone')}</p>;
  return (
    <p className={trust.crl.stale ? 'error' : 'muted'} data-testid="crl-status" data-stale={String(trust.crl.stale)}>
      {t('signing.trust.crlIssued', { age: age(t, trust.crl.ageMinutes), fetched: date(trust.crl.fetchedAt) })}
      {trust.crl.stale && trust.crl.nextUpdate ? ` ${t('signing.trust.crlStale', { next: date(trust.crl.nextUpdate) })}` : null}
      {trust.refreshed ? null : ` ${t('signing.trust.offline')}`}
    </p>
  );
}

export interface SigningDialogProps {
  /** What to sign; without it the dialog only opens the key and shows its certificate. */
  request?: { payload: SignablePayload; onSigned(result: SignedPayload): void };
  api?: SigningApi;
  /** False inside a modal that carries the title itself (the heading would say it twice). */
  heading?: boolean;
}

/** Key file, password, certificate card, progress and translated refusals (issue 6, item 5). */
export function SigningDialog({ request, api = arm.signing, heading = true }: SigningDialogProps) {
  const { t, i18n } = useTranslation();
  const date = useDate();
  const [store] = useState(() => createSigningStore(api));
  const state = useStore(store);
  const busy = state.step === 'inspecting' || state.step === 'signing';
  const loadTrust = state.loadTrust;
  const password = useRef<InputRef>(null);
  const passwordId = useId();
  // With the key chosen (now or earlier in the session), the next thing to type is its password.
  useEffect(() => {
    if (state.keyFile) password.current?.focus();
  }, [state.keyFile]);

  useEffect(() => {
    void loadTrust();
  }, [loadTrust]);

  async function onFile(file: File | undefined) {
    if (file) state.chooseFile(file.name, new Uint8Array(await file.arrayBuffer()));
  }

  async function onSign() {
    if (!request) return;
    const result = await state.sign(request.payload);
    if (result) {
      request.onSigned(result);
      // The core now knows this SIGN key's expiry: the banner may have to appear.
      void useAuth.getState().refresh();
    }
  }

  async function onNcaLayer() {
    if (!request) return;
    const result = await state.signWith(request.payload, createNcaLayerSigner(), i18n.language === 'kk' ? 'kk' : 'ru');
    if (result) {
      request.onSigned(result);
      void useAuth.getState().refresh();
    }
  }

  // Signing a request is named for what it does; opening a key alone, for the key.
  const title = t(request ? 'signing.signTitle' : 'signing.title');
  return (
    <section className="signing" {...(heading ? { 'aria-labelledby': 'signing-title' } : { 'aria-label': title })}>
      {heading ? <h1 id="signing-title">{title}</h1> : null}
      <form
        className="signing-form"
        onSubmit={(event) => {
          event.preventDefault();
          void (request ? onSign() : state.inspect());
        }}
      >
        <div>
          <FileButton label={t('signing.file')} accept=".p12,.pfx,application/x-pkcs12" disabled={busy} onFile={(file) => void onFile(file)} autoFocus={!state.keyFile} data-testid="key-file" />
        </div>
        {state.fileName ? <p className="muted" data-testid="key-remembered">{t('signing.remembered', { file: state.fileName })}</p> : null}
        {state.kept ? (
          <p className="muted" data-testid="key-kept">
            {t('signing.kept', { name: state.kept.subject.commonName })}{' '}
            <Button size="small" disabled={busy} onClick={() => void state.forgetKept()} data-testid="forget-key">
              {t('signing.forgetKey')}
            </Button>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={passwordId}>{t('signing.password')}</label>
          <Input.Password
            id={passwordId}
            autoComplete="off"
            value={state.password}
            disabled={busy}
            onChange={(event) => state.setPassword(event.target.value)}
            ref={password}
            data-testid="key-password"
            visibilityToggle={false}
          />
        </div>
        <Checkbox className="check" checked={state.keep} disabled={busy} onChange={(event) => state.setKeep(event.target.checked)} data-testid="keep-key">
          {t('signing.keep')}
        </Checkbox>
        <p className="muted">{t(state.keep ? 'signing.keepExplain' : 'signing.passwordNotKept')}</p>
        <div className="actions">
          <Button disabled={busy || !state.keyFile} onClick={() => void state.inspect()}>
            {t('signing.inspect')}
          </Button>
          {request ? (
            <Button htmlType="submit" type="primary" disabled={busy || (!state.keyFile && !state.kept)} loading={state.step === 'signing'} data-testid="sign">
              {t('signing.sign')}
            </Button>
          ) : null}
        </div>
      </form>
      {request ? (
        <div className="actions">
          <Button disabled={busy} onClick={() => void onNcaLayer()} data-testid="sign-ncalayer">
            {t('signing.ncalayer')}
          </Button>
          <span className="muted">{t('signing.ncalayerHint')}</span>
        </div>
      ) : null}
      {state.trust ? <TrustLine trust={state.trust} /> : null}
      {state.trustError ? <ErrorText error={state.trustError} /> : null}
      <p role="status" aria-live="polite" className="muted" data-testid="signing-step" data-step={state.step}>
        {state.step === 'inspecting' ? t('signing.inspecting') : null}
        {state.step === 'signing' ? t('signing.signing') : null}
        {state.step === 'signed' && state.result ? t('signing.signed', { time: date(state.result.signingTime) }) : null}
        {state.step === 'signed' && state.result ? (
          <span data-testid="revocation-method" data-method={state.result.revocation.method}>
            {' '}
            {t(state.result.revocation.method === 'ocsp' ? 'signing.revocationOcsp' : 'signing.revocationCrl', { time: date(state.result.revocation.checkedAt) })}
          </span>
        ) : null}
        {state.step === 'cancelled' ? t('signing.cancelled') : null}
      </p>
      {state.step === 'failed' ? <ErrorText error={state.error} /> : null}
      {state.card ? <CertificateCardView card={state.card} /> : null}
    </section>
  );
}
