import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostPrinter, Printers } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

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
          <p key={kind}>
            <label htmlFor={`${id}-${kind}`}>{t(`printers.${kind}`)}</label>{' '}
            {system ? (
              <select id={`${id}-${kind}`} value={value} onChange={(event) => change(event.target.value)}>
                <option value="">{t('printers.dialog')}</option>
                {/* A stored printer the system no longer lists stays visible, so it is not lost unseen. */}
                {value && !system.some((printer) => printer.name === value) ? <option value={value}>{t('printers.missing', { name: value })}</option> : null}
                {system.map((printer) => (
                  <option key={printer.name} value={printer.name}>
                    {printer.displayName}
                  </option>
                ))}
              </select>
            ) : (
              <input id={`${id}-${kind}`} value={value} onChange={(event) => change(event.target.value)} maxLength={300} placeholder={t('printers.dialog')} />
            )}
          </p>
        );
      })}
      {system ? null : <p className="muted">{t('printers.browser')}</p>}
      <button type="submit" disabled={!stored}>
        {t('printers.save')}
      </button>
      {saved ? <p role="status">{t('printers.saved')}</p> : null}
      {error ? <ErrorText error={error} /> : null}
    </form>
  );
}
