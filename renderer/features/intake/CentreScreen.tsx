import { Alert, Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { CentreSetting, DistrictReach } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';

interface CentreState {
  centre: CentreSetting | null;
  /** The district → regulation mapping (reach.districts) the centre's district is checked against. */
  districts: DistrictReach[];
  saved: boolean;
  error: unknown;
  load(): Promise<void>;
  save(centre: CentreSetting): Promise<void>;
}

export const useCentre = create<CentreState>((set) => ({
  centre: null,
  districts: [],
  saved: false,
  error: null,
  load: async () => {
    try {
      const [centre, districts] = await Promise.all([arm.intake.centre(), arm.reach.districts()]);
      set({ centre, districts, error: null });
    } catch (error) {
      set({ error });
    }
  },
  save: async (centre) => {
    try {
      set({ centre: await arm.intake.setCentre(centre), saved: true, error: null });
    } catch (error) {
      set({ error, saved: false });
    }
  },
}));

/** The supervisor names the workstation's centre (gateway code) and its district. */
export function CentreScreen() {
  const { t, i18n } = useTranslation();
  const { centre, districts, saved, error, load, save } = useCentre();
  const [code, setCode] = useState('');
  const [district, setDistrict] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <main className="screen" aria-labelledby="centre-title">
      <h1 id="centre-title">{t('intake.centreTitle')}</h1>
      {centre ? <p data-testid="centre-current">{t('intake.centreCurrent', centre)}</p> : <p>{t('errors.CENTRE_NOT_SET')}</p>}
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ code: code.trim(), district: district.trim() });
        }}
      >
        <Field label={t('intake.centreCode')} value={code} onChange={setCode} placeholder="con-kokpekty" required />
        <Field label={t('intake.centreDistrict')} value={district} onChange={setDistrict} placeholder="kokpekty" required />
        <Button htmlType="submit" type="primary">
          {t('intake.centreSave')}
        </Button>
      </form>
      {saved ? <Alert type="success" showIcon role="status" title={t('intake.centreSaved')} /> : null}
      {error ? <ErrorText error={error} /> : null}
      <section aria-labelledby="districts-title">
        <h2 id="districts-title">{t('reach.districtsTitle')}</h2>
        <Table<DistrictReach>
          size="small"
          rowKey="district"
          pagination={false}
          data-testid="districts"
          dataSource={districts}
          onRow={(row) => ({ 'aria-current': centre?.district === row.district ? 'true' : undefined })}
          rowClassName={(row) => (centre?.district === row.district ? 'current' : '')}
          columns={[
            { key: 'district', title: t('reach.district'), dataIndex: 'district' },
            { key: 'seed', title: t('reach.seed'), dataIndex: 'seed' },
            { key: 'region', title: t('reach.region'), render: (_, row) => row.region[i18n.language === 'kk' ? 'kk' : 'ru'] },
            { key: 'services', title: t('reach.services'), dataIndex: 'services' },
            { key: 'mobileServices', title: t('reach.mobileServices'), dataIndex: 'mobileServices' },
          ]}
        />
      </section>
    </main>
  );
}
