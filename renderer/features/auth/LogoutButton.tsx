import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { useAuth } from './store';

/** Signs out of this window: from the header, the password change and the lock screen alike. */
export function LogoutButton() {
  const { t } = useTranslation();
  const run = useAuth((state) => state.run);
  return (
    <Button onClick={() => void run(() => arm.auth.logout())}>
      {t('header.logout')}
    </Button>
  );
}
