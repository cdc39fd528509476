import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/time';
import { useAuth } from './store';

/**
 * The signed-in user's key that runs out within the warning days (policy, default 30): shown from
 * login on, so a new key is ordered from НУЦ РК before the old one stops signing.
 */
export function KeyExpiryBanner() {
  const { t } = useTranslation();
  const expiry = useAuth((state) => state.status?.keyExpiry ?? null);
  if (!expiry) return null;
  const date = formatDate(new Date(expiry.notAfter));
  return (
    <Alert
      banner
      type={expiry.daysLeft < 0 ? 'error' : 'warning'}
      role="status"
      data-testid="key-expiry"
      data-days={expiry.daysLeft}
      title={expiry.daysLeft < 0 ? t('keyExpiry.expired', { key: expiry.key.toUpperCase(), date }) : t(`keyExpiry.${expiry.key}`, { date, days: expiry.daysLeft })}
    />
  );
}
