import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
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

/**
 * Covers the open screen without unmounting it, so a half-typed request is still there after the
 * password; the core refuses every call meanwhile (SESSION_LOCKED).
 */
export function LockScreen() {
  const { t } = useTranslation();
  const { run, error, status } = useAuth();
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => arm.auth.unlock({ password })).then(() => setPassword(''));
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form onSubmit={submit} className="form lock-form">
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.explain', { name: status?.user?.fullName ?? '' })}</p>
        <Field label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus required />
        {error ? <ErrorText error={error} /> : null}
        <div className="actions">
          <button type="submit" className="primary">
            {t('lock.submit')}
          </button>
          <LogoutButton />
        </div>
      </form>
    </div>
  );
}
