import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { useAuth } from '../auth/store';
import { UpdatePanel } from '../update/UpdatePanel';
import { useSystem } from './store';

function useSecondsSince(time: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return time === null ? 0 : Math.max(0, Math.floor((now - time) / 1000));
}

export function StatusScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'kk' ? 'kk' : 'ru';
  const { info, error, checkedAt, refresh } = useSystem();
  const seconds = useSecondsSince(checkedAt);
  const supervisor = useAuth((state) => state.status?.user?.role === 'supervisor');
  const gateway = info?.gateway;
  const gatewayText =
    !gateway || gateway.mode === 'none'
      ? t('status.gatewayNone')
      : t(gateway.mode === 'training' ? 'status.gatewayTraining' : 'status.gatewayLive', { url: gateway.url });

  return (
    <main className="screen" aria-labelledby="status-title">
      <h1 id="status-title">{t('status.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      {info ? (
        <dl className="facts">
          <dt>{t('status.version')}</dt>
          <dd data-testid="app-version">{info.appVersion}</dd>
          <dt>{t('status.schema')}</dt>
          <dd data-testid="schema-version">{info.schemaVersion}</dd>
          <dt>{t('status.workstation')}</dt>
          <dd>{info.workstationId}</dd>
          <dt>{t('status.dataDir')}</dt>
          <dd>{info.dataDir}</dd>
          <dt>{t('status.logDir')}</dt>
          <dd>{info.logDir}</dd>
          <dt>{t('status.gateway')}</dt>
          <dd>{gatewayText}</dd>
          {info.calendar.map((year) => (
            <div key={year.year} data-testid="calendar-year" data-provisional={year.provisional}>
              <dt>{t('status.calendarYear', { year: year.year })}</dt>
              <dd>
                {year.provisional ? <strong>{t('status.calendarProvisional')}</strong> : null}
                <details>
                  <summary>{t('status.calendarActs')}</summary>
                  {year.basis[language]}
                </details>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="muted">{t('status.checked', { seconds })}</p>
      <Button onClick={() => void refresh()}>{t('status.refresh')}</Button>
      {supervisor ? <UpdatePanel /> : null}
    </main>
  );
}
