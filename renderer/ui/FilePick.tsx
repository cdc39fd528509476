import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from './FileButton';

interface FilePickProps {
  label: string;
  accept: string;
  disabled?: boolean;
  onFile(file: File): void;
  /** On the file input itself, where the e2e sets its files. */
  'data-testid'?: string;
}

/**
 * A labelled field for one file from disk (a key, an act's scan, trust files): the label above, the
 * translated button and the chosen file's name (or «no file») beside it. The caller reads the file.
 */
export function FilePick({ label, accept, disabled, onFile, ...rest }: FilePickProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field file-pick">
      <span>{label}</span>
      <FileButton
        label={t('filePick.choose')}
        name={label}
        accept={accept}
        disabled={disabled}
        chosen={chosen ?? t('filePick.none')}
        onFile={(file) => {
          setChosen(file.name);
          onFile(file);
        }}
        data-testid={rest['data-testid']}
      />
    </div>
  );
}
