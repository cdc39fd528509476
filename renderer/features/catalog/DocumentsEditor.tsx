import { Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentOverrideItem, Variant } from '../../../shared/catalog/schema';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
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
          <SelectField<Row['form']>
            label={t('catalog.documentFormLabel')}
            value={row.form}
            onChange={(form) => change(index, { form })}
            options={(['original', 'copy', 'electronicCopy'] as const).map((form) => ({ value: form, label: t(`catalog.documentForm.${form}`) }))}
          />
          <SelectField<Row['requirement']>
            label={t('catalog.requirementLabel')}
            value={row.requirement}
            onChange={(requirement) => change(index, { requirement })}
            options={(['required', 'conditional'] as const).map((requirement) => ({ value: requirement, label: t(`catalog.requirement.${requirement}`) }))}
          />
          {row.requirement === 'conditional' ? (
            <>
              <Field label={t('catalog.conditionRu')} value={row.conditionRu} onChange={(conditionRu) => change(index, { conditionRu })} required />
              <Field label={t('catalog.conditionKk')} value={row.conditionKk} onChange={(conditionKk) => change(index, { conditionKk })} required />
            </>
          ) : null}
          <Button danger onClick={() => setRows((current) => current.filter((_, at) => at !== index))} disabled={rows.length === 1}>
            {t('catalog.removeDocument')}
          </Button>
        </fieldset>
      ))}
      <div className="actions">
        <Button onClick={() => setRows((current) => [...current, EMPTY_ROW])}>{t('catalog.addDocument')}</Button>
      </div>
      <Field label={t('catalog.basis')} value={basis} onChange={setBasis} required />
      {error ? <ErrorText error={error} /> : null}
      <div className="actions">
        <Button htmlType="submit" type="primary">
          {t('catalog.saveDocuments')}
        </Button>
        <Button onClick={onDone}>{t('catalog.cancel')}</Button>
      </div>
    </form>
  );
}
