import { Alert, Button } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { printViewer, type ViewerPrintOutcome } from './printing';
import { pdfBytes, useViewer, type ViewedPdf } from './store';

/**
 * The in-app PDF viewer (предпросмотр): the pages as they will print, «Печать» (Ctrl+P) and
 * «Сохранить». A modal dialog over the inert app; Esc closes it and focus returns where it was.
 */
export function PdfViewer() {
  const open = useViewer((state) => state.open);
  // Unmounted by the idle lock and a change of user: the next person finds no document open.
  useEffect(() => () => useViewer.getState().close(), []);
  return open ? createPortal(<ViewerDialog key={`${open.fileName}:${open.pdf.length}`} viewed={open} />, document.body) : null;
}

function ViewerDialog({ viewed }: { viewed: ViewedPdf }) {
  const { t } = useTranslation();
  const close = useViewer((state) => state.close);
  const pages = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<ViewerPrintOutcome | null>(null);
  const url = useMemo(() => URL.createObjectURL(new Blob([pdfBytes(viewed.pdf)], { type: 'application/pdf' })), [viewed.pdf]);

  // The app behind is inert while the viewer is open; focus comes back to where it was.
  useEffect(() => {
    const root = document.getElementById('root');
    const before = document.activeElement as HTMLElement | null;
    if (root) root.inert = true;
    document.body.classList.add('viewing-pdf');
    dialog.current?.focus();
    return () => {
      if (root) root.inert = false;
      document.body.classList.remove('viewing-pdf');
      URL.revokeObjectURL(url);
      before?.focus();
    };
  }, [url]);

  useEffect(() => {
    const controller = new AbortController();
    void import('./render')
      .then(({ renderPages }) => renderPages(pdfBytes(viewed.pdf), pages.current!, (page) => t('viewer.page', { page }), controller.signal))
      .then(setPageCount, (reason: unknown) => {
        if (!controller.signal.aborted) setError(reason);
      });
    return () => controller.abort();
  }, [viewed.pdf, t]);

  // Once the pages are drawn, the next thing to do is to print.
  useEffect(() => {
    if (pageCount !== null) printButton.current?.focus();
  }, [pageCount]);

  const print = () => {
    setOutcome(null);
    void printViewer(window, async () => (await arm.print.printers())[viewed.kind]).then(setOutcome, setError);
  };

  return (
    <div
      ref={dialog}
      tabIndex={-1}
      className="pdf-viewer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="pdf-viewer-title"
      data-testid="pdf-viewer"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
          event.preventDefault();
          print();
        }
      }}
    >
      <div className="pdf-toolbar">
        <h2 id="pdf-viewer-title">{viewed.title}</h2>
        <span className="muted" aria-live="polite">
          {pageCount === null ? t('viewer.loading') : t('viewer.pages', { count: pageCount })}
        </span>
        <Button ref={printButton} type="primary" onClick={print} disabled={pageCount === null} aria-keyshortcuts="Control+P" data-testid="pdf-print">
          {t('viewer.print')} <kbd>Ctrl+P</kbd>
        </Button>
        <Button href={url} download={viewed.fileName} data-testid="pdf-save">
          {t('viewer.save')}
        </Button>
        <Button onClick={close} aria-keyshortcuts="Escape" data-testid="pdf-close">
          {t('viewer.close')} <kbd>Esc</kbd>
        </Button>
      </div>
      {/* The outcome of «Печать»: a live region that is always there, so the words are announced. */}
      <div role="status" className="pdf-outcome">
        {outcome ? (
          <Alert
            type={outcome.status === 'failed' ? 'error' : 'info'}
            showIcon
            role="none"
            title={t(`viewer.outcome.${outcome.status}`, outcome.status === 'failed' ? { reason: outcome.reason } : {})}
          />
        ) : null}
      </div>
      {error ? <ErrorText error={error} /> : null}
      <div className="pdf-pages" ref={pages} />
    </div>
  );
}
