import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { IinField } from '../../ui/IinField';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { useAuth } from './store';

/** First run: the workstation has no account yet, so its supervisor is created here. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { run, error } = useAuth();
  const [form, setForm] = useState({ login: '', fullName: '', iin: '', organisation: '', password: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (name: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(form.password !== form.repeat);
    if (form.password !== form.repeat) return;
    const { repeat, ...input } = form;
    void run(() => arm.auth.setup(input));
  };

  return (
    <main className="screen narrow">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.explain')}</p>
      <form onSubmit={submit} className="form">
        <Field label={t('account.login')} value={form.login} onChange={set('login')} autoComplete="username" required />
        <Field label={t('account.fullName')} value={form.fullName} onChange={set('fullName')} required />
        <IinField label={t('account.iin')} value={form.iin} onChange={set('iin')} />
        <Field label={t('account.organisation')} value={form.organisation} onChange={set('organisation')} required />
        <NewPasswordFields
          label={t('login.password')}
          value={form.password}
          repeat={form.repeat}
          mismatch={mismatch}
          onChange={set('password')}
          onRepeat={set('repeat')}
        />
        {error ? <ErrorText error={error} /> : null}
        <Button htmlType="submit" type="primary">
          {t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
