import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useAuth } from './store';

/** Login and password, checked against the local accounts: works without a network. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { run, error } = useAuth();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => arm.auth.login({ login, password })).then((ok) => ok || setPassword(''));
  };

  return (
    <main className="screen narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="form">
        <Field label={t('account.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus required />
        <Field label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
        {error ? <ErrorText error={error} /> : null}
        <button type="submit" className="primary">
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
