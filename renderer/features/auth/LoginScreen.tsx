import { Alert, Button, Radio } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { FilePick } from '../../ui/FilePick';
import { createNcaLayerSigner } from '../signing/ncalayer';
import { useAuth } from './store';

type Method = 'password' | 'key';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function bytesOf(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Login and password, checked against the local accounts (works without a network), or the AUTH
 * key (вход по ЭЦП) for provider staff: a key file or NCALayer signs the core's one-time challenge.
 */
export function LoginScreen() {
  const { t, i18n } = useTranslation();
  const { run, error } = useAuth();
  const [method, setMethod] = useState<Method>('password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [keyFile, setKeyFile] = useState<string | null>(null);
  const [keyPassword, setKeyPassword] = useState('');
  const [cancelled, setCancelled] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === 'password') {
      void run(() => arm.auth.login({ login, password })).then((ok) => ok || setPassword(''));
      return;
    }
    if (!keyFile) return;
    setBusy(true);
    void run(async () => {
      await arm.auth.keyChallenge({ login });
      return arm.auth.loginWithKey({ login, keyFile, password: keyPassword });
    }).finally(() => {
      setKeyPassword('');
      setBusy(false);
    });
  };

  const withNcaLayer = () => {
    setCancelled(false);
    setBusy(true);
    void run(async () => {
      const challenge = await arm.auth.keyChallenge({ login });
      // NCALayer offers only the holder's keys with the client-authentication EKU.
      const outcome = await createNcaLayerSigner().sign({ data: bytesOf(challenge.data), iin: null, purpose: 'auth', locale: i18n.language === 'kk' ? 'kk' : 'ru' });
      if (outcome.kind === 'cancelled') {
        setCancelled(true);
        return null;
      }
      return arm.auth.loginWithKey({ login, cms: outcome.cms });
    }).finally(() => setBusy(false));
  };

  return (
    <main className="screen narrow">
      <h1>{t('login.title')}</h1>
      <fieldset className="choice" data-testid="login-method">
        <legend>{t('login.method')}</legend>
        <Radio.Group
          name="login-method"
          value={method}
          onChange={(event) => {
            useAuth.setState({ error: null });
            setMethod(event.target.value as Method);
          }}
          options={(['password', 'key'] as const).map((value) => ({ value, label: t(value === 'password' ? 'login.withPassword' : 'login.withKey') }))}
        />
      </fieldset>
      <form onSubmit={submit} className="form">
        <Field label={t('account.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus required />
        {method === 'password' ? (
          <Field label={t('login.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
        ) : (
          <>
            <p className="muted">{t('login.keyHint')}</p>
            <FilePick
              label={t('login.keyFile')}
              accept=".p12,.pfx,application/x-pkcs12"
              data-testid="login-key-file"
              disabled={busy}
              onFile={(file) => {
                // Another key: the last refusal was about the previous one.
                useAuth.setState({ error: null });
                void file.arrayBuffer().then((buffer) => setKeyFile(base64(new Uint8Array(buffer))));
              }}
            />
            <Field label={t('login.keyPassword')} type="password" value={keyPassword} onChange={setKeyPassword} autoComplete="off" />
          </>
        )}
        {error ? <ErrorText error={error} /> : null}
        {cancelled ? <Alert type="info" showIcon title={t('login.cancelled')} /> : null}
        <div className="actions">
          <Button htmlType="submit" type="primary" disabled={busy || (method === 'key' && !keyFile)} data-testid="login-submit">
            {t(method === 'password' ? 'login.submit' : 'login.keySubmit')}
          </Button>
          {method === 'key' ? (
            <Button disabled={busy || !login.trim()} onClick={withNcaLayer} data-testid="login-ncalayer">
              {t('login.ncalayer')}
            </Button>
          ) : null}
        </div>
      </form>
    </main>
  );
}
