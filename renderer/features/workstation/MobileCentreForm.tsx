import { Button, Card, Input, Select, Space } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreSetting, DistrictReach } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

/**
 * Whether this workstation is a mobile centre (мобильный ЦОН), and for which centre and district:
 * the core refuses a district where no regulation names mobile centres (MOBILE_CENTRE_NOT_ALLOWED).
 */
export function MobileCentreForm() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState<CentreSetting | null>(null);
  const [districts, setDistricts] = useState<DistrictReach[]>([]);
  const [code, setCode] = useState('');
  const [district, setDistrict] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const show = (setting: CentreSetting | null) => {
    setCurrent(setting);
    setCode(setting?.code ?? '');
    setDistrict(setting?.district ?? '');
  };
  useEffect(() => {
    void Promise.all([arm.workstation.mobileCentre(), arm.reach.districts()]).then(([setting, rows]) => {
      show(setting);
      setDistricts(rows);
    }, setError);
  }, []);
  const save = (mobileCentre: CentreSetting | null) => {
    setError(null);
    setSaved(false);
    void arm.workstation.setMobileCentre({ mobileCentre }).then((setting) => {
      show(setting);
      setSaved(true);
    }, setError);
  };
  const language = i18n.language === 'kk' ? 'kk' : 'ru';
  return (
    <Card size="small" title={<h2 id={`${id}-title`}>{t('connections.mobileTitle')}</h2>} data-testid="mobile-centre">
      <p data-testid="mobile-centre-current">{current ? t('connections.mobileCurrent', current) : t('connections.mobileNone')}</p>
      <p className="muted">{t('connections.mobileHint')}</p>
      <form
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          save({ code: code.trim(), district });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('connections.mobileCode')}</label>
          <Input id={`${id}-code`} value={code} onChange={(event) => setCode(event.target.value)} placeholder="mobile-m-zhumabaev" data-testid="mobile-centre-code" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-district`}>{t('connections.mobileDistrict')}</label>
          <Select
            id={`${id}-district`}
            value={district || undefined}
            onChange={setDistrict}
            data-testid="mobile-centre-district"
            popupMatchSelectWidth={false}
            options={districts.map((row) => ({ value: row.district, label: `${row.district} — ${row.region[language]} (${t('reach.mobileServices')}: ${row.mobileServices})` }))}
          />
        </div>
        <Space>
          <Button htmlType="submit" type="primary" disabled={!code.trim() || !district} data-testid="mobile-centre-save">
            {t('connections.mobileSave')}
          </Button>
          {current ? (
            <Button onClick={() => save(null)} data-testid="mobile-centre-clear">
              {t('connections.mobileClear')}
            </Button>
          ) : null}
        </Space>
      </form>
      {saved ? <p role="status">{t('connections.mobileSaved')}</p> : null}
      {error ? <ErrorText error={error} /> : null}
    </Card>
  );
}
