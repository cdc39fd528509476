import { Alert, Button } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostPrinter, Printers } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';

const KINDS = ['receipt', 'result'] as const;

/**
 * The supervisor's printers of this workstation: one for receipts (расписки), one for results
 * (справки, отказы). In Electron chosen from the system's printers; in the browser the print
 * dialog chooses, so the name is only kept for the installed app.
 */
export function PrintersForm() {
  const { t } = useTranslation();
  const id = useId();
  const [stored, setStored] = useState<Printers | null>(null);
  const [chosen, setChosen] = useState<Printers>({ receipt: null, result: null });
  const [system, setSystem] = useState<HostPrinter[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void arm.print.printers().then((printers) => {
      setStored(printers);
      setChosen(printers);
    }, setError);
    void window.armPrinting?.printers().then(setSystem, setError);
  }, []);
  const save = () => {
    setSaved(false);
    setError(null);
    void arm.print.setPrinters(chosen).then((printers) => {
      setStored(printers);
      setChosen(printers);
      setSaved(true);
    }, setError);
  };
  return (
    <form
      className="stack-form"
      aria-labelledby={`${id}-title`}
      data-testid="printers"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 id={`${id}-title`}>{t('printers.title')}</h2>
      {KINDS.map((kind) => {
        const value = chosen[kind] ?? '';
        const change = (next: string) => setChosen({ ...chosen, [kind]: next.trim() ? next : null });
        return (
          <div key={kind}>
            {system ? (
              <SelectField
                label={t(`printers.${kind}`)}
                value={value}
                onChange={change}
                options={[
                  { value: '', label: t('printers.dialog') },
                  // A stored printer the system no longer lists stays visible, so it is not lost unseen.
                  ...(value && !system.some((printer) => printer.name === value) ? [{ value, label: t('printers.missing', { name: value }) }] : []),
                  ...system.map((printer) => ({ value: printer.name, label: printer.displayName })),
                ]}
              />
            ) : (
              <Field label={t(`printers.${kind}`)} value={value} onChange={change} maxLength={300} placeholder={t('printers.dialog')} />
            )}
          </div>
        );
      })}
      {system ? null : <p className="muted">{t('printers.browser')}</p>}
      <Button htmlType="submit" type="primary" disabled={!stored}>
        {t('printers.save')}
      </Button>
      {saved ? <Alert type="success" showIcon role="status" title={t('printers.saved')} /> : null}
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
