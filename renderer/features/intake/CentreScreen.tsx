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
        onSubmit={(event) => {
          event.preventDefault();
          void save({ code: code.trim(), district: district.trim() });
        }}
      >
        <Field label={t('intake.centreCode')} value={code} onChange={setCode} placeholder="con-kokpekty" required />
        <Field label={t('intake.centreDistrict')} value={district} onChange={setDistrict} placeholder="kokpekty" required />
        <button type="submit">{t('intake.centreSave')}</button>
      </form>
      {saved ? <p role="status">{t('intake.centreSaved')}</p> : null}
      {error ? <ErrorText error={error} /> : null}
      <section aria-labelledby="districts-title">
        <h2 id="districts-title">{t('reach.districtsTitle')}</h2>
        <table data-testid="districts">
          <thead>
            <tr>
              <th>{t('reach.district')}</th>
              <th>{t('reach.seed')}</th>
              <th>{t('reach.region')}</th>
              <th>{t('reach.services')}</th>
              <th>{t('reach.mobileServices')}</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((row) => (
              <tr key={row.district} aria-current={centre?.district === row.district ? 'true' : undefined}>
                <td>{row.district}</td>
                <td>{row.seed}</td>
                <td>{row.region[i18n.language === 'kk' ? 'kk' : 'ru']}</td>
                <td>{row.services}</td>
                <td>{row.mobileServices}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
