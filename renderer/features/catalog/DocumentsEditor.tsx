import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentOverrideItem, Variant } from '../../../shared/catalog/schema';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useCatalog } from './store';

type Row = { ru: string; kk: string; form: DocumentOverrideItem['form']; requirement: DocumentOverrideItem['requirement']; conditionRu: string; conditionKk: string };

const EMPTY_ROW: Row = { ru: '', kk: '', form: 'original', requirement: 'required', conditionRu: '', conditionKk: '' };

function rowsOf(variant: Variant): Row[] {
  const rows = variant.documents.items.map((item) => ({
    ru: item.name.ru,
    kk: item.name.kk,
    form: item.form,
    requirement: item.requirement,
    conditionRu: item.condition?.ru ?? '',
    conditionKk: item.condition?.kk ?? '',
  }));
  return rows.length ? rows : [EMPTY_ROW];
}

function itemOf(row: Row): DocumentOverrideItem {
  return {
    name: { ru: row.ru, kk: row.kk },
    form: row.form,
    requirement: row.requirement,
    ...(row.requirement === 'conditional' ? { condition: { ru: row.conditionRu, kk: row.conditionKk } } : {}),
  };
}

/**
 * The supervisor's checklist editor for a variant whose regulation points to a Standard that is
 * not in the seeds: the list is typed from the Standard, with where it comes from.
 */
export function DocumentsEditor({ variant, serviceId, onDone }: { variant: Variant; serviceId: string; onDone(): void }) {
  const { t } = useTranslation();
  const reload = useCatalog((state) => state.reload);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(variant));
  const [basis, setBasis] = useState(variant.documentsOverride?.basis ?? variant.documents.listAbsent?.standard ?? '');
  const [error, setError] = useState<unknown>(null);
  const change = (index: number, patch: Partial<Row>) => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await arm.catalog.setDocuments({ variantId: variant.id, items: rows.map(itemOf), basis });
      await reload(serviceId);
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="form documents-editor" onSubmit={(event) => void save(event)} aria-label={t('catalog.editDocuments')}>
      {rows.map((row, index) => (
        <fieldset key={index} className="grid-form">
          <legend>{t('catalog.documentNumber', { number: index + 1 })}</legend>
          <Field label={t('catalog.documentNameRu')} value={row.ru} onChange={(ru) => change(index, { ru })} required />
          <Field label={t('catalog.documentNameKk')} value={row.kk} onChange={(kk) => change(index, { kk })} required />
          <div className="field">
            <label htmlFor={`form-${variant.id}-${index}`}>{t('catalog.documentFormLabel')}</label>
            <select id={`form-${variant.id}-${index}`} value={row.form} onChange={(event) => change(index, { form: event.target.value as Row['form'] })}>
              {(['original', 'copy', 'electronicCopy'] as const).map((form) => (
                <option key={form} value={form}>
                  {t(`catalog.documentForm.${form}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`requirement-${variant.id}-${index}`}>{t('catalog.requirementLabel')}</label>
            <select
              id={`requirement-${variant.id}-${index}`}
              value={row.requirement}
              onChange={(event) => change(index, { requirement: event.target.value as Row['requirement'] })}
            >
              {(['required', 'conditional'] as const).map((requirement) => (
                <option key={requirement} value={requirement}>
                  {t(`catalog.requirement.${requirement}`)}
                </option>
              ))}
            </select>
          </div>
          {row.requirement === 'conditional' ? (
            <>
              <Field label={t('catalog.conditionRu')} value={row.conditionRu} onChange={(conditionRu) => change(index, { conditionRu })} required />
              <Field label={t('catalog.conditionKk')} value={row.conditionKk} onChange={(conditionKk) => change(index, { conditionKk })} required />
            </>
          ) : null}
          <button type="button" onClick={() => setRows((current) => current.filter((_, at) => at !== index))} disabled={rows.length === 1}>
            {t('catalog.removeDocument')}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => setRows((current) => [...current, EMPTY_ROW])}>
          {t('catalog.addDocument')}
        </button>
      </div>
      <Field label={t('catalog.basis')} value={basis} onChange={setBasis} required />
      {error ? <ErrorText error={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t('catalog.saveDocuments')}
        </button>
        <button type="button" onClick={onDone}>
          {t('catalog.cancel')}
        </button>
      </div>
    </form>
  );
}
