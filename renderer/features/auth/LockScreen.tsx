import { Alert, Button } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { FilePick } from '../../ui/FilePick';
import { createNcaLayerSigner } from '../signing/ncalayer';
import { useAuth } from './store';
import { LogoutButton } from './LogoutButton';

const ACTIVITY = ['pointerdown', 'keydown', 'mousemove', 'wheel', 'touchstart'] as const;

/** Locks the screen after the policy's idle minutes without keyboard or mouse. */
export function useIdleLock(minutes: number | undefined, active: boolean): void {
  const run = useAuth((state) => state.run);
  useEffect(() => {
    if (!active || !minutes) return;
    let timer = setTimeout(lock, minutes * 60_000);
    function lock() {
      void run(() => arm.auth.lock());
    }
    function reset() {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes! * 60_000);
    }
    for (const event of ACTIVITY) window.addEventListener(event, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, reset);
    };
  }, [minutes, active, run]);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Covers the open screen without unmounting it, so a half-typed request is still there after the
 * password; the core refuses every call meanwhile (SESSION_LOCKED). An account that logs in by key
 * unlocks with its AUTH key (a key file or NCALayer over a fresh challenge), never a password.
 */
export function LockScreen() {
  const { t, i18n } = useTranslation();
  const { run, error, status } = useAuth();
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [busy, setBusy] = useState(false);
  const byKey = status?.unlockWith === 'key';
  const login = status?.user?.login ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!byKey) {
      void run(() => arm.auth.unlock({ password })).then(() => setPassword(''));
      return;
    }
    if (!keyFile) return;
    setBusy(true);
    void run(async () => {
      await arm.auth.keyChallenge({ login });
      return arm.auth.unlockWithKey({ keyFile, password });
    }).finally(() => {
      setPassword('');
      setBusy(false);
    });
  };

  const withNcaLayer = () => {
    setCancelled(false);
    setBusy(true);
    void run(async () => {
      const challenge = await arm.auth.keyChallenge({ login });
      const binary = atob(challenge.data);
      const outcome = await createNcaLayerSigner().sign({ data: Uint8Array.from(binary, (char) => char.charCodeAt(0)), iin: null, purpose: 'auth', locale: i18n.language === 'kk' ? 'kk' : 'ru' });
      if (outcome.kind === 'cancelled') {
        setCancelled(true);
        return null;
      }
      return arm.auth.unlockWithKey({ cms: outcome.cms });
    }).finally(() => setBusy(false));
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form onSubmit={submit} className="form lock-form">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.explain', { name: status?.user?.fullName ?? '' })}</p>
        {byKey ? (
          <>
            <p className="muted">{t('lock.withKey')}</p>
            <FilePick
              label={t('login.keyFile')}
              accept=".p12,.pfx,application/x-pkcs12"
              data-testid="unlock-key-file"
              disabled={busy}
              onFile={(file) => {
                useAuth.setState({ error: null });
                void file.arrayBuffer().then((buffer) => setKeyFile(base64(new Uint8Array(buffer))));
              }}
            />
            <Field label={t('login.keyPassword')} type="password" value={password} onChange={setPassword} autoComplete="off" />
          </>
        ) : (
          <Field label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus required />
        )}
        {error ? <ErrorText error={error} /> : null}
        {cancelled ? <Alert type="info" showIcon title={t('lock.cancelled')} /> : null}
        <div className="actions">
          <Button htmlType="submit" type="primary" disabled={busy || (byKey && !keyFile)} data-testid="unlock-submit">
            {t('lock.submit')}
          </Button>
          {byKey ? (
            <Button disabled={busy} onClick={withNcaLayer} data-testid="unlock-ncalayer">
              {t('lock.ncalayer')}
            </Button>
          ) : null}
          <LogoutButton />
        </div>
      </form>
    </div>
  );
}
