import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenericWording } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

type Captions = Record<string, string>;
type Languages = { ru: Captions; kk: Captions };

/**
 * The supervisor's wording of the generic result layout (where no seed gives the text): each
 * caption in ru and kk, the built-in one shown; saved through the settings store (audited).
 */
export function WordingForm() {
  const { t } = useTranslation();
  const [builtIn, setBuiltIn] = useState<Languages | null>(null);
  const [values, setValues] = useState<Languages>({ ru: {}, kk: {} });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    arm.results
      .wording()
      .then(({ builtIn, current }) => {
        setBuiltIn(builtIn);
        setValues({ ru: { ...builtIn.ru, ...current.ru }, kk: { ...builtIn.kk, ...current.kk } });
      })
      .catch(setError);
  }, []);
  if (!builtIn) return error ? <ErrorText error={error} /> : null;
  return (
    <form
      aria-label={t('wording.title')}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        arm.results
          .setWording(values as GenericWording)
          .then(() => setSaved(true), setError);
      }}
    >
      <h3>{t('wording.title')}</h3>
      <p className="muted">{t('wording.hint')}</p>
      <table>
        <tbody>
          {Object.keys(builtIn.ru).map((key) => (
            <tr key={key}>
              {(['ru', 'kk'] as const).map((lang) => (
                <td key={lang}>
                  <input
                    aria-label={`${builtIn[lang][key]} (${lang})`}
                    value={values[lang][key] ?? ''}
                    onChange={(event) => setValues({ ...values, [lang]: { ...values[lang], [key]: event.target.value } })}
                    data-testid={`wording-${lang}-${key}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorText error={error} /> : null}
      {saved ? <p role="status">{t('wording.saved')}</p> : null}
      <button type="submit">{t('wording.save')}</button>
    </form>
  );
}
