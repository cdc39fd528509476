import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { NewPasswordFields } from '../../ui/NewPasswordFields';
import { useAuth } from './store';
import { LogoutButton } from './LogoutButton';

/** After the first login and after a reset the user sets a password only they know. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const { run, error, status } = useAuth();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (name: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(form.newPassword !== form.repeat);
    if (form.newPassword !== form.repeat) return;
    void run(() => arm.auth.changePassword({ currentPassword: form.currentPassword, newPassword: form.newPassword }));
  };

  return (
    <main className="screen narrow">
      <h1>{t('password.title')}</h1>
      <p className="muted">{t('password.explain', { min: status?.minPasswordLength ?? 8 })}</p>
      <form onSubmit={submit} className="form">
        <Field label={t('password.current')} type="password" value={form.currentPassword} onChange={set('currentPassword')} autoComplete="current-password" required />
        <NewPasswordFields
          label={t('password.new')}
          value={form.newPassword}
          repeat={form.repeat}
          mismatch={mismatch}
          onChange={set('newPassword')}
          onRepeat={set('repeat')}
        />
        {error ? <ErrorText error={error} /> : null}
        <div className="actions">
          <Button htmlType="submit" type="primary">
            {t('password.submit')}
          </Button>
          <LogoutButton />
        </div>
      </form>
    </main>
  );
}
