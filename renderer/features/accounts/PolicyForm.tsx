import { Button } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/api';
import { arm } from '../../app/api';
import { Field } from '../../ui/Field';
import { useAccounts } from './store';

const FIELDS: Array<keyof Policy> = ['minPasswordLength', 'maxFailedAttempts', 'lockMinutes', 'idleMinutes', 'keyWarningDays'];

/** Password length, lockout and idle lock: the supervisor's settings for this workstation. */
export function PolicyForm() {
  const { t } = useTranslation();
  const { policy, loadPolicy, act } = useAccounts();
  const [draft, setDraft] = useState<Record<keyof Policy, string> | null>(null);

  useEffect(() => {
    void loadPolicy();
  }, [loadPolicy]);

  const values = draft ?? (policy ? (Object.fromEntries(FIELDS.map((name) => [name, String(policy[name])])) as Record<keyof Policy, string>) : null);
  if (!values) return null;

  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = Object.fromEntries(FIELDS.map((name) => [name, Number(values[name])])) as Policy;
    void act(() => arm.accounts.setPolicy(next), t('policy.saved'), 'policy').then((ok) => {
      if (ok) {
        setDraft(null);
        void loadPolicy();
      }
    });
  };

  return (
    <form className="form grid-form" onSubmit={save} aria-label={t('policy.title')}>
      {FIELDS.map((name) => (
        <Field
          key={name}
          label={t(`policy.${name}`)}
          type="number"
          min={1}
          value={values[name]}
          onChange={(value) => setDraft({ ...values, [name]: value })}
          required
        />
      ))}
      <Button htmlType="submit" type="primary">
        {t('policy.save')}
      </Button>
    </form>
  );
}
