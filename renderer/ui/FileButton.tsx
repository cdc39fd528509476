import { Button } from 'antd';
import { useId, type Ref } from 'react';

interface FileButtonProps {
  /** The button's words, also the file chooser's accessible name unless `name` is given. */
  label: string;
  /** The chooser's accessible name where the button's words alone do not say what file (a field's label). */
  name?: string;
  accept: string;
  onFile(file: File): void;
  disabled?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** The chosen file's name, said beside the button. */
  chosen?: string | null;
  'data-testid'?: string;
}

/**
 * A file chooser in the screen's language. The browser's own input (keyboard, screen readers,
 * drag-and-drop, e2e's setInputFiles) lies transparent over an Ant Design button, so the browser's
 * «Choose File / No file chosen» never shows; the button beneath is only its face.
 */
export function FileButton({ label, name, accept, onFile, disabled, autoFocus, inputRef, chosen, ...rest }: FileButtonProps) {
  const id = useId();
  return (
    <span className="file-button">
      <span className="file-button-face">
        <Button tabIndex={-1} aria-hidden disabled={disabled}>
          {label}
        </Button>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={accept}
          aria-label={name ?? label}
          disabled={disabled}
          autoFocus={autoFocus}
          data-testid={rest['data-testid']}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared: the same file chosen again (a rescan) still counts.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </span>
      {chosen ? <span className="muted">{chosen}</span> : null}
    </span>
  );
}
