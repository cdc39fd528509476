import { Button, Upload } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickProps {
  label: string;
  accept: string;
  disabled?: boolean;
  onFile(file: File): void;
  /** On the hidden file input itself, where the e2e sets its files. */
  'data-testid'?: string;
}

/**
 * One file chosen from disk (Ant Design's Upload, nothing uploaded: the caller reads the file). The
 * browser's own «Choose File / No file chosen» would stay English; here the button and the chosen
 * name are in the screen's language.
 */
export function FilePick({ label, accept, disabled, onFile, ...rest }: FilePickProps) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="field file-pick">
      <span id={`${id}-label`}>{label}</span>
      <div className="actions">
        <Upload
          accept={accept}
          disabled={disabled}
          showUploadList={false}
          maxCount={1}
          aria-label={label}
          data-testid={rest['data-testid']}
          beforeUpload={(file) => {
            setName(file.name);
            onFile(file);
            return false;
          }}
        >
          <Button id={`${id}-button`} disabled={disabled} aria-labelledby={`${id}-label ${id}-button`}>
            {t('filePick.choose')}
          </Button>
        </Upload>
        <span className="muted" data-testid={rest['data-testid'] ? `${rest['data-testid']}-name` : undefined}>
          {name ?? t('filePick.none')}
        </span>
      </div>
    </div>
  );
}
