import { App as AntApp, Button, Input, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Account, type Role } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { IinField } from '../../ui/IinField';
import { SelectField } from '../../ui/SelectField';
import { PolicyForm } from './PolicyForm';
import { useAccounts, type AccountsPlace } from './store';
import { formatDate, formatDateTime } from '../../../shared/time';
import { dataAttributes } from '../../ui/dataAttributes';

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

/** A change's result where it is seen: success in the corner (role=status), an error beside its form. */
export function useAccountsNotice() {
  const notice = useAccounts((state) => state.notice);
  const { notification } = AntApp.useApp();
  useEffect(() => {
    if (notice) notification.success({ key: 'accounts-notice', title: notice, role: 'status', placement: 'topRight' });
  }, [notice, notification]);
}

export function AccountsError({ at }: { at: AccountsPlace }) {
  const { error, errorAt } = useAccounts();
  return error && errorAt === at ? <ErrorText error={error} /> : null;
}

/** The supervisor's accounts: create, deactivate, reset a password, unlock, see last logins. */
export function AccountsScreen() {
  const { t } = useTranslation();
  const formatTime = useDateTime();
  const { accounts, load, act, policy } = useAccounts();
  const [form, setForm] = useState(EMPTY);
  const set = (name: keyof typeof EMPTY) => (value: string) => setForm((current) => ({ ...current, [name]: value }));
  useAccountsNotice();

  useEffect(() => {
    void load();
  }, [load]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    void act(() => arm.accounts.create(form), t('accounts.created', { login: form.login }), 'create').then((ok) => ok && setForm(EMPTY));
  };

  // Electron has no window.prompt: the temporary password is typed into the row itself.
  const [resetting, setResetting] = useState<{ id: string; password: string } | null>(null);
  const reset = (event: FormEvent, account: Account) => {
    event.preventDefault();
    if (!resetting?.password) return;
    void act(() => arm.accounts.resetPassword({ userId: account.id, temporaryPassword: resetting.password }), t('accounts.resetDone', { login: account.login }), 'list').then(
      (ok) => ok && setResetting(null),
    );
  };

  const isLocked = (account: Account) => account.lockedUntil !== null && account.lockedUntil > new Date().toISOString();
  const columns: TableColumnsType<Account> = [
    { key: 'login', title: t('account.login'), dataIndex: 'login' },
    { key: 'fullName', title: t('account.fullName'), dataIndex: 'fullName' },
    { key: 'role', title: t('account.role'), render: (_, account) => t(`roles.${account.role}`) },
    { key: 'organisation', title: t('account.organisation'), dataIndex: 'organisation' },
    { key: 'lastLogin', title: t('accounts.lastLogin'), render: (_, account) => formatTime(account.lastLoginAt) },
    {
      key: 'state',
      title: t('accounts.state'),
      render: (_, account) => (
        <>
          {!account.active ? t('accounts.inactive') : isLocked(account) ? t('accounts.lockedUntil', { until: formatTime(account.lockedUntil) }) : t('accounts.active')}
          {account.mustChangePassword ? ` · ${t('accounts.mustChange')}` : null}
        </>
      ),
    },
    { key: 'method', title: t('accounts.loginMethod'), render: (_, account) => t(account.loginMethod === 'key' ? 'accounts.methodKey' : 'accounts.methodPassword') },
    {
      key: 'keys',
      title: t('accounts.keys'),
      onCell: () => dataAttributes({ 'data-testid': 'account-keys' }),
      render: (_, account) => <KeyDates account={account} warningDays={policy?.keyWarningDays ?? 30} />,
    },
    {
      key: 'actions',
      title: t('accounts.actions'),
      render: (_, account) => (
        <Space size="small" wrap>
          {isLocked(account) ? (
            <Button size="small" onClick={() => void act(() => arm.accounts.unlock({ userId: account.id }), t('accounts.unlocked', { login: account.login }), 'list')}>
              {t('accounts.unlock')}
            </Button>
          ) : null}
          {resetting?.id === account.id ? (
            <form className="inline-form" onSubmit={(event) => reset(event, account)}>
              <Space.Compact size="small">
                <Input
                  type="password"
                  aria-label={t('accounts.temporaryPassword')}
                  value={resetting.password}
                  onChange={(event) => setResetting({ id: account.id, password: event.target.value })}
                  autoComplete="new-password"
                  autoFocus
                />
                <Button htmlType="submit" type="primary">
                  {t('accounts.resetConfirm')}
                </Button>
              </Space.Compact>
            </form>
          ) : (
            <Button size="small" onClick={() => setResetting({ id: account.id, password: '' })}>
              {t('accounts.reset')}
            </Button>
          )}
          <Button
            size="small"
            onClick={() =>
              void act(
                () => arm.accounts.setLoginMethod({ userId: account.id, method: account.loginMethod === 'key' ? 'password' : 'key' }),
                t('accounts.methodChanged', { login: account.login }),
                'list',
              )
            }
          >
            {t(account.loginMethod === 'key' ? 'accounts.setPassword' : 'accounts.setKey')}
          </Button>
          <Button
            size="small"
            danger={account.active}
            onClick={() =>
              void act(
                () => arm.accounts.setActive({ userId: account.id, active: !account.active }),
                t(account.active ? 'accounts.deactivated' : 'accounts.activated', { login: account.login }),
                'list',
              )
            }
          >
            {t(account.active ? 'accounts.deactivate' : 'accounts.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <main className="screen wide">
      <h1>{t('accounts.title')}</h1>
      <AccountsError at="list" />
      <Table<Account>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={accounts}
        pagination={false}
        onRow={(account) => dataAttributes({ 'data-login': account.login })}
      />

      <h2>{t('accounts.new')}</h2>
      <form onSubmit={create} className="form grid-form" aria-label={t('accounts.new')}>
        <Field label={t('account.login')} value={form.login} onChange={set('login')} autoComplete="off" required />
        <Field label={t('account.fullName')} value={form.fullName} onChange={set('fullName')} required />
        <IinField label={t('account.iin')} value={form.iin} onChange={set('iin')} />
        <Field label={t('account.organisation')} value={form.organisation} onChange={set('organisation')} required />
        <SelectField<Role> label={t('account.role')} value={form.role} onChange={set('role')} options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} data-testid="new-account-role" />
        <Field label={t('accounts.temporaryPassword')} type="password" value={form.temporaryPassword} onChange={set('temporaryPassword')} autoComplete="new-password" required />
        <Button htmlType="submit" type="primary">
          {t('accounts.create')}
        </Button>
      </form>
      <AccountsError at="create" />

      <h2>{t('policy.title')}</h2>
      <PolicyForm />
      <AccountsError at="policy" />
    </main>
  );
}
