import { Alert, Button, InputNumber, Modal } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraProblem, cropRect, MAX_MARGIN, NO_MARGINS, type CameraProblem, type Margins } from './crop';

// A document page from the workstation's camera where the host allows it (Electron grants the
// camera and nothing else, electron/security.ts; both hosts send Permissions-Policy camera=(self)):
// capture a frame, trim its edges, and hand it on as a JPEG file — the caller adds it through the
// same upload as an imported file, so it is checked the same way.

const EDGES = ['top', 'right', 'bottom', 'left'] as const;

function CameraDialog({ onPage, onProblem, onClose }: { onPage(file: File): void; onProblem(problem: CameraProblem): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLCanvasElement | null>(null);
  const preview = useRef<HTMLCanvasElement>(null);
  const [captured, setCaptured] = useState(false);
  const [live, setLive] = useState(false);
  const [margins, setMargins] = useState<Margins>(NO_MARGINS);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (opened) => {
        stream = opened;
        if (cancelled || !video.current) return opened.getTracks().forEach((track) => track.stop());
        video.current.srcObject = opened;
        await video.current.play();
        setLive(true);
      })
      .catch((error: unknown) => {
        if (!cancelled) onProblem(cameraProblem(error));
      });
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onProblem]);

  // The trimmed page, redrawn as the margins change.
  useEffect(() => {
    const source = frame.current;
    const target = preview.current;
    if (!captured || !source || !target) return;
    const rect = cropRect(source.width, source.height, margins);
    target.width = rect.width;
    target.height = rect.height;
    target.getContext('2d')?.drawImage(source, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
  }, [captured, margins]);

  const capture = () => {
    const source = video.current;
    if (!source || !source.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = source.videoWidth;
    canvas.height = source.videoHeight;
    canvas.getContext('2d')?.drawImage(source, 0, 0);
    frame.current = canvas;
    setMargins(NO_MARGINS);
    setCaptured(true);
  };

  const addPage = () => {
    preview.current?.toBlob(
      (blob) => {
        if (!blob) return onProblem('failed');
        onPage(new File([blob], `camera-${Date.now()}.jpg`, { type: 'image/jpeg' }));
        onClose();
      },
      'image/jpeg',
      0.92,
    );
  };

  return (
    <Modal
      open
      title={t('camera.title')}
      onCancel={onClose}
      width={760}
      centered
      footer={
        <div className="actions">
          {captured ? (
            <>
              <Button type="primary" onClick={addPage} data-testid="camera-add">
                {t('camera.addPage')}
              </Button>
              <Button onClick={() => setCaptured(false)}>{t('camera.retake')}</Button>
            </>
          ) : (
            <Button type="primary" disabled={!live} onClick={capture} data-testid="camera-shoot">
              {t('camera.shoot')}
            </Button>
          )}
          <Button onClick={onClose}>{t('camera.cancel')}</Button>
        </div>
      }
    >
      <div data-testid="camera-dialog">
        <video ref={video} muted playsInline hidden={captured} data-testid="camera-video" style={{ maxWidth: '100%', maxHeight: '50vh' }} />
        <canvas ref={preview} hidden={!captured} data-testid="camera-preview" style={{ maxWidth: '100%', maxHeight: '50vh' }} />
        {captured ? (
          <fieldset className="crop">
            <legend>{t('camera.crop')}</legend>
            {EDGES.map((edge) => (
              <Margin key={edge} edge={edge} value={margins[edge]} onChange={(value) => setMargins({ ...margins, [edge]: value })} />
            ))}
          </fieldset>
        ) : null}
      </div>
    </Modal>
  );
}

/** One edge's trim in percent of the frame, typed or stepped with the arrows. */
function Margin({ edge, value, onChange }: { edge: (typeof EDGES)[number]; value: number; onChange(value: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t(`camera.edge.${edge}`)}</label>
      <InputNumber id={id} min={0} max={MAX_MARGIN} value={value} onChange={(next) => onChange(next ?? 0)} data-testid={`camera-crop-${edge}`} />
    </div>
  );
}

/** «Камера»: opens the capture where a camera exists; says why not where none does (never fails silently). */
export function CameraButton({ disabled, onPage }: { disabled: boolean; onPage(file: File): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const start = async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) return setProblem('unsupported');
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    if (!devices.some((device) => device.kind === 'videoinput')) return setProblem('none');
    setOpen(true);
  };
  const failed = useCallback((found: CameraProblem) => {
    setOpen(false);
    setProblem(found);
  }, []);
  return (
    <>
      <Button disabled={disabled} onClick={() => void start()} data-testid="camera">
        {t('camera.open')}
      </Button>
      {problem ? <Alert type="error" showIcon data-testid="camera-problem" data-problem={problem} title={t(`camera.problem.${problem}`)} /> : null}
      {open ? <CameraDialog onPage={onPage} onProblem={failed} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
