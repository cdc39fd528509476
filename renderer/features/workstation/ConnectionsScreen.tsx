import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Connections } from '../../../shared/api';
import { arm } from '../../app/api';
import { PrintersForm } from '../print/PrintersForm';
import { MobileCentreForm } from './MobileCentreForm';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

/**
 * The supervisor configures the workstation without flags: the gateway (ШЭП), the update
 * server and the organisation's BIN the keys must carry (CERT_ORGANISATION), stored in the settings and used from the next start; the printers; the centre and the login and
 * lockout rules on their own screens, linked from here.
 */
export function ConnectionsScreen() {
  const { t } = useTranslation();
  const [stored, setStored] = useState<Connections | null>(null);
  const [gateway, setGateway] = useState('');
  const [updates, setUpdates] = useState('');
  const [bin, setBin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const show = (connections: Connections) => {
    setStored(connections);
    setGateway(connections.gatewayUrl ?? '');
    setUpdates(connections.updatesUrl ?? '');
    setBin(connections.organisationBin ?? '');
  };
  useEffect(() => {
    void arm.workstation.connections().then(show, setError);
  }, []);
  const save = () => {
    setError(null);
    setSaved(false);
    void arm.workstation.setConnections({ gatewayUrl: gateway.trim() || null, updatesUrl: updates.trim() || null, organisationBin: bin.trim() || null }).then((connections) => {
      show(connections);
      setSaved(true);
    }, setError);
  };
  const overridden = stored?.activeGatewayUrl && stored.activeGatewayUrl !== stored.gatewayUrl;
  return (
    <main className="screen" aria-labelledby="connections-title">
      <h1 id="connections-title">{t('connections.title')}</h1>
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field label={t('connections.gateway')} value={gateway} onChange={setGateway} placeholder="https://gateway.example.kz/arm/" type="url" />
        <Field label={t('connections.updates')} value={updates} onChange={setUpdates} placeholder="https://updates.example.kz/arm/" type="url" />
        <p className="muted">{t('connections.hint')}</p>
        <Field label={t('connections.bin')} value={bin} onChange={setBin} inputMode="numeric" maxLength={12} />
        <p className="muted">{t('connections.binHint')}</p>
        <Button htmlType="submit" type="primary">
          {t('connections.save')}
        </Button>
      </form>
      {overridden ? <p data-testid="gateway-active">{t('connections.active', { url: stored.activeGatewayUrl })}</p> : null}
      {saved ? <Alert type="success" showIcon role="status" title={t('connections.saved')} /> : null}
      {error ? <ErrorText error={error} /> : null}
      <PrintersForm />
      <MobileCentreForm />
      <ul>
        <li>
          <Link to="/centre">{t('nav.centre')}</Link>
        </li>
        <li>
          <Link to="/accounts">{t('connections.policy')}</Link>
        </li>
      </ul>
    </main>
  );
}
