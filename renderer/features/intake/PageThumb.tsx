import { ArrowDownOutlined, ArrowUpOutlined, ZoomInOutlined } from '@ant-design/icons';
import { Button, Image } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { arm } from '../../app/api';
import { useViewer, pdfBytes } from '../print/store';
import { nearlyUniform } from './blank';

const WIDTH = 96;

async function drawImage(canvas: HTMLCanvasElement, url: string): Promise<void> {
  const image = new window.Image();
  image.src = url;
  await image.decode();
  canvas.width = WIDTH;
  canvas.height = Math.max(1, Math.round((image.height / image.width) * WIDTH));
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
}

async function drawPdf(canvas: HTMLCanvasElement, base64: string): Promise<void> {
  const { firstPage } = await import('../print/render');
  await firstPage(pdfBytes(base64), canvas, WIDTH);
}

/**
 * One page of a document as the operator sees it: a thumbnail that opens it large (a PDF in the
 * viewer; a scan in Ant Design's preview, zoomed and rotated to read a sideways page), a warning
 * when it is (nearly) one colour, its place and its removal.
 */
export function PageThumb({ requestId, document, sha256, page, pages, busy, onMove, onRemove }: {
  requestId: string;
  document: number;
  sha256: string;
  page: number;
  pages: number;
  busy: boolean;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [blank, setBlank] = useState(false);
  const [pdf, setPdf] = useState<string | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [zoomed, setZoomed] = useState(false);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void (async () => {
      const { kind, base64 } = await arm.documents.page({ requestId, document, sha256 });
      if (!live || !canvas.current) return;
      if (kind === 'pdf') {
        setPdf(base64);
        await drawPdf(canvas.current, base64);
      } else {
        url = URL.createObjectURL(new Blob([pdfBytes(base64)], { type: `image/${kind}` }));
        setImage(url);
        await drawImage(canvas.current, url);
      }
      const drawn = canvas.current;
      if (live && drawn) setBlank(nearlyUniform(drawn.getContext('2d')!.getImageData(0, 0, drawn.width, drawn.height).data));
    })().catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [requestId, document, sha256]);
  const label = t('intake.page', { page });
  const open = pdf ? () => useViewer.getState().show({ pdf, fileName: `${sha256.slice(0, 12)}.pdf`, kind: 'receipt', title: label }) : image ? () => setZoomed(true) : undefined;
  return (
    <li className="page-thumb" data-blank={blank || undefined}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        width={WIDTH}
        height={Math.round(WIDTH * 1.41)}
        onClick={open}
      />
      <span>{label}</span>
      {image ? <Image className="page-preview" src={image} alt={label} preview={{ open: zoomed, onOpenChange: setZoomed }} /> : null}
      {blank ? (
        <strong className="error" role="alert" data-testid="blank-page">
          {t('intake.blankPage')}
        </strong>
      ) : null}
      <span className="row-actions">
        {open ? (
          <Button size="small" onClick={open} aria-label={t('intake.zoomPage', { page })} data-testid="zoom-page">
            <ZoomInOutlined />
          </Button>
        ) : null}
        <Button size="small" disabled={busy || page === 1} onClick={() => onMove(-1)} aria-label={t('intake.pageEarlier', { page })}>
          <ArrowUpOutlined />
        </Button>
        <Button size="small" disabled={busy || page === pages} onClick={() => onMove(1)} aria-label={t('intake.pageLater', { page })}>
          <ArrowDownOutlined />
        </Button>
        <Button size="small" danger disabled={busy} onClick={onRemove}>
          {t('intake.removeScan')}
        </Button>
      </span>
    </li>
  );
}
