import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Account, type Role } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { IinField } from '../../ui/IinField';
import { PolicyForm } from './PolicyForm';
import { useAccounts } from './store';
import { formatDate, formatDateTime } from '../../../shared/time';

const EMPTY = { login: '', fullName: '', iin: '', organisation: '', role: 'operator' as Role, temporaryPassword: '' };

function useDateTime() {
  return (value: string | null) => (value ? formatDateTime(new Date(value)) : '—');
}

/** Each account's last seen AUTH and SIGN key expiry; within the warning days in red (NCA keys live a year). */
function KeyDates({ account, warningDays }: { account: Account; warningDays: number }) {
  const { t } = useTranslation();
  // Judged when the row first shows; the screen lives for minutes, not days.
  const [now] = useState(() => Date.now());
  const keys = [
    ['AUTH', account.authKeyNotAfter],
    ['SIGN', account.signKeyNotAfter],
  ] as const;
  if (keys.every(([, notAfter]) => notAfter === null)) return <span className="muted">{t('accounts.keyNone')}</span>;
  return (
    <>
      {keys.map(([key, notAfter]) => {
        if (!notAfter) return null;
        const days = Math.floor((new Date(notAfter).getTime() - now) / 86_400_000);
        return (
          <div key={key} className={days < warningDays ? 'error' : undefined} data-key={key} data-days={days}>
            {t('accounts.keyDate', { key, date: formatDate(new Date(notAfter)), days })}
          </div>
        );
      })}
    </>
  );
}

/** The supervisor's accounts: create, deactivate, reset a password, unlock, see last logins. */
export function AccountsScreen() {
  const { t } = useTranslation();
  const formatTime = useDateTime();
  const { accounts, error, notice, load, act, policy } = useAccounts();
  const [form, setForm] = useState(EMPTY);
  const set = (name: keyof typeof EMPTY) => (value: string) => setForm((current) => ({ ...current, [name]: value }));

  useEffect(() => {
    void load();
  }, [load]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    void act(() => arm.accounts.create(form), t('accounts.created', { login: form.login })).then((ok) => ok && setForm(EMPTY));
  };

  // Electron has no window.prompt: the temporary password is typed into the row itself.
  const [resetting, setResetting] = useState<{ id: string; password: string } | null>(null);
  const reset = (event: FormEvent, account: Account) => {
    event.preventDefault();
    if (!resetting?.password) return;
    void act(() => arm.accounts.resetPassword({ userId: account.id, temporaryPassword: resetting.password }), t('accounts.resetDone', { login: account.login })).then(
      (ok) => ok && setResetting(null),
    );
  };

  return (
    <main className="screen wide">
      <h1>{t('accounts.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t('account.login')}</th>
            <th>{t('account.fullName')}</th>
            <th>{t('account.role')}</th>
            <th>{t('account.organisation')}</th>
            <th>{t('accounts.lastLogin')}</th>
            <th>{t('accounts.state')}</th>
            <th>{t('accounts.loginMethod')}</th>
            <th>{t('accounts.keys')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const locked = account.lockedUntil !== null && account.lockedUntil > new Date().toISOString();
            return (
              <tr key={account.id} data-login={account.login}>
                <td>{account.login}</td>
                <td>{account.fullName}</td>
                <td>{t(`roles.${account.role}`)}</td>
                <td>{account.organisation}</td>
                <td>{formatTime(account.lastLoginAt)}</td>
                <td>
                  {!account.active ? t('accounts.inactive') : locked ? t('accounts.lockedUntil', { until: formatTime(account.lockedUntil) }) : t('accounts.active')}
                  {account.mustChangePassword ? ` · ${t('accounts.mustChange')}` : null}
                </td>
                <td>{t(account.loginMethod === 'key' ? 'accounts.methodKey' : 'accounts.methodPassword')}</td>
                <td data-testid="account-keys">
                  <KeyDates account={account} warningDays={policy?.keyWarningDays ?? 30} />
                </td>
                <td className="row-actions">
                  {locked ? (
                    <button type="button" onClick={() => void act(() => arm.accounts.unlock({ userId: account.id }), t('accounts.unlocked', { login: account.login }))}>
                      {t('accounts.unlock')}
                    </button>
                  ) : null}
                  {resetting?.id === account.id ? (
                    <form className="inline-form" onSubmit={(event) => reset(event, account)}>
                      <input
                        type="password"
                        aria-label={t('accounts.temporaryPassword')}
                        value={resetting.password}
                        onChange={(event) => setResetting({ id: account.id, password: event.target.value })}
                        autoComplete="new-password"
                        autoFocus
                      />
                      <button type="submit">{t('accounts.resetConfirm')}</button>
                    </form>
                  ) : (
                    <button type="button" onClick={() => setResetting({ id: account.id, password: '' })}>
                      {t('accounts.reset')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () => arm.accounts.setLoginMethod({ userId: account.id, method: account.loginMethod === 'key' ? 'password' : 'key' }),
                        t('accounts.methodChanged', { login: account.login }),
                      )
                    }
                  >
                    {t(account.loginMethod === 'key' ? 'accounts.setPassword' : 'accounts.setKey')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () => arm.accounts.setActive({ userId: account.id, active: !account.active }),
                        t(account.active ? 'accounts.deactivated' : 'accounts.activated', { login: account.login }),
                      )
                    }
                  >
                    {t(account.active ? 'accounts.deactivate' : 'accounts.activate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>{t('accounts.new')}</h2>
      <form onSubmit={create} className="form grid-form">
        <Field label={t('account.login')} value={form.login} onChange={set('login')} autoComplete="off" required />
        <Field label={t('account.fullName')} value={form.fullName} onChange={set('fullName')} required />
        <IinField label={t('account.iin')} value={form.iin} onChange={set('iin')} />
        <Field label={t('account.organisation')} value={form.organisation} onChange={set('organisation')} required />
        <div className="field">
          <label htmlFor="new-account-role">{t('account.role')}</label>
          <select id="new-account-role" value={form.role} onChange={(event) => set('role')(event.target.value)}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('accounts.temporaryPassword')} type="password" value={form.temporaryPassword} onChange={set('temporaryPassword')} autoComplete="new-password" required />
        <button type="submit" className="primary">
          {t('accounts.create')}
        </button>
      </form>

      <h2>{t('policy.title')}</h2>
      <PolicyForm />
    </main>
  );
}
